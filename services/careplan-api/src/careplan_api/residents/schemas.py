"""Residents in and out. NHS numbers are accepted with or without spaces and shown 3-3-4."""

import re
import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, field_serializer, field_validator

from carehub_kit.pagination import Page
from careplan_api import clock, nhs_number
from careplan_api.fields import Input, LongText, Name, Output, Short, Text
from careplan_api.residents.models import NhsNumberStatus, ResidentStatus, Sex

EARLIEST_BIRTH = date(1900, 1, 1)
# NHS ODS codes for GP practices: a letter and five digits, e.g. "F86001".
_ODS_PRACTICE = re.compile(r"^[A-Z][0-9]{5}$")


def _nhs(value: str) -> str:
    digits = nhs_number.normalise(value)
    if (why := nhs_number.problem(digits)) is not None:
        raise ValueError(why)
    return digits


def _birth(value: date) -> date:
    if value > clock.today():
        raise ValueError("cannot be in the future")
    if value < EARLIEST_BIRTH:
        raise ValueError("must be after 1900")
    return value


def _not_future(value: date) -> date:
    if value > clock.today():
        raise ValueError("cannot be in the future")
    return value


def _ods(value: str) -> str:
    if not _ODS_PRACTICE.match(value.upper()):
        raise ValueError("must be a GP practice code such as F86001")
    return value.upper()


NhsNumber = Annotated[str, StringConstraints(strip_whitespace=True, max_length=16), AfterValidator(_nhs)]
BirthDate = Annotated[date, AfterValidator(_birth)]
PastDate = Annotated[date, AfterValidator(_not_future)]
PracticeCode = Annotated[str, StringConstraints(strip_whitespace=True, max_length=6), AfterValidator(_ods)]
FluidTarget = Annotated[int, Field(ge=500, le=5000, description="Millilitres of drinks a day.")]


def nhs_status_problem(number: str | None, status: NhsNumberStatus | None) -> str | None:
    if status is None:
        return None
    if number is None and status != NhsNumberStatus.trace_required:
        return "must be trace_required while the NHS number is not known"
    if number is not None and status == NhsNumberStatus.trace_required:
        return "cannot be trace_required when an NHS number is given"
    return None


class _Profile(Input):
    """What the record says about the person; every field is optional on a change."""

    preferred_name: Name | None = None
    room_location_id: uuid.UUID | None = Field(default=None, description="A location id from the assets API.")
    gp_practice_name: Short | None = None
    gp_practice_code: PracticeCode | None = None
    communication_needs: Text | None = None
    what_matters_to_me: LongText | None = None
    how_to_communicate_with_me: LongText | None = None
    how_and_when_to_support_me: LongText | None = None
    fluid_target_ml: FluidTarget | None = None


class ResidentCreate(_Profile):
    """An admission. The NHS number may follow later (status `trace_required` until then)."""

    home_id: uuid.UUID
    given_name: Name
    family_name: Name
    date_of_birth: BirthDate
    sex: Sex
    nhs_number: NhsNumber | None = None
    nhs_number_status: NhsNumberStatus | None = None
    admission_date: PastDate

    @field_validator("nhs_number_status")
    @classmethod
    def _status_matches_number(cls, value: NhsNumberStatus | None, info: ValidationInfo) -> NhsNumberStatus | None:
        if "nhs_number" in info.data and (why := nhs_status_problem(info.data["nhs_number"], value)):
            raise ValueError(why)
        return value

    @field_validator("admission_date")
    @classmethod
    def _after_birth(cls, value: date, info: ValidationInfo) -> date:
        born = info.data.get("date_of_birth")
        if born is not None and value < born:
            raise ValueError("cannot be before the date of birth")
        return value


class ResidentUpdate(_Profile):
    """Only the fields sent change; send null to clear an optional one."""

    given_name: Name | None = None
    family_name: Name | None = None
    date_of_birth: BirthDate | None = None
    sex: Sex | None = None
    nhs_number: NhsNumber | None = None
    nhs_number_status: NhsNumberStatus | None = None


REQUIRED_ON_UPDATE = frozenset({"given_name", "family_name", "date_of_birth", "sex", "nhs_number_status"})


class StatusChangeCreate(Input):
    status: ResidentStatus
    effective_date: PastDate


class StatusChangeRead(Output):
    status: ResidentStatus
    effective_date: date
    recorded_at: datetime


class ResidentSummary(Output):
    id: uuid.UUID
    home_id: uuid.UUID
    given_name: str
    family_name: str
    preferred_name: str | None
    room_location_id: uuid.UUID | None
    admission_date: date
    status: ResidentStatus
    status_date: date


class ResidentRead(ResidentSummary):
    date_of_birth: date
    sex: Sex
    nhs_number: str | None = Field(description="Shown 3-3-4, e.g. 943 476 5919.")
    nhs_number_status: NhsNumberStatus
    gp_practice_name: str | None
    gp_practice_code: str | None
    communication_needs: str | None
    what_matters_to_me: str | None
    how_to_communicate_with_me: str | None
    how_and_when_to_support_me: str | None
    fluid_target_ml: int | None
    status_history: list[StatusChangeRead]
    created_at: datetime
    updated_at: datetime
    version: int

    @field_serializer("nhs_number")
    def _shown_3_3_4(self, value: str | None) -> str | None:
        return nhs_number.display(value) if value else None


class ResidentPage(Page[ResidentSummary]):
    """One page of residents; `total` only when asked for with `?count=true`. The list is not a
    view of anyone's record (it is not audited), so it carries no NHS number; `?q=` finds one."""

    total: int | None = None
