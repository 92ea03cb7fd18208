import enum
import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, Enum, ForeignKey, Index, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from carehub_kit.concurrency import Versioned
from feedback_api.db import Base


class ActionStatus(enum.StrEnum):
    proposed = "proposed"
    agreed = "agreed"
    in_progress = "in_progress"
    done = "done"
    not_doing = "not_doing"


OPEN_STATUSES = (ActionStatus.proposed, ActionStatus.agreed, ActionStatus.in_progress)


class FeedbackAction(Versioned, Base):
    """What is being done about feedback: the "we did" of "you said, we did"."""

    __tablename__ = "feedback_action"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    home_id: Mapped[uuid.UUID | None] = mapped_column()  # None: a council-wide action
    theme_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("theme.id"))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text)
    raised_on: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(
        Enum(ActionStatus, name="action_status", native_enum=False, length=16), default=ActionStatus.proposed)
    not_doing_reason: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    completed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now())

    __table_args__ = (
        CheckConstraint("due_date >= raised_on", name="due_not_before_raised"),
        CheckConstraint("status <> 'not_doing' OR not_doing_reason IS NOT NULL", name="not_doing_has_reason"),
        Index("ix_feedback_action_due_date_id", "due_date", "id"),
        Index("ix_feedback_action_home_id_due_date_id", "home_id", "due_date", "id"),
        Index("ix_feedback_action_open_due", "due_date", "id",
              postgresql_where=text("status IN ('proposed', 'agreed', 'in_progress')")),
        Index("ix_feedback_action_created_at_id", "created_at", "id"),
    )


class ActionItem(Base):
    """Which feedback items an action answers."""

    __tablename__ = "feedback_action_item"

    action_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("feedback_action.id"), primary_key=True)
    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("feedback_item.id"), primary_key=True)

    __table_args__ = (Index("ix_feedback_action_item_item_id", "item_id"),)
