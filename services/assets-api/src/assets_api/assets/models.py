import enum
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Numeric,
    Sequence,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from assets_api.db import Base, metadata
from carehub_kit.concurrency import Versioned

# Tags handed out when the home does not bring its own label: CH-000001, CH-000002, ...
TAG_SEQUENCE = Sequence("asset_tag_seq", metadata=metadata)


_CODES = "tag || ' ' || coalesce(serial, '') || ' ' || coalesce(model, '')"
SEARCH = (f"to_tsvector('simple', regexp_replace({_CODES} || ' ' || name, '[^[:alnum:]]+', ' ', 'g') || ' ' || "
          f"regexp_replace({_CODES}, '[^[:alnum:][:space:]]+', '', 'g'))")


class AssetStatus(enum.StrEnum):
    in_service = "in_service"
    out_of_service = "out_of_service"
    awaiting_repair = "awaiting_repair"
    disposed = "disposed"


class Condition(enum.StrEnum):
    """Condition grades: A good, B satisfactory, C poor, D bad."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


class AssignedKind(enum.StrEnum):
    location = "location"
    staff = "staff"
    resident = "resident"


class Asset(Versioned, Base):
    __tablename__ = "asset"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    tag: Mapped[str] = mapped_column(Text, unique=True)
    home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.home.id"))
    location_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("assets.location.id"))
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.category.id"))
    name: Mapped[str] = mapped_column(Text)
    serial: Mapped[str | None] = mapped_column(Text)
    make: Mapped[str | None] = mapped_column(Text)
    model: Mapped[str | None] = mapped_column(Text)
    status: Mapped[AssetStatus] = mapped_column(Enum(AssetStatus, name="asset_status", native_enum=False,
                                                     length=16), default=AssetStatus.in_service)
    condition: Mapped[Condition] = mapped_column(Enum(Condition, name="condition_grade", native_enum=False,
                                                      length=1), default=Condition.B)
    purchase_date: Mapped[date | None] = mapped_column(Date)
    purchase_cost: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    warranty_end_date: Mapped[date | None] = mapped_column(Date)
    supplier: Mapped[str | None] = mapped_column(Text)
    assigned_to_kind: Mapped[AssignedKind | None] = mapped_column(Enum(AssignedKind, name="assigned_kind",
                                                                       native_enum=False, length=16))
    assigned_to_id: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    # Derived, never typed: the earliest due date over the asset's inspection rules.
    next_due_date: Mapped[date | None] = mapped_column(Date)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(),
                                                 onupdate=func.now())
    # Word-prefix search over tag, serial, name and model (`?q=`), served by a GIN index. Codes are
    # indexed both split at punctuation ("SN-778" -> sn, 778) and joined up (sn778), so either
    # way of typing them finds the asset.
    search: Mapped[str] = mapped_column(TSVECTOR, Computed(SEARCH, persisted=True))

    __table_args__ = (
        CheckConstraint("purchase_cost IS NULL OR purchase_cost >= 0", name="cost_not_negative"),
        CheckConstraint("(assigned_to_kind IS NULL) = (assigned_to_id IS NULL)", name="assignment_complete"),
        Index("ix_asset_search", "search", postgresql_using="gin"),
        # Keyset sorts, within a home and estate-wide (composite with id for the tie-break).
        Index("ix_asset_home_id_tag_id", "home_id", "tag", "id"),
        Index("ix_asset_home_id_name_id", "home_id", "name", "id"),
        Index("ix_asset_home_id_next_due_date_id", "home_id", "next_due_date", "id"),
        Index("ix_asset_home_id_created_at_id", "home_id", "created_at", "id"),
        Index("ix_asset_tag_id", "tag", "id"),
        Index("ix_asset_name_id", "name", "id"),
        Index("ix_asset_next_due_date_id", "next_due_date", "id"),
        Index("ix_asset_created_at_id", "created_at", "id"),
        # Filters.
        Index("ix_asset_category_id_name_id", "category_id", "name", "id"),
        Index("ix_asset_home_id_category_id_name_id", "home_id", "category_id", "name", "id"),
        Index("ix_asset_location_id", "location_id"),
        Index("ix_asset_home_id_status", "home_id", "status"),
        Index("ix_asset_home_id_condition", "home_id", "condition"),
        # Recalls find every asset of a make and model, whatever the case it was typed in.
        Index("ix_asset_lower_make_lower_model", text("lower(make)"), text("lower(model)")),
    )
