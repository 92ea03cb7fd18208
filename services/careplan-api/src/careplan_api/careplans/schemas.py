"""Care plans in and out: sections by care domain, goals, interventions, versions, sign-off, diff."""

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, field_validator

from carehub_kit.pagination import Page
from careplan_api.careplans.domains import DOMAIN_CODE_PATTERN
from careplan_api.careplans.models import Involvement, VersionStatus
from careplan_api.fields import Input, LongText, Output, Short, Text
from careplan_api.reviews.intervals import ReviewInterval

DomainCode = Annotated[str, StringConstraints(pattern=DOMAIN_CODE_PATTERN, max_length=40)]


def _distinct(ids: list[uuid.UUID]) -> list[uuid.UUID]:
    if len(set(ids)) != len(ids):
        raise ValueError("lists an asset twice")
    return ids


class ProgressNote(Input):
    on: date
    note: Text


class Goal(Input):
    id: uuid.UUID | None = Field(default=None, description="Keep the id to carry a goal into the next version.")
    description: Text
    measure: Short = Field(description="How we will know the goal is met.")
    target_date: date | None = None
    progress_notes: list[ProgressNote] = Field(default_factory=list, max_length=50)


class Intervention(Input):
    id: uuid.UUID | None = None
    what: Text
    how_often: Short
    by_whom: Short


class _SectionBase(Input):
    domain: DomainCode = Field(description="A standard domain code or one the home has added.")
    needs: LongText
    strengths: LongText | None = None
    preferences: LongText | None = Field(default=None, description="The resident's wishes, in their own words.")
    equipment_asset_ids: Annotated[list[uuid.UUID], Field(max_length=20), AfterValidator(_distinct)] = Field(
        default_factory=list, description="Asset ids from the assets API, e.g. the hoist and the sling.")
    review_interval: ReviewInterval = ReviewInterval.monthly


class Section(_SectionBase):
    id: uuid.UUID | None = Field(default=None, description="Keep the id to carry a section into the next version.")
    title: Short | None = None
    goals: list[Goal] = Field(default_factory=list, max_length=20)
    interventions: list[Intervention] = Field(default_factory=list, max_length=30)


class VersionCreate(Input):
    """A new version of the whole plan. It starts as a draft."""

    based_on_version: int | None = Field(
        default=None, ge=1, description="The number of the newest version this edits; omit for a first plan.")
    reason: Text
    sections: list[Section] = Field(min_length=1, max_length=40)


class SignOff(Input):
    involvement: Involvement
    involvement_note: Text | None = Field(
        default=None, validate_default=True,
        description="How the resident or their representative took part, or why they could not.")

    @field_validator("involvement_note")
    @classmethod
    def _explain_absence(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and info.data.get("involvement") == Involvement.not_involved:
            raise ValueError("say why the resident and their representative were not involved")
        return value


class GoalRead(Goal):
    id: uuid.UUID


class InterventionRead(Intervention):
    id: uuid.UUID


class SectionRead(_SectionBase):
    id: uuid.UUID
    title: str
    goals: list[GoalRead]
    interventions: list[InterventionRead]


class VersionSummary(Output):
    number: int
    status: VersionStatus
    based_on_number: int | None
    reason: str
    author_sub: str
    author_name: str
    created_at: datetime
    signed_off_by_name: str | None
    signed_off_role: str | None
    signed_off_at: datetime | None
    involvement: Involvement | None
    involvement_note: str | None


class VersionRead(VersionSummary):
    sections: list[SectionRead]


class VersionPage(Page[VersionSummary]):
    """One page of a plan's versions (without their sections)."""


class PlanRead(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    home_id: uuid.UUID
    current_version_number: int | None
    latest_version_number: int
    current: VersionRead | None
    version: int


class FieldChange(Output):
    field: str
    before: Any
    after: Any


class ItemChange(Output):
    id: uuid.UUID
    fields: list[FieldChange]


class ItemDiff(Output):
    added: list[dict[str, Any]]
    removed: list[dict[str, Any]]
    changed: list[ItemChange]


class SectionChange(Output):
    id: uuid.UUID
    domain: str
    title: str
    fields: list[FieldChange]
    goals: ItemDiff
    interventions: ItemDiff


class PlanDiff(Output):
    from_version: int
    to_version: int
    sections_added: list[SectionRead]
    sections_removed: list[SectionRead]
    sections_changed: list[SectionChange]


class DomainCreate(Input):
    code: DomainCode
    name: Short


class DomainRead(Output):
    code: str
    name: str
    standard: bool


class HomeDomainRead(DomainRead):
    standard: bool = False
    id: uuid.UUID
    home_id: uuid.UUID
    created_at: datetime


class HomeDomainPage(Page[HomeDomainRead]):
    """One page of a home's own care domains."""
