import enum
import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from carehub_kit.concurrency import Versioned
from feedback_api.db import Base


class Kind(enum.StrEnum):
    working = "working"
    not_working = "not_working"
    idea = "idea"


class Importance(enum.StrEnum):
    low = "low"
    medium = "medium"
    high = "high"
    critical = "critical"


class ItemStatus(enum.StrEnum):
    new = "new"
    triaged = "triaged"
    merged = "merged"
    closed = "closed"


def _enum(cls: type[enum.StrEnum], name: str) -> Enum:
    return Enum(cls, name=name, native_enum=False, length=16)


class FeedbackItem(Versioned, Base):
    """One piece of feedback. An anonymous item has no author, and its times are the day only
    (`created_at` is midnight UTC of `raised_on`), so nothing joins it to a request or a person."""

    __tablename__ = "feedback_item"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    home_id: Mapped[uuid.UUID | None] = mapped_column()
    department: Mapped[str | None] = mapped_column(Text)
    theme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("theme.id"))
    kind: Mapped[Kind] = mapped_column(_enum(Kind, "feedback_kind"))
    importance: Mapped[Importance] = mapped_column(_enum(Importance, "feedback_importance"))
    summary: Mapped[str] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)
    anonymous: Mapped[bool] = mapped_column(Boolean)
    author_sub: Mapped[str | None] = mapped_column(Text)
    author_name: Mapped[str | None] = mapped_column(Text)
    reply_code_hash: Mapped[str | None] = mapped_column(Text, unique=True)
    raised_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[ItemStatus] = mapped_column(_enum(ItemStatus, "feedback_item_status"), default=ItemStatus.new)
    tags: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=text("'{}'"), default=list)
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("feedback_item.id"))

    __table_args__ = (
        CheckConstraint("anonymous = (author_sub IS NULL) AND anonymous = (author_name IS NULL)",
                        name="anonymous_has_no_author"),
        CheckConstraint("home_id IS NOT NULL OR department IS NOT NULL", name="home_or_department"),
        Index("ix_feedback_item_raised_on_id", "raised_on", "id"),
        Index("ix_feedback_item_home_id_raised_on_id", "home_id", "raised_on", "id"),
        Index("ix_feedback_item_theme_id_raised_on_id", "theme_id", "raised_on", "id"),
        Index("ix_feedback_item_status_raised_on_id", "status", "raised_on", "id"),
        Index("ix_feedback_item_author_sub_raised_on_id", "author_sub", "raised_on", "id",
              postgresql_where=text("author_sub IS NOT NULL")),
        Index("ix_feedback_item_tags", "tags", postgresql_using="gin"),
    )


class FeedbackMessage(Base):
    """The conversation on an item. The submitter's own messages on an anonymous item carry no
    author and a day-only time, like the item."""

    __tablename__ = "feedback_message"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("feedback_item.id"))
    from_submitter: Mapped[bool] = mapped_column(Boolean)
    author_sub: Mapped[str | None] = mapped_column(Text)
    author_name: Mapped[str | None] = mapped_column(Text)
    seq: Mapped[int] = mapped_column(Integer)  # order in the conversation, from 1
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("item_id", "seq", name="uq_feedback_message_item_seq"),)


class FeedbackContributor(Base):
    """Who has contributed in a home each month, as keyed hashes only: lets the board count
    different people without storing who they are or linking them to an item."""

    __tablename__ = "feedback_contributor"

    home_id: Mapped[uuid.UUID] = mapped_column()
    month: Mapped[date] = mapped_column(Date)
    person_hash: Mapped[str] = mapped_column(Text)

    __table_args__ = (PrimaryKeyConstraint("home_id", "month", "person_hash"),)
