import enum
import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from carehub_kit.concurrency import Versioned
from feedback_api.db import Base


class StaffRole(enum.StrEnum):
    """Job roles in a monthly return (the names match the Care Hub roles where they exist)."""

    care_worker = "care_worker"
    senior_carer = "senior_carer"
    nurse = "nurse"
    home_manager = "home_manager"
    deputy_manager = "deputy_manager"
    activities = "activities"
    ancillary = "ancillary"  # catering, domestic, laundry, maintenance
    administration = "administration"


class WorkforceReturn(Versioned, Base):
    """A home's monthly workforce return. Counts are of directly employed staff at month end."""

    __tablename__ = "workforce_return"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    home_id: Mapped[uuid.UUID] = mapped_column()
    month: Mapped[date] = mapped_column(Date)  # the first day of the month
    headcount: Mapped[int] = mapped_column(Integer)  # totals of the role lines, kept for queries
    fte: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    vacancies: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    starters: Mapped[int] = mapped_column(Integer)
    leavers_voluntary: Mapped[int] = mapped_column(Integer)
    leavers_involuntary: Mapped[int] = mapped_column(Integer)
    first_year_leavers: Mapped[int] = mapped_column(Integer)
    sickness_days: Mapped[Decimal] = mapped_column(Numeric(9, 1))
    staff_hours: Mapped[Decimal] = mapped_column(Numeric(11, 1))
    agency_hours: Mapped[Decimal] = mapped_column(Numeric(11, 1))
    agency_spend: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    level2_qualified: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now())

    __table_args__ = (
        UniqueConstraint("home_id", "month", name="uq_workforce_return_home_month"),
        CheckConstraint("extract(day from month) = 1", name="month_is_first_day"),
        CheckConstraint(
            "headcount >= 0 AND fte >= 0 AND vacancies >= 0 AND starters >= 0 AND leavers_voluntary >= 0"
            " AND leavers_involuntary >= 0 AND first_year_leavers >= 0 AND sickness_days >= 0"
            " AND staff_hours >= 0 AND agency_hours >= 0 AND agency_spend >= 0 AND level2_qualified >= 0",
            name="not_negative"),
        CheckConstraint("leavers_voluntary + leavers_involuntary <= headcount", name="leavers_within_staff"),
        CheckConstraint("first_year_leavers <= leavers_voluntary + leavers_involuntary",
                        name="first_year_within_leavers"),
        CheckConstraint("level2_qualified <= headcount", name="qualified_within_staff"),
        Index("ix_workforce_return_month_id", "month", "id"),
    )


class WorkforceRoleLine(Base):
    __tablename__ = "workforce_role_line"

    return_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workforce_return.id"), primary_key=True)
    role: Mapped[StaffRole] = mapped_column(Enum(StaffRole, name="staff_role", native_enum=False, length=32),
                                            primary_key=True)
    headcount: Mapped[int] = mapped_column(Integer)
    fte: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    vacancies: Mapped[Decimal] = mapped_column(Numeric(8, 2))

    __table_args__ = (CheckConstraint("headcount >= 0 AND fte >= 0 AND vacancies >= 0", name="not_negative"),)


class Benchmark(Versioned, Base):
    """A national comparison figure, e.g. the adult social care vacancy rate for a year."""

    __tablename__ = "benchmark"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    indicator: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    value: Mapped[Decimal] = mapped_column(Numeric(7, 2))
    source: Mapped[str] = mapped_column(Text)
    year: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now())
