import enum
import uuid
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carehub_kit.concurrency import Versioned
from careplan_api.db import Base


class ResidentStatus(enum.StrEnum):
    active = "active"
    in_hospital = "in_hospital"
    on_leave = "on_leave"
    discharged = "discharged"
    deceased = "deceased"


# The record is closed after these: no later notes, no further status changes.
ENDED = frozenset({ResidentStatus.discharged, ResidentStatus.deceased})


class Sex(enum.StrEnum):
    """NHS Data Dictionary "Person Stated Gender" values."""

    female = "female"
    male = "male"
    indeterminate = "indeterminate"
    not_known = "not_known"


class NhsNumberStatus(enum.StrEnum):
    """How far the NHS number is confirmed (after the NHS Number Status Indicator)."""

    verified = "verified"  # traced against the Personal Demographics Service
    unverified = "unverified"  # present, not yet traced
    trace_required = "trace_required"  # not known yet (admitted before the number was found)


def _enum(cls: type[enum.StrEnum], name: str) -> Enum:
    return Enum(cls, name=name, native_enum=False, length=24)


SEARCH_EXPRESSION = ("to_tsvector('simple', given_name || ' ' || family_name || ' ' || coalesce(preferred_name, '') "
                     "|| ' ' || coalesce(nhs_number, ''))")


class Resident(Versioned, Base):
    """A person living in a home: identity, status, GP, and their "About me" in their own words."""

    __tablename__ = "resident"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    home_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    given_name: Mapped[str] = mapped_column(Text)
    family_name: Mapped[str] = mapped_column(Text)
    preferred_name: Mapped[str | None] = mapped_column(Text)
    date_of_birth: Mapped[date] = mapped_column(Date)
    sex: Mapped[Sex] = mapped_column(_enum(Sex, "sex"))
    nhs_number: Mapped[str | None] = mapped_column(Text)
    nhs_number_status: Mapped[NhsNumberStatus] = mapped_column(_enum(NhsNumberStatus, "nhs_number_status"))
    room_location_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    admission_date: Mapped[date] = mapped_column(Date)
    status: Mapped[ResidentStatus] = mapped_column(_enum(ResidentStatus, "resident_status"))
    status_date: Mapped[date] = mapped_column(Date)
    gp_practice_name: Mapped[str | None] = mapped_column(Text)
    gp_practice_code: Mapped[str | None] = mapped_column(Text)
    communication_needs: Mapped[str | None] = mapped_column(Text)
    what_matters_to_me: Mapped[str | None] = mapped_column(Text)
    how_to_communicate_with_me: Mapped[str | None] = mapped_column(Text)
    how_and_when_to_support_me: Mapped[str | None] = mapped_column(Text)
    fluid_target_ml: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    # Word-prefix search over the names and the NHS number (`?q=`), served by a GIN index.
    search: Mapped[str] = mapped_column(TSVECTOR, Computed(SEARCH_EXPRESSION, persisted=True), deferred=True)

    status_history: Mapped[list["ResidentStatusChange"]] = relationship(
        lazy="raise", order_by="(ResidentStatusChange.effective_date, ResidentStatusChange.recorded_at)"
    )

    __table_args__ = (
        CheckConstraint("nhs_number ~ '^[0-9]{10}$'", name="nhs_number_digits"),
        CheckConstraint("fluid_target_ml BETWEEN 500 AND 5000", name="fluid_target_range"),
        # Unique among residents; several may be admitted before their number is known.
        Index("uq_resident_nhs_number", "nhs_number", unique=True, postgresql_where=text("nhs_number IS NOT NULL")),
        Index("ix_resident_home_id_family_name_id", "home_id", "family_name", "id"),
        Index("ix_resident_home_id_admission_date_id", "home_id", "admission_date", "id"),
        Index("ix_resident_family_name_id", "family_name", "id"),
        Index("ix_resident_admission_date_id", "admission_date", "id"),
        Index("ix_resident_status", "status"),
        Index("ix_resident_search", "search", postgresql_using="gin"),
    )


class ResidentStatusChange(Base):
    """Append-only history of a resident's status, each with the date it took effect."""

    __tablename__ = "resident_status_change"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    status: Mapped[ResidentStatus] = mapped_column(_enum(ResidentStatus, "resident_status"))
    effective_date: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    recorded_by: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_resident_status_change_resident_id", "resident_id", "effective_date"),)
