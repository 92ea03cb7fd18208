"""From spreadsheet columns to asset fields, and one row's problems, each naming the row and the
file's own column heading.

A column is used when the mapping names it (a field, `extra.<name>`, or `ignore`), when its heading
is a field's name, or when it is an extra field of some category (then it fills `extra` on the rows
of categories that have the field). Every other column is reported as unmapped and blocks the
import: a column is never dropped silently."""

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from jsonschema import Draft202012Validator
from pydantic import ConfigDict, Field, ValidationError

from assets_api.assets.models import AssetStatus, Condition
from assets_api.assets.schemas import Money, Tag
from assets_api.categories.models import Category
from assets_api.types import Code, Input, Text100, Text200, Text2000, today

IGNORE = "ignore"
FIELDS = ("tag", "name", "category", "serial", "make", "model", "location_id", "status", "condition",
          "purchase_date", "purchase_cost", "warranty_end_date", "supplier", "notes")


class ImportRow(Input):
    """One row, as typed: numbers are accepted where text is expected (a serial typed as 12345)."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)

    tag: Tag | None = None
    name: Text200
    category: Code
    serial: Text100 | None = None
    make: Text100 | None = None
    model: Text100 | None = None
    location_id: uuid.UUID | None = None
    status: AssetStatus = AssetStatus.in_service
    condition: Condition = Condition.B
    purchase_date: date | None = None
    purchase_cost: Money | None = None
    warranty_end_date: date | None = None
    supplier: Text200 | None = None
    notes: Text2000 | None = None
    extra: Annotated[dict[str, Any], Field(default_factory=dict)]


@dataclass
class Columns:
    """Where each used column goes: a field, or an extra field."""

    fields: dict[int, str] = field(default_factory=dict)
    extras: dict[int, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)


def _slug(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", heading.lower()).strip("_")


def map_columns(header: list[str], mapping: dict[str, str], categories: dict[str, Category]) -> Columns:
    extra_names = {p for c in categories.values() for p in (c.extra_schema or {}).get("properties", {})}
    cols = Columns()
    for i, heading in enumerate(header):
        target = mapping.get(heading, _slug(heading))
        if target == IGNORE:
            cols.ignored.append(heading)
        elif target in FIELDS:
            cols.fields[i] = target
        elif target.startswith("extra.") or target in extra_names:
            cols.extras[i] = target.removeprefix("extra.")
        else:
            cols.unmapped.append(heading or f"column {i + 1}")
    for heading in cols.unmapped:
        cols.problems.append({"row": 1, "column": heading, "problem": "not mapped to an asset field: map it, "
                              "or map it to \"ignore\""})
    for target in ("name", "category"):
        if target not in cols.fields.values():
            cols.problems.append({"row": 1, "column": None, "problem": f"no column for the required field {target}"})
    for heading in set(mapping) - set(header):
        cols.problems.append({"row": 1, "column": heading, "problem": "the mapping names a column the file lacks"})
    return cols


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _typed_extra(value: Any, schema: dict[str, Any]) -> Any:
    """CSV cells are text: read numbers and yes/no for the fields whose schema asks for them."""
    if not isinstance(value, str):
        return int(value) if isinstance(value, Decimal) and value == value.to_integral() else \
            float(value) if isinstance(value, Decimal) else value
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            return float(value)
    except ValueError:
        return value
    if kind == "boolean" and value.lower() in ("yes", "true", "y", "1", "no", "false", "n", "0"):
        return value.lower() in ("yes", "true", "y", "1")
    return value


@dataclass
class Checker:
    """Checks rows against the fields, the category's JSON Schema and the home's locations."""

    header: list[str]
    cols: Columns
    categories: dict[str, Category]
    locations: frozenset[uuid.UUID]
    validators: dict[str, Draft202012Validator] = field(default_factory=dict)

    def heading(self, target: str) -> str | None:
        for i, name in self.cols.fields.items():
            if name == target:
                return self.header[i]
        for i, name in self.cols.extras.items():
            if name == target:
                return self.header[i]
        return None

    def check(self, number: int, values: list[Any], formulas: list[int]) -> tuple[ImportRow | None,
                                                                                   list[dict[str, Any]]]:
        problems = [{"row": number, "column": self.header[i], "problem": "a formula: paste the values instead"}
                    for i in formulas if i < len(self.header)]
        data: dict[str, Any] = {}
        extra_cells: dict[str, Any] = {}
        for i, value in enumerate(values):
            value = _cell(value)
            if value is None or i in formulas:
                continue
            if i in self.cols.fields:
                data[self.cols.fields[i]] = value
            elif i in self.cols.extras:
                extra_cells[self.cols.extras[i]] = value
        try:
            row = ImportRow.model_validate(data)
        except ValidationError as e:
            return None, problems + [{"row": number, "column": self.heading(str(err["loc"][0])),
                                      "problem": err["msg"]} for err in e.errors()]
        problems += self._business(number, row, extra_cells)
        return (None if problems else row), problems

    def _business(self, number: int, row: ImportRow, extra_cells: dict[str, Any]) -> list[dict[str, Any]]:
        def problem(target: str, msg: str) -> dict[str, Any]:
            return {"row": number, "column": self.heading(target), "problem": msg}

        category = self.categories.get(row.category)
        if category is None:
            return [problem("category", f"unknown category {row.category!r}")]
        out = []
        if row.location_id is not None and row.location_id not in self.locations:
            out.append(problem("location_id", "no such location in this home"))
        if row.purchase_date and row.purchase_date > today():
            out.append(problem("purchase_date", "cannot be in the future"))
        if row.purchase_date and row.warranty_end_date and row.warranty_end_date < row.purchase_date:
            out.append(problem("warranty_end_date", "ends before the purchase date"))
        out += self._extra(number, row, category, extra_cells)
        return out

    def _extra(self, number: int, row: ImportRow, category: Category,
               cells: dict[str, Any]) -> list[dict[str, Any]]:
        schema = category.extra_schema or {"type": "object", "additionalProperties": False, "properties": {}}
        props = schema.get("properties", {})
        row.extra = {k: _typed_extra(v, props.get(k, {})) for k, v in cells.items()}
        validator = self.validators.setdefault(category.code, Draft202012Validator(schema))
        out = []
        for err in validator.iter_errors(row.extra):
            if err.validator == "additionalProperties":
                out += [{"row": number, "column": self.heading(k), "problem": f"not a field of {category.code}"}
                        for k in row.extra if k not in props]
            elif err.validator == "required":
                out.append({"row": number, "column": None, "problem": f"{category.code}: {err.message[:200]}"})
            else:
                target = str(err.path[0]) if err.path else ""
                out.append({"row": number, "column": self.heading(target), "problem": err.message[:200]})
        return out
