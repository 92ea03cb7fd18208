"""What the next shift needs to know, for one home and one shift window."""

import uuid
from datetime import date, datetime

from pydantic import ConfigDict, Field

from careplan_api.assessments.models import Tool
from careplan_api.fields import Output
from careplan_api.notes.models import NoteCategory
from careplan_api.reviews.intervals import ReviewInterval


class Who(Output):
    resident_id: uuid.UUID
    given_name: str
    family_name: str
    preferred_name: str | None


class HandoverNote(Who):
    note_id: uuid.UUID
    occurred_at: datetime
    category: NoteCategory
    text: str
    handover: bool
    corrects_note_id: uuid.UUID | None
    author_name: str


class HandoverRisk(Who):
    assessment_id: uuid.UUID
    tool: Tool
    assessed_at: datetime
    score: int
    band: str
    high_risk: bool
    section_id: uuid.UUID | None
    assessor_name: str


class HandoverReview(Who):
    section_id: uuid.UUID
    domain: str
    title: str
    interval: ReviewInterval
    next_review_date: date
    overdue: bool


class Handover(Output):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    home_id: uuid.UUID
    from_: datetime = Field(alias="from")
    to: datetime
    incidents: list[HandoverNote] = Field(description="Incident notes in the window, oldest first.")
    handover_notes: list[HandoverNote] = Field(description="Other notes flagged for handover, oldest first.")
    risk_results: list[HandoverRisk] = Field(description="Risk assessments recorded in the window.")
    reviews_due: list[HandoverReview] = Field(description="Plan sections due for review by the end of the shift.")
