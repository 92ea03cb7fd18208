"""Consent, capacity, best-interest and DoLS records in and out."""

import uuid
from datetime import date, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from carehub_kit.pagination import Page
from careplan_api import clock
from careplan_api.consent.models import (
    CapacityOutcome,
    ConsentDecision,
    ConsentGivenBy,
    ConsentScope,
    DolsKind,
    DolsStage,
)
from careplan_api.fields import Input, Name, Output, Short, Text

# Longest an authorisation may run: a standard one 12 months; an urgent one 7 days, extended once by 7.
MAX_RUN = {DolsKind.standard: timedelta(days=366), DolsKind.urgent: timedelta(days=14)}


def _not_future(value: date) -> date:
    if value > clock.today():
        raise ValueError("cannot be in the future")
    return value


PastDate = Annotated[date, AfterValidator(_not_future)]


class ConsentCreate(Input):
    scope: ConsentScope
    decision: ConsentDecision
    given_by: ConsentGivenBy
    decision_date: PastDate
    details: Text | None = None


class ConsentRead(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    scope: ConsentScope
    decision: ConsentDecision
    given_by: ConsentGivenBy
    decision_date: date
    details: str | None
    recorded_by_name: str
    created_at: datetime


class CapacityCreate(Input):
    decision: Short = Field(description="The one decision assessed: capacity is decision-specific (MCA s.2).")
    assessed_on: PastDate
    impairment: Text | None = Field(default=None, description="The impairment of, or disturbance in, the mind "
                                                              "or brain (stage 1).")
    can_understand: bool
    can_retain: bool
    can_use_or_weigh: bool
    can_communicate: bool
    outcome: CapacityOutcome
    reasoning: Text

    @field_validator("outcome")
    @classmethod
    def _outcome_follows_the_test(cls, value: CapacityOutcome, info: ValidationInfo) -> CapacityOutcome:
        answers = [info.data.get(k) for k in ("can_understand", "can_retain", "can_use_or_weigh", "can_communicate")]
        if None in answers:
            return value
        if value is CapacityOutcome.has_capacity and not all(answers):
            raise ValueError("cannot be has_capacity when the person cannot do one of the four things (MCA s.3)")
        if value is CapacityOutcome.lacks_capacity and all(answers):
            raise ValueError("cannot be lacks_capacity when the person can do all four things (MCA s.3)")
        return value


class CapacityRead(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    decision: str
    assessed_on: date
    impairment: str | None
    can_understand: bool
    can_retain: bool
    can_use_or_weigh: bool
    can_communicate: bool
    outcome: CapacityOutcome
    reasoning: str
    recorded_by_name: str
    created_at: datetime


class Consulted(Input):
    name: Name
    relationship: Short = Field(description="e.g. daughter, GP, IMCA, attorney (health and welfare).")
    views: Text | None = None


class BestInterestCreate(Input):
    capacity_assessment_id: uuid.UUID = Field(description="The assessment that found the person lacks capacity "
                                                          "for this decision.")
    decision: Short
    decided_on: PastDate
    decision_maker: Name
    consulted: list[Consulted] = Field(min_length=1, max_length=20, description="Who was consulted (MCA s.4(7)).")
    outcome: Text
    less_restrictive_options: Text | None = None


class BestInterestRead(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    capacity_assessment_id: uuid.UUID
    decision: str
    decided_on: date
    decision_maker: str
    consulted: list[Consulted]
    outcome: str
    less_restrictive_options: str | None
    recorded_by_name: str
    created_at: datetime


class DolsCreate(Input):
    stage: DolsStage
    kind: DolsKind
    supervisory_body: Short = Field(description="The local authority that assesses and authorises.")
    reference: Short | None = None
    event_date: PastDate = Field(description="When applied for, granted or refused.")
    starts_on: date | None = Field(default=None, validate_default=True)
    expires_on: date | None = Field(default=None, validate_default=True)
    conditions: list[Text] = Field(default_factory=list, max_length=30)

    @field_validator("starts_on")
    @classmethod
    def _start_only_for_authorisations(cls, value: date | None, info: ValidationInfo) -> date | None:
        authorisation = info.data.get("stage") is DolsStage.authorisation
        if authorisation and value is None:
            raise ValueError("is required for an authorisation")
        if not authorisation and value is not None:
            raise ValueError("is only for authorisations")
        return value

    @field_validator("expires_on")
    @classmethod
    def _expiry_after_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        start, kind = info.data.get("starts_on"), info.data.get("kind")
        if info.data.get("stage") is DolsStage.authorisation and value is None:
            raise ValueError("is required for an authorisation")
        if value is not None and start is None:
            raise ValueError("is only for authorisations")
        if value is not None and start is not None:
            if value < start:
                raise ValueError("cannot be before starts_on")
            if kind in MAX_RUN and value - start > MAX_RUN[kind]:
                raise ValueError(f"is longer than a {kind} authorisation may run")
        return value


class DolsRead(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    stage: DolsStage
    kind: DolsKind
    supervisory_body: str
    reference: str | None
    event_date: date
    starts_on: date | None
    expires_on: date | None
    conditions: list[str]
    recorded_by_name: str
    created_at: datetime


class DolsExpiring(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    given_name: str
    family_name: str
    preferred_name: str | None
    kind: DolsKind
    supervisory_body: str
    starts_on: date
    expires_on: date
    days_left: int


class ConsentPage(Page[ConsentRead]):
    """One page of a resident's consent records."""


class CapacityPage(Page[CapacityRead]):
    """One page of a resident's mental capacity assessments."""


class BestInterestPage(Page[BestInterestRead]):
    """One page of a resident's best-interest decisions."""


class DolsPage(Page[DolsRead]):
    """One page of a resident's DoLS applications and authorisations."""


class DolsExpiringPage(Page[DolsExpiring]):
    """One page of a home's DoLS authorisations expiring soon, soonest first."""
