"""Every query of the locations module."""

import uuid
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.locations.models import Location, LocationKind, RoomType
from carehub_kit.pagination import SortKey, paginate_query

SORTS = {
    "path": SortKey(Location.path),
    "name": SortKey(Location.name),
    "-name": SortKey(Location.name, descending=True),
}


def subtree(path: str, column: Any = Location.path) -> ColumnElement[bool]:
    """Rows whose path starts with `path` (which ends in '/'): an index range, as '0' follows '/'."""
    return and_(column >= path, column < path[:-1] + "0")


def list_query(*, homes: frozenset[uuid.UUID] | None, parent_id: uuid.UUID | None, within: str | None,
               kind: LocationKind | None, room_type: RoomType | None, include_archived: bool) -> Select[Any]:
    stmt = select(Location)
    if homes is not None:
        stmt = stmt.where(Location.home_id.in_(homes))
    if parent_id is not None:
        stmt = stmt.where(Location.parent_id == parent_id)
    if within is not None:
        stmt = stmt.where(subtree(within))
    if kind is not None:
        stmt = stmt.where(Location.kind == kind)
    if room_type is not None:
        stmt = stmt.where(Location.room_type == room_type)
    if not include_archived:
        stmt = stmt.where(Location.archived_at.is_(None))
    return stmt


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[Location]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=Location.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, location_id: uuid.UUID) -> Location | None:
    return await session.get(Location, location_id)


async def has_live_children(session: AsyncSession, location: Location) -> bool:
    stmt = select(Location.id).where(Location.parent_id == location.id, Location.archived_at.is_(None)).limit(1)
    return (await session.scalar(stmt)) is not None


async def move_descendants(session: AsyncSession, old_path: str, new_path: str, depth_change: int) -> None:
    """Re-root every descendant's path in one statement (the location itself is set by the ORM)."""
    await session.execute(
        update(Location)
        .where(subtree(old_path), Location.path != old_path)
        .values(path=new_path + func.substr(Location.path, len(old_path) + 1),
                depth=Location.depth + depth_change)
        .execution_options(synchronize_session=False)
    )
