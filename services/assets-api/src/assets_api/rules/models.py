import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, DateTime, Enum, ForeignKey, Index, Integer, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from assets_api.db import Base
from carehub_kit.concurrency import Versioned


class IntervalUnit(enum.StrEnum):
    days = "days"
    months = "months"


class InspectionRule(Versioned, Base):
    """A recurring inspection every asset of a category needs, and the law or guidance behind it.

    `thresholds` lists the readings the inspection takes and their limits:
    `[{"reading": "hot_water_temperature_c", "min": 50, "max": null, "max_inclusive": true}]`."""

    __tablename__ = "inspection_rule"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(Text, unique=True)
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.category.id"))
    inspection_type: Mapped[str] = mapped_column(Text)
    interval_value: Mapped[int] = mapped_column(Integer)
    interval_unit: Mapped[IntervalUnit] = mapped_column(Enum(IntervalUnit, name="interval_unit",
                                                             native_enum=False, length=8))
    warning_days: Mapped[int] = mapped_column(Integer)
    basis: Mapped[str] = mapped_column(Text)
    statutory: Mapped[bool] = mapped_column(Boolean)
    fail_takes_out_of_service: Mapped[bool] = mapped_column(Boolean)
    thresholds: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, server_default="[]")
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(),
                                                 onupdate=func.now())

    __table_args__ = (
        CheckConstraint("interval_value > 0", name="interval_positive"),
        CheckConstraint("warning_days >= 0", name="warning_not_negative"),
        Index("ix_inspection_rule_category_id_id", "category_id", "id"),
        Index("ix_inspection_rule_inspection_type_id", "inspection_type", "id"),
        Index("ix_inspection_rule_code_id", "code", "id"),
        Index("ix_inspection_rule_statutory", "statutory"),
    )


class RuleOverride(Versioned, Base):
    """A home's own, shorter interval for a rule (e.g. PAT every 6 months after a risk assessment)."""

    __tablename__ = "rule_override"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.home.id"))
    rule_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.inspection_rule.id"))
    interval_value: Mapped[int] = mapped_column(Integer)
    interval_unit: Mapped[IntervalUnit] = mapped_column(Enum(IntervalUnit, name="interval_unit",
                                                             native_enum=False, length=8))
    reason: Mapped[str] = mapped_column(Text)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(),
                                                 onupdate=func.now())

    __table_args__ = (
        CheckConstraint("interval_value > 0", name="interval_positive"),
        # One live override per home and rule; archived ones stay as history.
        Index("uq_rule_override_home_rule_live", "home_id", "rule_id", unique=True,
              postgresql_where="archived_at IS NULL"),
        Index("ix_rule_override_rule_id", "rule_id"),
        Index("ix_rule_override_home_id_created_at_id", "home_id", "created_at", "id"),
        Index("ix_rule_override_created_at_id", "created_at", "id"),
    )
