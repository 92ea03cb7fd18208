import enum
import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Computed, DateTime, Enum, Index, Integer, Text, func
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from assets_api.db import Base
from carehub_kit.concurrency import Versioned


class HomeStatus(enum.StrEnum):
    active = "active"
    closed = "closed"


class Home(Versioned, Base):
    """A care home: the root of the estate and the unit of access (people work in homes)."""

    __tablename__ = "home"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(Text)
    address_line1: Mapped[str] = mapped_column(Text)
    address_line2: Mapped[str | None] = mapped_column(Text)
    town: Mapped[str] = mapped_column(Text)
    postcode: Mapped[str] = mapped_column(Text)
    cqc_location_id: Mapped[str | None] = mapped_column(Text, unique=True)
    registered_beds: Mapped[int] = mapped_column(Integer)
    phone: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    status: Mapped[HomeStatus] = mapped_column(
        Enum(HomeStatus, name="home_status", native_enum=False, length=16), default=HomeStatus.active
    )
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    # Word-prefix search over name and postcode (`?q=`), served by a GIN index.
    search: Mapped[str] = mapped_column(
        TSVECTOR, Computed("to_tsvector('simple', name || ' ' || postcode)", persisted=True)
    )

    __table_args__ = (
        CheckConstraint("registered_beds > 0", name="registered_beds_positive"),
        Index("ix_home_search", "search", postgresql_using="gin"),
        Index("ix_home_name_id", "name", "id"),
        Index("ix_home_postcode_id", "postcode", "id"),
        Index("ix_home_created_at_id", "created_at", "id"),
    )
