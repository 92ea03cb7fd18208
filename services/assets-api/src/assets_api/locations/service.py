"""Rules for the location tree. Flushes, never commits.

Shape: a building is a root; floors and wings sit in a building, floor or wing; rooms and areas
sit anywhere but in a room (an area such as the grounds may also be a root); nothing sits in a
room. Moves lock the home row, so two moves in one home run one after the other and cannot
together build a cycle."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.db import audit
from assets_api.homes.models import Home
from assets_api.locations import repository
from assets_api.locations.models import Location, LocationKind, RoomType
from assets_api.locations.schemas import LocationCreate, LocationUpdate
from assets_api.scope import require_home
from assets_api.types import field_error, required_cleared
from carehub_kit.concurrency import check_version
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor

ENTITY = "location"
PARENT_KINDS: dict[LocationKind, frozenset[LocationKind | None]] = {
    LocationKind.building: frozenset({None}),
    LocationKind.floor: frozenset({LocationKind.building, LocationKind.floor, LocationKind.wing}),
    LocationKind.wing: frozenset({LocationKind.building, LocationKind.floor, LocationKind.wing}),
    LocationKind.room: frozenset({LocationKind.building, LocationKind.floor, LocationKind.wing, LocationKind.area}),
    LocationKind.area: frozenset({None, LocationKind.building, LocationKind.floor, LocationKind.wing,
                                  LocationKind.area}),
}


async def _lock_home(session: AsyncSession, actor: Actor, home_id: uuid.UUID) -> Home:
    require_home(actor, home_id)
    home = await session.scalar(select(Home).where(Home.id == home_id).with_for_update())
    if home is None:
        raise not_found("home")
    if home.archived_at is not None:
        raise field_error("home_id", "the home is archived", "archived")
    return home


async def _parent(session: AsyncSession, home_id: uuid.UUID, parent_id: uuid.UUID | None,
                  kind: LocationKind) -> Location | None:
    parent = await repository.get(session, parent_id) if parent_id else None
    if parent_id is not None and (parent is None or parent.home_id != home_id or parent.archived_at):
        raise field_error("parent_id", "no such location in this home", "unknown_location")
    parent_kind = parent.kind if parent else None
    if parent_kind not in PARENT_KINDS[kind]:
        where = f"inside a {parent_kind}" if parent_kind else "at the top of the home"
        raise field_error("parent_id", f"a {kind} cannot be {where}", "bad_parent")
    return parent


async def create(session: AsyncSession, actor: Actor, data: LocationCreate) -> Location:
    await _lock_home(session, actor, data.home_id)
    parent = await _parent(session, data.home_id, data.parent_id, data.kind)
    location = Location(id=uuid.uuid4(), **data.model_dump())
    location.path = f"{parent.path if parent else ''}{location.id}/"
    location.depth = parent.depth + 1 if parent else 0
    session.add(location)
    await session.flush()
    await audit.record(session, actor, "create", ENTITY, location.id, home_id=location.home_id)
    return location


async def get(session: AsyncSession, actor: Actor, location_id: uuid.UUID) -> Location:
    location = await repository.get(session, location_id)
    if location is None:
        raise not_found("location")
    require_home(actor, location.home_id, "location")
    return location


async def in_home(session: AsyncSession, home_id: uuid.UUID, location_id: uuid.UUID,
                  field: str | list[str | int]) -> Location:
    """A live location of `home_id`, or 422 on `field` (used by assets for their location)."""
    location = await repository.get(session, location_id)
    if location is None or location.home_id != home_id or location.archived_at is not None:
        raise field_error(field, "no such location in this home", "unknown_location")
    return location


async def update(session: AsyncSession, actor: Actor, location_id: uuid.UUID, expected: int,
                 data: LocationUpdate) -> Location:
    changes = data.model_dump(exclude_unset=True)
    required_cleared(changes, frozenset({"name"}))
    location = await get(session, actor, location_id)
    await _lock_home(session, actor, location.home_id)
    await session.refresh(location)  # re-read under the lock: a move may just have committed
    check_version(location.version, expected)
    room_type, beds = changes.get("room_type", location.room_type), changes.get("bed_count", location.bed_count)
    if beds is not None and room_type is not RoomType.resident_room:
        raise field_error("bed_count", "only resident rooms have beds", "value_error")
    if "parent_id" in changes and changes["parent_id"] != location.parent_id:
        await _move(session, location, changes.pop("parent_id"))
    changes.pop("parent_id", None)
    for field, value in changes.items():
        setattr(location, field, value)
    location.updated_at = datetime.now(UTC)  # a move alone must still bump the version
    await session.flush()
    await audit.record(session, actor, "update", ENTITY, location.id, home_id=location.home_id,
                       details={"fields": sorted(data.model_fields_set)})
    return location


async def _move(session: AsyncSession, location: Location, parent_id: uuid.UUID | None) -> None:
    parent = await _parent(session, location.home_id, parent_id, location.kind)
    if parent is not None and parent.path.startswith(location.path):
        raise field_error("parent_id", "a location cannot move inside itself or one of its own sub-locations",
                          "cycle")
    old_path, new_path = location.path, f"{parent.path if parent else ''}{location.id}/"
    new_depth = parent.depth + 1 if parent else 0
    await repository.move_descendants(session, old_path, new_path, new_depth - location.depth)
    location.parent_id, location.path, location.depth = parent_id, new_path, new_depth


async def archive(session: AsyncSession, actor: Actor, location_id: uuid.UUID, expected: int) -> Location:
    from assets_api.assets import service as assets_service  # assets depend on locations, not back

    location = await get(session, actor, location_id)
    await _lock_home(session, actor, location.home_id)
    check_version(location.version, expected)
    if location.archived_at is None:
        if await repository.has_live_children(session, location):
            raise ProblemError(409, "Archive or move the locations inside it first.", slug="conflict")
        if await assets_service.any_in_location(session, location.id):
            raise ProblemError(409, "Move or archive the assets in this location first.", slug="conflict")
        location.archived_at = datetime.now(UTC)
        await session.flush()
        await audit.record(session, actor, "archive", ENTITY, location.id, home_id=location.home_id)
    return location
