"""Every query of the themes module."""

import uuid
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.pagination import SortKey, paginate_query
from feedback_api.themes.models import Theme

SORTS = {"name": SortKey(Theme.name), "code": SortKey(Theme.code)}


async def list_page(session: AsyncSession, *, include_archived: bool, sort: str, cursor: str | None,
                    limit: int) -> list[Theme]:
    stmt = select(Theme)
    if not include_archived:
        stmt = stmt.where(Theme.archived_at.is_(None))
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=Theme.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, theme_id: uuid.UUID, *, for_update: bool = False) -> Theme | None:
    stmt = select(Theme).where(Theme.id == theme_id)
    return await session.scalar(stmt.with_for_update() if for_update else stmt)


async def code_taken(session: AsyncSession, code: str) -> bool:
    return (await session.scalar(select(func.count()).where(Theme.code == code))) != 0


async def names(session: AsyncSession, ids: Iterable[uuid.UUID] | None = None) -> dict[uuid.UUID, tuple[str, str]]:
    """id -> (code, name), for summaries."""
    stmt = select(Theme.id, Theme.code, Theme.name)
    if ids is not None:
        stmt = stmt.where(Theme.id.in_(list(ids)))
    return {row.id: (row.code, row.name) for row in await session.execute(stmt)}
