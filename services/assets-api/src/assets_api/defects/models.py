import enum
import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, DateTime, Enum, ForeignKey, Index, Numeric, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from assets_api.db import Base
from carehub_kit.concurrency import Versioned


class Priority(enum.StrEnum):
    """P1 urgent, safety; P2 high; P3 routine; P4 long term."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class DefectStatus(enum.StrEnum):
    open = "open"
    in_progress = "in_progress"
    resolved = "resolved"
    closed = "closed"


class Defect(Versioned, Base):
    """A defect and the work order that fixes it."""

    __tablename__ = "defect"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.asset.id"))
    home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.home.id"))
    inspection_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("assets.inspection.id"))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[Priority] = mapped_column(Enum(Priority, name="priority", native_enum=False, length=2))
    status: Mapped[DefectStatus] = mapped_column(Enum(DefectStatus, name="defect_status", native_enum=False,
                                                      length=16), default=DefectStatus.open)
    took_out_of_service: Mapped[bool] = mapped_column(Boolean, default=False)
    contractor: Mapped[str | None] = mapped_column(Text)
    cost: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    resolution: Mapped[str | None] = mapped_column(Text)
    return_check_by: Mapped[str | None] = mapped_column(Text)
    return_check_notes: Mapped[str | None] = mapped_column(Text)
    returned_to_service: Mapped[bool | None] = mapped_column(Boolean)
    raised_by: Mapped[str] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(),
                                                 onupdate=func.now())

    __table_args__ = (
        CheckConstraint("cost IS NULL OR cost >= 0", name="cost_not_negative"),
        Index("ix_defect_home_id_created_at_id", "home_id", "created_at", "id"),
        Index("ix_defect_home_id_priority_id", "home_id", "priority", "id"),
        Index("ix_defect_created_at_id", "created_at", "id"),
        Index("ix_defect_priority_id", "priority", "id"),
        Index("ix_defect_asset_id_status", "asset_id", "status"),
        Index("ix_defect_status_home_id", "status", "home_id"),
        Index("ix_defect_inspection_id", "inspection_id"),
    )
