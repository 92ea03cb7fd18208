import enum
import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, DateTime, Enum, ForeignKey, Index, Numeric, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assets_api.db import Base


class Outcome(enum.StrEnum):
    pass_ = "pass"
    pass_with_advisories = "pass_with_advisories"
    fail = "fail"


class Inspection(Base):
    """A completed inspection. A statutory record: never edited; a correction is a new record."""

    __tablename__ = "inspection"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.asset.id"))
    rule_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.inspection_rule.id"))
    home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.home.id"))
    inspected_date: Mapped[date] = mapped_column(Date)
    outcome: Mapped[Outcome] = mapped_column(Enum(Outcome, name="outcome", native_enum=False, length=24,
                                                  values_callable=lambda e: [m.value for m in e]))
    inspector_name: Mapped[str] = mapped_column(Text)
    company: Mapped[str | None] = mapped_column(Text)
    certificate_ref: Mapped[str | None] = mapped_column(Text)
    defects_found: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    readings: Mapped[list["Reading"]] = relationship(lazy="raise", order_by="Reading.position")

    __table_args__ = (
        Index("ix_inspection_asset_id_rule_id_inspected_date", "asset_id", "rule_id", "inspected_date"),
        Index("ix_inspection_asset_id_inspected_date_id", "asset_id", "inspected_date", "id"),
        Index("ix_inspection_home_id_inspected_date_id", "home_id", "inspected_date", "id"),
        Index("ix_inspection_inspected_date_id", "inspected_date", "id"),
        Index("ix_inspection_rule_id", "rule_id"),
        Index("ix_inspection_outcome_inspected_date_id", "outcome", "inspected_date", "id"),
    )


class Reading(Base):
    """A measured value, judged against the rule's limits when it was recorded."""

    __tablename__ = "inspection_reading"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.inspection.id"))
    position: Mapped[int] = mapped_column()
    reading: Mapped[str] = mapped_column(Text)
    value: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    unit: Mapped[str] = mapped_column(Text)
    min: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    max: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    max_inclusive: Mapped[bool] = mapped_column(Boolean)
    within_limits: Mapped[bool] = mapped_column(Boolean)
    label: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_inspection_reading_inspection_id", "inspection_id"),)
