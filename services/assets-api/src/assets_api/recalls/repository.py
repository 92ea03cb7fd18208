"""Every query of the recalls module."""

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, insert, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.assets.models import Asset
from assets_api.recalls.models import Recall, RecallAction, RecallAsset, RecallStatus
from carehub_kit.pagination import SortKey, paginate_query

SORTS = {
    "-issued_date": SortKey(Recall.issued_date, descending=True),
    "issued_date": SortKey(Recall.issued_date),
}
ASSET_SORTS = {"asset_tag": SortKey(RecallAsset.asset_tag)}


@dataclass(frozen=True)
class RecallFilter:
    homes: frozenset[uuid.UUID] | None
    status: RecallStatus | None = None


def _in_homes(homes: frozenset[uuid.UUID]) -> Any:
    return select(RecallAsset.id).where(RecallAsset.recall_id == Recall.id, RecallAsset.home_id.in_(homes)).exists()


def list_query(f: RecallFilter) -> Select[Any]:
    stmt = select(Recall)
    if f.homes is not None:  # home staff see the recalls that reach their homes
        stmt = stmt.where(_in_homes(f.homes))
    if f.status is not None:
        stmt = stmt.where(Recall.status == f.status)
    return stmt


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[Recall]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=Recall.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def counts(session: AsyncSession, recall_ids: list[uuid.UUID],
                 homes: frozenset[uuid.UUID] | None) -> dict[uuid.UUID, tuple[int, int]]:
    """(affected, pending) per recall, in one query for a whole page."""
    stmt = select(RecallAsset.recall_id, func.count(),
                  func.count().filter(RecallAsset.action == RecallAction.pending)) \
        .where(RecallAsset.recall_id.in_(recall_ids)).group_by(RecallAsset.recall_id)
    if homes is not None:
        stmt = stmt.where(RecallAsset.home_id.in_(homes))
    return {r[0]: (r[1], r[2]) for r in await session.execute(stmt)}


async def get(session: AsyncSession, recall_id: uuid.UUID, *, for_update: bool = False) -> Recall | None:
    stmt = select(Recall).where(Recall.id == recall_id).execution_options(populate_existing=True)
    return await session.scalar(stmt.with_for_update() if for_update else stmt)


async def reaches(session: AsyncSession, recall_id: uuid.UUID, homes: frozenset[uuid.UUID]) -> bool:
    stmt = select(RecallAsset.id).where(RecallAsset.recall_id == recall_id, RecallAsset.home_id.in_(homes))
    return (await session.scalar(stmt.limit(1))) is not None


async def mark_affected(session: AsyncSession, recall: Recall) -> int:
    """Insert one row per matching live asset in a single INSERT ... SELECT."""
    match = select(literal(recall.id), Asset.id, Asset.home_id, Asset.tag, literal(RecallAction.pending.value),
                   literal(1), func.gen_random_uuid()).where(
        func.lower(Asset.make) == recall.make.lower(), func.lower(Asset.model) == recall.model.lower(),
        Asset.archived_at.is_(None))
    if recall.serial_from is not None:
        match = match.where(Asset.serial >= recall.serial_from)
    if recall.serial_to is not None:
        match = match.where(Asset.serial <= recall.serial_to)
    cols = ["recall_id", "asset_id", "home_id", "asset_tag", "action", "version", "id"]
    result = await session.execute(insert(RecallAsset).from_select(cols, match))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def assets_query(recall_id: uuid.UUID, homes: frozenset[uuid.UUID] | None,
                 action: RecallAction | None) -> Select[Any]:
    stmt = select(RecallAsset).where(RecallAsset.recall_id == recall_id)
    if homes is not None:
        stmt = stmt.where(RecallAsset.home_id.in_(homes))
    if action is not None:
        stmt = stmt.where(RecallAsset.action == action)
    return stmt


async def assets_page(session: AsyncSession, stmt: Select[Any], *, cursor: str | None,
                      limit: int) -> list[RecallAsset]:
    paged = paginate_query(stmt, sort="asset_tag", allowed=ASSET_SORTS, id_col=RecallAsset.id, cursor=cursor,
                           limit=limit)
    return list((await session.scalars(paged)).all())


async def affected(session: AsyncSession, recall_id: uuid.UUID, asset_id: uuid.UUID) -> RecallAsset | None:
    stmt = select(RecallAsset).where(RecallAsset.recall_id == recall_id, RecallAsset.asset_id == asset_id) \
        .with_for_update().execution_options(populate_existing=True)
    return await session.scalar(stmt)


async def open_summary(session: AsyncSession, homes: frozenset[uuid.UUID] | None) -> tuple[int, int]:
    """(open recalls reaching these homes, affected assets in them still pending)."""
    stmt = select(func.count(func.distinct(RecallAsset.recall_id)),
                  func.count().filter(RecallAsset.action == RecallAction.pending)) \
        .join(Recall, Recall.id == RecallAsset.recall_id).where(Recall.status == RecallStatus.open)
    if homes is not None:
        stmt = stmt.where(RecallAsset.home_id.in_(homes))
    row = (await session.execute(stmt)).one()
    return int(row[0]), int(row[1])
