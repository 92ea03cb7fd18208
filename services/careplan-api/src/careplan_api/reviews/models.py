import enum
import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Enum, Index, Integer, Text, UniqueConstraint, Uuid, func, text
from sqlalchemy.orm import Mapped, mapped_column

from careplan_api.db import Base
from careplan_api.reviews.intervals import ReviewInterval


class ReviewOutcome(enum.StrEnum):
    no_change = "no_change"  # the section still meets the resident's needs
    changes_needed = "changes_needed"  # a new plan version should follow
    goals_met = "goals_met"


class ReviewSchedule(Base):
    """When each section of a resident's current plan is next due for review. Kept in step with
    the plan when a version is signed off, and moved on by each review."""

    __tablename__ = "review_schedule"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    plan_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    home_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    section_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    domain: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    interval: Mapped[ReviewInterval] = mapped_column(
        Enum(ReviewInterval, name="review_interval", native_enum=False, length=16))
    plan_version_number: Mapped[int] = mapped_column(Integer)
    scheduled_from: Mapped[date] = mapped_column(Date)
    last_reviewed_date: Mapped[date | None] = mapped_column(Date)
    next_review_date: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (
        UniqueConstraint("resident_id", "section_id", name="uq_review_schedule_resident_id_section_id"),
        # The due/overdue list of a home: active sections in next-review order.
        Index("ix_review_schedule_home_id_next_review_date_id", "home_id", "next_review_date", "id",
              postgresql_where=text("active")),
    )


class SectionReview(Base):
    """A review of one section: append-only."""

    __tablename__ = "section_review"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    home_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    section_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    domain: Mapped[str] = mapped_column(Text)
    plan_version_number: Mapped[int] = mapped_column(Integer)
    review_date: Mapped[date] = mapped_column(Date)
    outcome: Mapped[ReviewOutcome] = mapped_column(
        Enum(ReviewOutcome, name="review_outcome", native_enum=False, length=24))
    summary: Mapped[str] = mapped_column(Text)
    changes: Mapped[str | None] = mapped_column(Text)
    next_review_date: Mapped[date] = mapped_column(Date)
    reviewer_sub: Mapped[str] = mapped_column(Text)
    reviewer_name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        Index("ix_section_review_resident_id_review_date_id", "resident_id", "review_date", "id"),
    )
