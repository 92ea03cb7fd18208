"""Inspection records in and out. Readings are typed and checked against physical range here;
judging them against the rule's limits happens in the service."""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from assets_api.inspections.models import Outcome
from assets_api.rules.readings import PHYSICAL, ReadingType
from assets_api.types import Input, Output, Text100, Text200, Text2000
from carehub_kit.pagination import Page


class ReadingIn(Input):
    reading: ReadingType
    value: Decimal = Field(max_digits=8, decimal_places=2)
    label: Text100 | None = Field(default=None, description="Which outlet or point, e.g. 'Bathroom 2 hot tap'.")

    @field_validator("value")
    @classmethod
    def _physically_possible(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        kind = info.data.get("reading")
        if kind is not None:
            physical = PHYSICAL[kind]
            if not physical.low <= value <= physical.high:
                raise ValueError(f"a {kind} reading must lie within {physical.low}-{physical.high} {physical.unit}")
        return value


class InspectionCreate(Input):
    asset_id: uuid.UUID
    rule_id: uuid.UUID
    inspected_date: date = Field(description="The day of the inspection; never in the future.")
    outcome: Outcome = Field(
        description="As the inspector judged it; a reading outside the rule's limits makes it a fail.")
    inspector_name: Text200
    company: Text200 | None = None
    certificate_ref: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    defects_found: Text2000 | None = None
    notes: Text2000 | None = None
    readings: list[ReadingIn] = Field(default_factory=list, max_length=20)


class ReadingRead(Output):
    reading: ReadingType
    value: Decimal
    unit: str
    label: str | None
    min: Decimal | None
    max: Decimal | None
    max_inclusive: bool
    within_limits: bool


class InspectionRead(Output):
    id: uuid.UUID
    asset_id: uuid.UUID
    rule_id: uuid.UUID
    home_id: uuid.UUID
    inspected_date: date
    outcome: Outcome
    inspector_name: str
    company: str | None
    certificate_ref: str | None
    defects_found: str | None
    notes: str | None
    recorded_by: str
    recorded_at: datetime
    readings: list[ReadingRead]


class InspectionRecorded(InspectionRead):
    opened_defect_id: uuid.UUID | None = Field(description="The defect opened because the inspection failed.")


class InspectionPage(Page[InspectionRead]):
    """One page of inspections."""
