"""Every query of the homes module."""

import uuid
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.homes.models import Home, HomeStatus
from carehub_kit.pagination import SortKey, paginate_query
from carehub_kit.search import matches_words

SORTS = {
    "name": SortKey(Home.name),
    "-name": SortKey(Home.name, descending=True),
    "postcode": SortKey(Home.postcode),
    "created_at": SortKey(Home.created_at),
    "-created_at": SortKey(Home.created_at, descending=True),
}


def list_query(*, q: str | None, status: HomeStatus | None, include_archived: bool,
               home_ids: frozenset[uuid.UUID] | None) -> Select[Any]:
    stmt = select(Home)
    if not include_archived:
        stmt = stmt.where(Home.archived_at.is_(None))
    if status is not None:
        stmt = stmt.where(Home.status == status)
    if (found := matches_words(Home.search, q)) is not None:
        stmt = stmt.where(found)
    if home_ids is not None:
        stmt = stmt.where(Home.id.in_(home_ids))
    return stmt


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[Home]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=Home.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, home_id: uuid.UUID, *, for_update: bool = False) -> Home | None:
    stmt = select(Home).where(Home.id == home_id)
    if for_update:
        stmt = stmt.with_for_update()
    return await session.scalar(stmt)


async def cqc_id_taken(session: AsyncSession, cqc_location_id: str, *, other_than: uuid.UUID | None = None) -> bool:
    stmt = select(Home.id).where(Home.cqc_location_id == cqc_location_id)
    if other_than is not None:
        stmt = stmt.where(Home.id != other_than)
    return (await session.scalar(stmt.limit(1))) is not None
