"""Workforce returns, indicators and benchmarks, in and out."""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field, field_validator

from carehub_kit.pagination import Page
from feedback_api.base import BoundedDate, Input, Output, Short
from feedback_api.workforce.models import StaffRole

Count = Annotated[int, Field(ge=0, le=10_000)]
Amount = Annotated[Decimal, Field(ge=0, le=1_000_000, decimal_places=2)]
Hours = Annotated[Decimal, Field(ge=0, le=10_000_000, decimal_places=1)]
Money = Annotated[Decimal, Field(ge=0, le=100_000_000, decimal_places=2)]
INDICATORS = ("turnover_rate", "vacancy_rate", "first_year_leaver_rate", "sickness_days_per_fte",
              "agency_share_of_hours", "level2_share")


class RoleLine(Input):
    role: StaffRole
    headcount: Count
    fte: Amount
    vacancies: Amount


class ReturnFigures(Input):
    roles: list[RoleLine] = Field(min_length=1, max_length=len(StaffRole))
    starters: Count
    leavers_voluntary: Count
    leavers_involuntary: Count
    first_year_leavers: Count = Field(description="Leavers this month who had worked here under 12 months.")
    sickness_days: Hours
    staff_hours: Hours = Field(description="Hours worked by directly employed staff.")
    agency_hours: Hours
    agency_spend: Money = Field(description="Pounds, excluding VAT.")
    level2_qualified: Count = Field(description="Staff holding a care qualification at Level 2 or above.")

    @field_validator("roles")
    @classmethod
    def _one_line_per_role(cls, lines: list[RoleLine]) -> list[RoleLine]:
        if len({line.role for line in lines}) != len(lines):
            raise ValueError("give each role once")
        return lines


class ReturnCreate(ReturnFigures):
    home_id: uuid.UUID
    month: BoundedDate = Field(description="Any day of the month; stored as the first.")


class RoleLineRead(Output):
    role: StaffRole
    headcount: int
    fte: float
    vacancies: float


class ReturnRead(Output):
    id: uuid.UUID
    home_id: uuid.UUID
    month: date
    roles: list[RoleLineRead]
    headcount: int
    fte: float
    vacancies: float
    starters: int
    leavers_voluntary: int
    leavers_involuntary: int
    first_year_leavers: int
    sickness_days: float
    staff_hours: float
    agency_hours: float
    agency_spend: float
    level2_qualified: int
    updated_at: datetime
    version: int


class ReturnPage(Page[ReturnRead]):
    """One page of workforce returns."""


class BenchmarkCreate(Input):
    indicator: str = Field(description=f"One of: {', '.join(INDICATORS)}.")
    name: Short
    value: Annotated[Decimal, Field(ge=0, le=10_000, decimal_places=2)]
    source: Short
    year: Annotated[str, Field(pattern=r"^\d{4}(/\d{2})?$", description="e.g. 2024/25")]

    @field_validator("indicator")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in INDICATORS:
            raise ValueError(f"must be one of: {', '.join(INDICATORS)}")
        return value


class BenchmarkUpdate(Input):
    name: Short | None = None
    value: Annotated[Decimal, Field(ge=0, le=10_000, decimal_places=2)] | None = None
    source: Short | None = None
    year: Annotated[str, Field(pattern=r"^\d{4}(/\d{2})?$")] | None = None


class BenchmarkRead(Output):
    id: uuid.UUID
    indicator: str
    name: str
    value: float
    source: str
    year: str
    version: int


class BenchmarkList(BaseModel):
    items: list[BenchmarkRead]


class Comparison(BaseModel):
    indicator: str
    value: float | None
    benchmark: float
    benchmark_source: str
    benchmark_year: str
    worse_than_benchmark: bool | None


class Indicators(BaseModel):
    """Rates are per cent; `months_covered` is how many of the 12 months have a return
    (rolling figures need all 12)."""

    home_id: uuid.UUID | None
    month: date
    months_covered: int
    headcount: int
    turnover_rate: float | None
    vacancy_rate: float | None
    first_year_leaver_rate: float | None
    sickness_days_per_fte: float | None
    agency_share_of_hours: float | None
    level2_share: float | None
    comparisons: list[Comparison]


class IndicatorList(BaseModel):
    items: list[Indicators]


class SeriesPoint(BaseModel):
    """Every indicator at one month, by the same rules as /v1/workforce/indicators."""

    month: date
    turnover_rate: float | None
    vacancy_rate: float | None
    first_year_leaver_rate: float | None
    sickness_days_per_fte: float | None
    agency_share_of_hours: float | None
    level2_share: float | None


class WorkforceSeries(BaseModel):
    home_id: uuid.UUID | None = Field(description="Null: all the homes you can see, together.")
    points: list[SeriesPoint]
