import enum
import uuid
from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, Enum, ForeignKey, Index, Integer, Text, Uuid, func
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from careplan_api.db import Base


class NoteCategory(enum.StrEnum):
    personal_care = "personal_care"
    food = "food"
    fluids = "fluids"
    mood_and_wellbeing = "mood_and_wellbeing"
    activity = "activity"
    sleep = "sleep"
    continence = "continence"
    visit = "visit"
    incident = "incident"


class DailyNote(Base):
    """An entry in the daily record. Append-only (a trigger refuses UPDATE and DELETE): a
    mistake is put right by a new note that names the one it corrects."""

    __tablename__ = "daily_note"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    home_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    category: Mapped[NoteCategory] = mapped_column(
        Enum(NoteCategory, name="note_category", native_enum=False, length=24))
    text: Mapped[str] = mapped_column(Text)
    fluid_ml: Mapped[int | None] = mapped_column(Integer)
    section_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    corrects_note_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("daily_note.id"))
    # Flagged by its author for the next shift's handover.
    handover: Mapped[bool] = mapped_column(Boolean, server_default=sql_text("false"))
    author_sub: Mapped[str] = mapped_column(Text)
    author_name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("(category = 'fluids') = (fluid_ml IS NOT NULL)", name="fluid_ml_only_for_fluids"),
        CheckConstraint("fluid_ml BETWEEN 1 AND 2000", name="fluid_ml_range"),
        # A note is corrected at most once (a later correction corrects the correction).
        Index("uq_daily_note_corrects_note_id", "corrects_note_id", unique=True,
              postgresql_where=sql_text("corrects_note_id IS NOT NULL")),
        Index("ix_daily_note_resident_id_occurred_at_id", "resident_id", "occurred_at", "id"),
        Index("ix_daily_note_resident_id_category_occurred_at_id", "resident_id", "category", "occurred_at", "id"),
        # The handover of a home and shift: its incidents and flagged notes, by time.
        Index("ix_daily_note_home_id_occurred_at_handover", "home_id", "occurred_at",
              postgresql_where=sql_text("handover OR category = 'incident'")),
    )
