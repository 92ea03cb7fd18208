"""Consent, mental capacity and deprivation of liberty. All append-only: a withdrawn consent, a
new capacity assessment or a renewed authorisation is a new row, so the history stays as it was."""

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Date, DateTime, Enum, ForeignKey, Index, Text, Uuid, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from careplan_api.db import Base


def _enum(cls: type[enum.StrEnum], name: str) -> Enum:
    return Enum(cls, name=name, native_enum=False, length=32)


class ConsentScope(enum.StrEnum):
    care = "care"  # to the care and support in the plan
    information_sharing = "information_sharing"


class ConsentDecision(enum.StrEnum):
    given = "given"
    refused = "refused"
    withdrawn = "withdrawn"


class ConsentGivenBy(enum.StrEnum):
    resident = "resident"
    lpa_health_and_welfare = "lpa_health_and_welfare"  # an attorney may decide only where the LPA allows
    court_appointed_deputy = "court_appointed_deputy"


class CapacityOutcome(enum.StrEnum):
    has_capacity = "has_capacity"
    lacks_capacity = "lacks_capacity"


class DolsStage(enum.StrEnum):
    application = "application"  # the home (managing authority) asks the supervisory body
    authorisation = "authorisation"  # granted, with a start, an expiry and any conditions
    refusal = "refusal"


class DolsKind(enum.StrEnum):
    urgent = "urgent"  # granted by the home itself, up to 7 days (extendable once by 7)
    standard = "standard"  # granted by the supervisory body, up to 12 months


class _ResidentRecord:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    home_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    recorded_by_sub: Mapped[str] = mapped_column(Text)
    recorded_by_name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Consent(_ResidentRecord, Base):
    __tablename__ = "consent"

    scope: Mapped[ConsentScope] = mapped_column(_enum(ConsentScope, "consent_scope"))
    decision: Mapped[ConsentDecision] = mapped_column(_enum(ConsentDecision, "consent_decision"))
    given_by: Mapped[ConsentGivenBy] = mapped_column(_enum(ConsentGivenBy, "consent_given_by"))
    decision_date: Mapped[date] = mapped_column(Date)
    details: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (Index("ix_consent_resident_id_decision_date_id", "resident_id", "decision_date", "id"),)


class CapacityAssessment(_ResidentRecord, Base):
    """A Mental Capacity Act 2005 assessment of one named decision (capacity is decision-specific)."""

    __tablename__ = "capacity_assessment"

    decision: Mapped[str] = mapped_column(Text)
    assessed_on: Mapped[date] = mapped_column(Date)
    impairment: Mapped[str | None] = mapped_column(Text)
    can_understand: Mapped[bool]
    can_retain: Mapped[bool]
    can_use_or_weigh: Mapped[bool]
    can_communicate: Mapped[bool]
    outcome: Mapped[CapacityOutcome] = mapped_column(_enum(CapacityOutcome, "capacity_outcome"))
    reasoning: Mapped[str] = mapped_column(Text)

    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        Index("ix_capacity_assessment_resident_id_assessed_on_id", "resident_id", "assessed_on", "id"),
    )


class BestInterestDecision(_ResidentRecord, Base):
    """MCA s.4: made for a person who lacks capacity for the decision, after consulting others."""

    __tablename__ = "best_interest_decision"

    capacity_assessment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("capacity_assessment.id"))
    decision: Mapped[str] = mapped_column(Text)
    decided_on: Mapped[date] = mapped_column(Date)
    decision_maker: Mapped[str] = mapped_column(Text)
    consulted: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    outcome: Mapped[str] = mapped_column(Text)
    less_restrictive_options: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        Index("ix_best_interest_decision_resident_id_decided_on_id", "resident_id", "decided_on", "id"),
    )


class DolsRecord(_ResidentRecord, Base):
    """A DoLS application, authorisation or refusal (MCA 2005 Schedule A1)."""

    __tablename__ = "dols_record"

    stage: Mapped[DolsStage] = mapped_column(_enum(DolsStage, "dols_stage"))
    kind: Mapped[DolsKind] = mapped_column(_enum(DolsKind, "dols_kind"))
    supervisory_body: Mapped[str] = mapped_column(Text)
    reference: Mapped[str | None] = mapped_column(Text)
    event_date: Mapped[date] = mapped_column(Date)
    starts_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    conditions: Mapped[list[str]] = mapped_column(JSONB)

    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        CheckConstraint("(stage = 'authorisation') = (starts_on IS NOT NULL AND expires_on IS NOT NULL)",
                        name="dates_for_authorisations"),
        CheckConstraint("expires_on >= starts_on", name="expires_after_start"),
        Index("ix_dols_record_resident_id_event_date_id", "resident_id", "event_date", "id"),
        # GET /v1/dols/expiring: a home's authorisations in expiry order.
        Index("ix_dols_record_home_id_expires_on_id", "home_id", "expires_on", "id",
              postgresql_where=text("stage = 'authorisation'")),
    )
