"""Locations in and out."""

import uuid
from datetime import datetime
from typing import Annotated, Self

from pydantic import Field, model_validator

from assets_api.locations.models import LocationKind, RoomType
from assets_api.types import Input, Output, Text100, Text200
from carehub_kit.pagination import Page

RoomNumber = Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9][A-Za-z0-9 ./-]*$")]
Beds = Annotated[int, Field(ge=1, le=10)]


class LocationCreate(Input):
    home_id: uuid.UUID
    parent_id: uuid.UUID | None = None
    kind: LocationKind
    name: Text200
    room_type: RoomType | None = None
    room_number: RoomNumber | None = None
    bed_count: Beds | None = None

    @model_validator(mode="after")
    def _beds_only_in_resident_rooms(self) -> Self:
        if self.bed_count is not None and self.room_type is not RoomType.resident_room:
            raise ValueError("bed_count is only for resident rooms (room_type resident_room)")
        return self


class LocationUpdate(Input):
    """Only the fields sent change. A new `parent_id` moves the location and everything in it."""

    parent_id: uuid.UUID | None = None
    name: Text100 | None = None
    room_type: RoomType | None = None
    room_number: RoomNumber | None = None
    bed_count: Beds | None = None


class LocationRead(Output):
    id: uuid.UUID
    home_id: uuid.UUID
    parent_id: uuid.UUID | None
    path: str = Field(description="Ids from the building down to this location, each followed by '/'.")
    depth: int
    kind: LocationKind
    name: str
    room_type: RoomType | None
    room_number: str | None
    bed_count: int | None
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class LocationPage(Page[LocationRead]):
    """One page of locations."""
