"""Daily notes in and out, and fluid totals."""

import uuid
from datetime import date, datetime

from pydantic import AwareDatetime, Field, ValidationInfo, field_validator

from carehub_kit.pagination import Page
from careplan_api.fields import Input, Output, Text
from careplan_api.notes.models import NoteCategory


class NoteCreate(Input):
    occurred_at: AwareDatetime = Field(description="When it happened, with a UTC offset.")
    category: NoteCategory
    text: Text
    fluid_ml: int | None = Field(default=None, ge=1, le=2000, validate_default=True,
                                 description="Millilitres drunk; required for, and only for, fluids.")
    section_id: uuid.UUID | None = Field(default=None, description="A section of the current care plan.")
    corrects_note_id: uuid.UUID | None = Field(default=None, description="The note this one corrects.")
    handover: bool = Field(default=False, description="Flag it for the next shift's handover.")

    @field_validator("fluid_ml")
    @classmethod
    def _fluids_have_millilitres(cls, value: int | None, info: ValidationInfo) -> int | None:
        category = info.data.get("category")
        if category == NoteCategory.fluids and value is None:
            raise ValueError("is required for a fluids note")
        if category not in (None, NoteCategory.fluids) and value is not None:
            raise ValueError("is only for fluids notes")
        return value


class NoteRead(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    occurred_at: datetime
    category: NoteCategory
    text: str
    fluid_ml: int | None
    section_id: uuid.UUID | None
    corrects_note_id: uuid.UUID | None
    handover: bool
    corrected_by_note_id: uuid.UUID | None = Field(default=None, description="Set when a later note corrects this one.")
    author_name: str
    created_at: datetime


class NotePage(Page[NoteRead]):
    """One page of a resident's daily notes."""


class FluidDay(Output):
    date: date
    total_ml: int
    target_ml: int
    percent_of_target: int
    target_met: bool


class FluidTotals(Output):
    resident_id: uuid.UUID
    target_ml: int
    target_source: str = Field(description="`resident` (set in their record) or `default` (by sex, see docs).")
    days: list[FluidDay]
