"""Inspection rules and home overrides in and out."""

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Self

from pydantic import Field, model_validator

from assets_api.rules.models import IntervalUnit
from assets_api.rules.readings import PHYSICAL, ReadingType
from assets_api.types import Code, Input, Output, Text200, Text2000
from carehub_kit.pagination import Page

MAX_DAYS, MAX_MONTHS = 3650, 120
Limit = Annotated[Decimal, Field(max_digits=8, decimal_places=2)]


class Threshold(Input):
    """Limits a reading must meet: at least `min`, at most `max` (or below it when `max_inclusive` is false)."""

    reading: ReadingType
    min: Limit | None = None
    max: Limit | None = None
    max_inclusive: bool = True

    @model_validator(mode="after")
    def _sensible(self) -> Self:
        physical = PHYSICAL[self.reading]
        if self.min is None and self.max is None:
            raise ValueError("give min, max or both")
        for bound in (self.min, self.max):
            if bound is not None and not physical.low <= bound <= physical.high:
                raise ValueError(f"limits for {self.reading} must lie within {physical.low}-{physical.high}")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is above max")
        return self


def _check_interval(value: int | None, unit: IntervalUnit | None) -> None:
    if value is not None and unit is not None and value > (MAX_MONTHS if unit is IntervalUnit.months else MAX_DAYS):
        raise ValueError(f"an interval is at most {MAX_MONTHS} months or {MAX_DAYS} days")
    if (value is None) != (unit is None):
        raise ValueError("send interval_value and interval_unit together")


class _Interval(Input):
    @model_validator(mode="after")
    def _interval(self) -> Self:
        _check_interval(getattr(self, "interval_value", None), getattr(self, "interval_unit", None))
        return self


Thresholds = Annotated[list[Threshold], Field(max_length=5)]


def _unique_readings(thresholds: list[Threshold] | None) -> None:
    if thresholds and len({t.reading for t in thresholds}) != len(thresholds):
        raise ValueError("each reading may have one threshold")


class RuleCreate(_Interval):
    code: Code
    category_id: uuid.UUID
    inspection_type: Text200
    interval_value: int = Field(ge=1)
    interval_unit: IntervalUnit
    warning_days: int = Field(ge=0, le=365)
    basis: Text2000 = Field(description="The law or guidance that requires the inspection.")
    statutory: bool = Field(description="Required by law: counted in the compliance percentage.")
    fail_takes_out_of_service: bool
    thresholds: Thresholds = Field(default_factory=list)

    @model_validator(mode="after")
    def _readings(self) -> Self:
        _unique_readings(self.thresholds)
        return self


class RuleUpdate(_Interval):
    """Only the fields sent change; the category is fixed. Due dates are recomputed at once."""

    inspection_type: Text200 | None = None
    interval_value: int | None = Field(default=None, ge=1)
    interval_unit: IntervalUnit | None = None
    warning_days: int | None = Field(default=None, ge=0, le=365)
    basis: Text2000 | None = None
    statutory: bool | None = None
    fail_takes_out_of_service: bool | None = None
    thresholds: Thresholds | None = None

    @model_validator(mode="after")
    def _readings(self) -> Self:
        _unique_readings(self.thresholds)
        return self


class ThresholdRead(Output):
    reading: ReadingType
    min: Decimal | None
    max: Decimal | None
    max_inclusive: bool


class RuleRead(Output):
    id: uuid.UUID
    code: str
    category_id: uuid.UUID
    inspection_type: str
    interval_value: int
    interval_unit: IntervalUnit
    warning_days: int
    basis: str
    statutory: bool
    fail_takes_out_of_service: bool
    thresholds: list[ThresholdRead]
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class RulePage(Page[RuleRead]):
    """One page of inspection rules."""


class OverrideCreate(_Interval):
    home_id: uuid.UUID
    rule_id: uuid.UUID
    interval_value: int = Field(ge=1)
    interval_unit: IntervalUnit
    reason: Text2000 = Field(description="Why the home inspects more often (e.g. its risk assessment).")


class OverrideUpdate(_Interval):
    interval_value: int | None = Field(default=None, ge=1)
    interval_unit: IntervalUnit | None = None
    reason: Text2000 | None = None


class OverrideRead(Output):
    id: uuid.UUID
    home_id: uuid.UUID
    rule_id: uuid.UUID
    interval_value: int
    interval_unit: IntervalUnit
    reason: str
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class OverridePage(Page[OverrideRead]):
    """One page of a home's interval overrides."""
