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
    SmallInteger,
    Text,
    UniqueConstraint,
    Uuid,
    func,
)
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from carehub_kit.concurrency import Versioned
from feedback_api.db import Base


class QuestionKind(enum.StrEnum):
    likert = "likert"  # 1 (strongly disagree) to 5 (strongly agree)
    recommend = "recommend"  # 0-10, "would you recommend working here": eNPS
    single_choice = "single_choice"
    free_text = "free_text"


class Survey(Versioned, Base):
    __tablename__ = "survey"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    # Audience: empty means every home / every staff role.
    home_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid), server_default=sql_text("'{}'"), default=list)
    roles: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=sql_text("'{}'"), default=list)
    opens_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closes_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    min_group_size: Mapped[int] = mapped_column(Integer, default=5)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("closes_at > opens_at", name="closes_after_opens"),
        CheckConstraint("min_group_size >= 3", name="min_group_size_at_least_3"),
        Index("ix_survey_opens_at_id", "opens_at", "id"),
        Index("ix_survey_closes_at_id", "closes_at", "id"),
    )


class SurveyQuestion(Base):
    __tablename__ = "survey_question"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    survey_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey.id"))
    position: Mapped[int] = mapped_column(SmallInteger)
    kind: Mapped[QuestionKind] = mapped_column(Enum(QuestionKind, name="question_kind", native_enum=False, length=16))
    text: Mapped[str] = mapped_column(Text)
    options: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=sql_text("'{}'"), default=list)
    required: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (UniqueConstraint("survey_id", "position", name="uq_survey_question_position"),)


class SurveyResponse(Base):
    """One person's answers, with no link to the person: their home (for group results) and
    the day only."""

    __tablename__ = "survey_response"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    survey_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey.id"))
    home_id: Mapped[uuid.UUID] = mapped_column()
    submitted_on: Mapped[date] = mapped_column(Date)

    __table_args__ = (Index("ix_survey_response_survey_id_home_id", "survey_id", "home_id"),)


class SurveyAnswer(Base):
    __tablename__ = "survey_answer"

    response_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey_response.id"))
    question_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey_question.id"))
    score: Mapped[int | None] = mapped_column(SmallInteger)
    choice: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        PrimaryKeyConstraint("response_id", "question_id"),
        Index("ix_survey_answer_question_id", "question_id"),
    )


class SurveyReceipt(Base):
    """"This person has answered this survey", as a keyed hash of (survey, person) and nothing
    else: no response id, no time. The primary key makes a second response a conflict."""

    __tablename__ = "survey_receipt"

    survey_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey.id"))
    receipt_hash: Mapped[str] = mapped_column(Text)
    # HMAC(secret, survey, person, Idempotency-Key) of the first submission: tells a retry of it
    # (replayed) from a second response (409), and is no more linkable than receipt_hash.
    key_hash: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (PrimaryKeyConstraint("survey_id", "receipt_hash"),)
