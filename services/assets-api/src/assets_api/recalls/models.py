import enum
import uuid
from datetime import date, datetime

from sqlalchemy import Date, DateTime, Enum, ForeignKey, Index, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from assets_api.db import Base
from carehub_kit.concurrency import Versioned


class RecallStatus(enum.StrEnum):
    open = "open"
    closed = "closed"


class RecallAction(enum.StrEnum):
    """What was done to one affected asset: nothing yet, checked and fine, modified per the
    notice, or withdrawn from use."""

    pending = "pending"
    checked = "checked"
    modified = "modified"
    withdrawn = "withdrawn"


class Recall(Versioned, Base):
    """A field safety notice or recall (MHRA-style) for one make and model, optionally a serial range."""

    __tablename__ = "recall"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reference: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    make: Mapped[str] = mapped_column(Text)
    model: Mapped[str] = mapped_column(Text)
    serial_from: Mapped[str | None] = mapped_column(Text)
    serial_to: Mapped[str | None] = mapped_column(Text)
    issued_date: Mapped[date] = mapped_column(Date)
    action_required: Mapped[str] = mapped_column(Text)
    status: Mapped[RecallStatus] = mapped_column(Enum(RecallStatus, name="recall_status", native_enum=False,
                                                      length=8), default=RecallStatus.open)
    created_by: Mapped[str] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(),
                                                 onupdate=func.now())

    __table_args__ = (
        Index("ix_recall_issued_date_id", "issued_date", "id"),
        Index("ix_recall_status_issued_date_id", "status", "issued_date", "id"),
    )


class RecallAsset(Versioned, Base):
    """One asset a recall affects, and the action taken on it."""

    __tablename__ = "recall_asset"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    recall_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.recall.id"))
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.asset.id"))
    home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.home.id"))
    asset_tag: Mapped[str] = mapped_column(Text)
    action: Mapped[RecallAction] = mapped_column(Enum(RecallAction, name="recall_action", native_enum=False,
                                                      length=16), default=RecallAction.pending)
    notes: Mapped[str | None] = mapped_column(Text)
    actioned_by: Mapped[str | None] = mapped_column(Text)
    actioned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        UniqueConstraint("recall_id", "asset_id", name="uq_recall_asset_recall_id_asset_id"),
        Index("ix_recall_asset_recall_id_asset_tag_id", "recall_id", "asset_tag", "id"),
        Index("ix_recall_asset_home_id_recall_id", "home_id", "recall_id"),
        Index("ix_recall_asset_asset_id", "asset_id"),
        Index("ix_recall_asset_recall_id_action", "recall_id", "action"),
    )
