"""Every query of the categories module."""

import uuid
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.categories.models import Category
from carehub_kit.pagination import SortKey, paginate_query

SORTS = {"name": SortKey(Category.name), "-name": SortKey(Category.name, descending=True)}


def list_query(*, include_archived: bool) -> Select[Any]:
    stmt = select(Category)
    return stmt if include_archived else stmt.where(Category.archived_at.is_(None))


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[Category]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=Category.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, category_id: uuid.UUID) -> Category | None:
    return await session.get(Category, category_id)


async def code_taken(session: AsyncSession, code: str) -> bool:
    return (await session.scalar(select(Category.id).where(Category.code == code))) is not None
