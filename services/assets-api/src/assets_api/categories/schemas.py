"""Categories in and out. An extra-field schema must itself be a valid JSON Schema (checked
against the draft 2020-12 metaschema) describing an object."""

import json
import uuid
from datetime import datetime
from typing import Annotated, Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from pydantic import AfterValidator, Field

from assets_api.types import Code, Input, Output, Text100, Text2000
from carehub_kit.pagination import Page

MAX_SCHEMA_CHARS = 20_000


def _json_schema(schema: dict[str, Any]) -> dict[str, Any]:
    if len(json.dumps(schema)) > MAX_SCHEMA_CHARS:
        raise ValueError(f"the schema is larger than {MAX_SCHEMA_CHARS} characters")
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        where = "/".join(str(p) for p in exc.path) or "(root)"
        raise ValueError(f"not a valid JSON Schema at {where}: {exc.message}") from None
    if schema.get("type") != "object":
        raise ValueError('extra fields are an object: the schema needs "type": "object"')
    return schema


ExtraSchema = Annotated[dict[str, Any], AfterValidator(_json_schema),
                        Field(description="JSON Schema (draft 2020-12) for the category's extra fields.")]


class CategoryCreate(Input):
    code: Code
    name: Text100
    description: Text2000 | None = None
    extra_schema: ExtraSchema | None = None


class CategoryUpdate(Input):
    """A new extra-field schema applies to assets written from then on."""

    name: Text100 | None = None
    description: Text2000 | None = None
    extra_schema: ExtraSchema | None = None


class CategoryRead(Output):
    id: uuid.UUID
    code: str
    name: str
    description: str | None
    extra_schema: dict[str, Any] | None
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class CategoryPage(Page[CategoryRead]):
    """One page of categories."""
