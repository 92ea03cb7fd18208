import enum
import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Enum, ForeignKey, Index, Integer, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from assets_api.db import Base
from carehub_kit.concurrency import Versioned


class LocationKind(enum.StrEnum):
    building = "building"
    floor = "floor"
    wing = "wing"
    room = "room"
    area = "area"


class RoomType(enum.StrEnum):
    resident_room = "resident_room"
    bathroom = "bathroom"
    toilet = "toilet"
    lounge = "lounge"
    dining_room = "dining_room"
    kitchen = "kitchen"
    laundry = "laundry"
    plant_room = "plant_room"
    office = "office"
    store = "store"
    corridor = "corridor"
    garden = "garden"
    other = "other"


class Location(Versioned, Base):
    """A place inside a home: building -> floor/wing -> room or area.

    `path` is the materialised path of ids from the root ("<id>/<id>/"), so a whole sub-tree is
    one indexed range scan (`path >= '<id>/' AND path < '<id>0'`; the "C" collation makes byte
    order the index order)."""

    __tablename__ = "location"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    home_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.home.id"))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("assets.location.id"))
    path: Mapped[str] = mapped_column(Text(collation="C"))
    depth: Mapped[int] = mapped_column(Integer)
    kind: Mapped[LocationKind] = mapped_column(Enum(LocationKind, name="location_kind", native_enum=False,
                                                    length=16))
    name: Mapped[str] = mapped_column(Text)
    room_type: Mapped[RoomType | None] = mapped_column(Enum(RoomType, name="room_type", native_enum=False,
                                                            length=16))
    room_number: Mapped[str | None] = mapped_column(Text)
    bed_count: Mapped[int | None] = mapped_column(Integer)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(),
                                                 onupdate=func.now())

    __table_args__ = (
        CheckConstraint("bed_count IS NULL OR (bed_count BETWEEN 1 AND 10 AND room_type = 'resident_room')",
                        name="beds_only_in_resident_rooms"),
        Index("ix_location_path_id", "path", "id"),
        Index("ix_location_home_id_path", "home_id", "path", "id"),
        Index("ix_location_home_id_name_id", "home_id", "name", "id"),
        Index("ix_location_parent_id", "parent_id"),
        Index("ix_location_home_id_kind", "home_id", "kind"),
        Index("ix_location_home_id_room_type", "home_id", "room_type"),
    )
