import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Enum, ForeignKey, Integer, Text, UniqueConstraint, Uuid, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from carehub_kit.concurrency import Versioned
from careplan_api.db import Base


class VersionStatus(enum.StrEnum):
    draft = "draft"
    current = "current"
    superseded = "superseded"


class Involvement(enum.StrEnum):
    """Who took part in agreeing the plan (Care Act 2014 s.25; CQC Regulation 9, person-centred care)."""

    resident = "resident"
    representative = "representative"
    resident_and_representative = "resident_and_representative"
    not_involved = "not_involved"


class HomeCareDomain(Base):
    """A care domain a home adds to the standard twelve (e.g. "diabetes", "smoking")."""

    __tablename__ = "home_care_domain"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    home_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    code: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (UniqueConstraint("home_id", "code", name="uq_home_care_domain_home_id_code"),)


class CarePlan(Versioned, Base):
    """One per resident: points at its current (signed-off) version and its newest one."""

    __tablename__ = "care_plan"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"), unique=True)
    home_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    current_number: Mapped[int | None] = mapped_column(Integer)
    latest_number: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class CarePlanVersion(Base):
    """An immutable snapshot of the whole plan. Only its status and sign-off are ever set after
    it is written (a database trigger refuses any other change)."""

    __tablename__ = "care_plan_version"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_plan.id"))
    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[VersionStatus] = mapped_column(
        Enum(VersionStatus, name="version_status", native_enum=False, length=16))
    based_on_number: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    sections: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    author_sub: Mapped[str] = mapped_column(Text)
    author_name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    signed_off_by_sub: Mapped[str | None] = mapped_column(Text)
    signed_off_by_name: Mapped[str | None] = mapped_column(Text)
    signed_off_role: Mapped[str | None] = mapped_column(Text)
    signed_off_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    involvement: Mapped[Involvement | None] = mapped_column(
        Enum(Involvement, name="involvement", native_enum=False, length=32))
    involvement_note: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (UniqueConstraint("plan_id", "number", name="uq_care_plan_version_plan_id_number"),)
