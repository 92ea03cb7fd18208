"""Every query of the assets module."""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.assets.models import TAG_SEQUENCE, Asset, AssetStatus, Condition
from assets_api.categories.models import Category
from assets_api.locations.models import Location
from assets_api.locations.repository import subtree
from carehub_kit.pagination import SortKey, paginate_query
from carehub_kit.search import matches_words

SORTS = {
    "tag": SortKey(Asset.tag),
    "name": SortKey(Asset.name),
    "-name": SortKey(Asset.name, descending=True),
    "next_due_date": SortKey(Asset.next_due_date),
    "created_at": SortKey(Asset.created_at),
    "-created_at": SortKey(Asset.created_at, descending=True),
}


@dataclass(frozen=True)
class AssetFilter:
    homes: frozenset[uuid.UUID] | None
    location_path: str | None = None
    category_id: uuid.UUID | None = None
    status: AssetStatus | None = None
    condition: Condition | None = None
    due_before: date | None = None
    overdue_on: date | None = None
    q: str | None = None
    include_archived: bool = False


def _conditions(f: AssetFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if f.homes is not None:
        where.append(Asset.home_id.in_(f.homes))
    if f.location_path is not None:
        where.append(Asset.location_id.in_(select(Location.id).where(subtree(f.location_path))))
    if f.category_id is not None:
        where.append(Asset.category_id == f.category_id)
    if f.status is not None:
        where.append(Asset.status == f.status)
    if f.condition is not None:
        where.append(Asset.condition == f.condition)
    if f.due_before is not None:
        where.append(Asset.next_due_date <= f.due_before)
    if f.overdue_on is not None:
        where.append(Asset.next_due_date < f.overdue_on)
    if (found := matches_words(Asset.search, f.q)) is not None:
        where.append(found)
    if not f.include_archived:
        where.append(Asset.archived_at.is_(None))
    return where


def list_query(f: AssetFilter) -> Select[Any]:
    return select(Asset).where(*_conditions(f))


async def count(session: AsyncSession, f: AssetFilter) -> int:
    return int(await session.scalar(select(func.count()).select_from(Asset).where(*_conditions(f))) or 0)


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[Asset]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=Asset.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, asset_id: uuid.UUID, *, for_update: bool = False) -> Asset | None:
    stmt = select(Asset).where(Asset.id == asset_id).execution_options(populate_existing=True)
    return await session.scalar(stmt.with_for_update() if for_update else stmt)


async def tag_taken(session: AsyncSession, tag: str) -> bool:
    return (await session.scalar(select(Asset.id).where(Asset.tag == tag))) is not None


async def next_tag(session: AsyncSession) -> str:
    return f"CH-{await session.scalar(TAG_SEQUENCE.next_value()):06d}"


async def any_in_location(session: AsyncSession, location_id: uuid.UUID) -> bool:
    stmt = select(Asset.id).where(Asset.location_id == location_id, Asset.archived_at.is_(None)).limit(1)
    return (await session.scalar(stmt)) is not None


async def reload_derived(session: AsyncSession, asset: Asset) -> None:
    """next_due_date is written by the schedule's SQL: read it back into the object."""
    await session.refresh(asset, ["next_due_date"])


EXPORT_COLUMNS = (Asset.id, Asset.tag, Asset.name, Asset.home_id, Asset.location_id, Category.code.label("category"),
                  Asset.serial, Asset.make, Asset.model, Asset.status, Asset.condition, Asset.purchase_date,
                  Asset.purchase_cost, Asset.warranty_end_date, Asset.supplier, Asset.notes, Asset.next_due_date,
                  Asset.extra)


def batch_query(f: AssetFilter, after: tuple[str, uuid.UUID] | None, limit: int) -> Select[Any]:
    """The next `limit` matching assets by (tag, id) after `after`: keyset batches for streaming a
    whole filtered list without loading it (only the columns an export or label needs)."""
    stmt = select(*EXPORT_COLUMNS).join(Category, Category.id == Asset.category_id).where(*_conditions(f))
    if after is not None:
        stmt = stmt.where(tuple_(Asset.tag, Asset.id) > after)
    return stmt.order_by(Asset.tag, Asset.id).limit(limit)


async def batch_after(session: AsyncSession, f: AssetFilter, after: tuple[str, uuid.UUID] | None,
                      limit: int) -> list[Row[Any]]:
    return list(await session.execute(batch_query(f, after, limit)))
