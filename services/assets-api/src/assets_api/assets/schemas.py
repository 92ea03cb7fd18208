"""Assets in and out."""

import re
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Self

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from assets_api.assets.models import AssetStatus, AssignedKind, Condition
from assets_api.types import Input, Output, Text100, Text200, Text2000, as_uuid
from carehub_kit.pagination import Page

GENERATED_TAG = re.compile(r"^CH-[0-9]+$")


def _tag(value: str) -> str:
    if GENERATED_TAG.match(value):
        raise ValueError("tags 'CH-' and digits are given out by Care Hub; leave tag out to get one")
    return value


Tag = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True,
                                       pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{1,31}$"), AfterValidator(_tag)]
Money = Annotated[Decimal, Field(ge=0, le=10_000_000, max_digits=10, decimal_places=2)]
Extra = Annotated[dict[str, Any], Field(description="Extra fields, checked against the category's schema.")]


class AssignedTo(Input):
    """Who or where the asset is assigned to: a location in the same home, a staff member (their
    sign-in subject) or a resident (their careplan-api id)."""

    kind: AssignedKind
    id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]

    @model_validator(mode="after")
    def _ids_are_uuids(self) -> Self:
        if self.kind is not AssignedKind.staff and as_uuid(self.id) is None:
            raise ValueError(f"a {self.kind} is referred to by its UUID")
        return self


class _AssetFields(Input):
    name: Text200
    serial: Text100 | None = None
    make: Text100 | None = None
    model: Text100 | None = None
    location_id: uuid.UUID | None = None
    category_id: uuid.UUID
    status: AssetStatus = AssetStatus.in_service
    condition: Condition = Condition.B
    purchase_date: date | None = None
    purchase_cost: Money | None = None
    warranty_end_date: date | None = None
    supplier: Text200 | None = None
    assigned_to: AssignedTo | None = None
    notes: Text2000 | None = None
    extra: Extra = Field(default_factory=dict)


class AssetCreate(_AssetFields):
    home_id: uuid.UUID
    tag: Tag | None = Field(default=None, description="The home's own label; left out, Care Hub gives CH-000123.")


class AssetUpdate(Input):
    """Only the fields sent change. Tag and home are fixed for the asset's life."""

    name: Text200 | None = None
    serial: Text100 | None = None
    make: Text100 | None = None
    model: Text100 | None = None
    location_id: uuid.UUID | None = None
    category_id: uuid.UUID | None = None
    status: AssetStatus | None = None
    condition: Condition | None = None
    purchase_date: date | None = None
    purchase_cost: Money | None = None
    warranty_end_date: date | None = None
    supplier: Text200 | None = None
    assigned_to: AssignedTo | None = None
    notes: Text2000 | None = None
    extra: Extra | None = None


REQUIRED_ON_UPDATE = frozenset({"name", "category_id", "status", "condition", "extra"})


class AssignedToRead(Output):
    kind: AssignedKind
    id: str


class AssetRead(Output):
    id: uuid.UUID
    tag: str
    home_id: uuid.UUID
    location_id: uuid.UUID | None
    category_id: uuid.UUID
    name: str
    serial: str | None
    make: str | None
    model: str | None
    status: AssetStatus
    condition: Condition
    purchase_date: date | None
    purchase_cost: Decimal | None
    warranty_end_date: date | None
    supplier: str | None
    assigned_to: AssignedToRead | None
    notes: str | None
    extra: dict[str, Any]
    next_due_date: date | None = Field(description="Earliest due date over the asset's inspection rules.")
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int

    @model_validator(mode="before")
    @classmethod
    def _assignment(cls, data: Any) -> Any:
        if hasattr(data, "assigned_to_kind"):  # from the ORM row: two columns -> one object
            kind = data.assigned_to_kind
            return {**{f: getattr(data, f) for f in cls.model_fields if f != "assigned_to"},
                    "assigned_to": {"kind": kind, "id": data.assigned_to_id} if kind else None}
        return data


class AssetPage(Page[AssetRead]):
    """One page of assets; `total` only when asked for with `?count=true`."""

    total: int | None = None
