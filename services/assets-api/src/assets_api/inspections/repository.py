"""Every query of the inspections module."""

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from assets_api.inspections.models import Inspection, Outcome
from carehub_kit.pagination import SortKey, paginate_query

SORTS = {
    "-inspected_date": SortKey(Inspection.inspected_date, descending=True),
    "inspected_date": SortKey(Inspection.inspected_date),
}


@dataclass(frozen=True)
class InspectionFilter:
    homes: frozenset[uuid.UUID] | None
    asset_id: uuid.UUID | None = None
    rule_id: uuid.UUID | None = None
    outcome: Outcome | None = None


def list_query(f: InspectionFilter) -> Select[Any]:
    stmt = select(Inspection).options(selectinload(Inspection.readings))
    if f.homes is not None:
        stmt = stmt.where(Inspection.home_id.in_(f.homes))
    if f.asset_id is not None:
        stmt = stmt.where(Inspection.asset_id == f.asset_id)
    if f.rule_id is not None:
        stmt = stmt.where(Inspection.rule_id == f.rule_id)
    if f.outcome is not None:
        stmt = stmt.where(Inspection.outcome == f.outcome)
    return stmt


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[Inspection]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=Inspection.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, inspection_id: uuid.UUID) -> Inspection | None:
    stmt = select(Inspection).options(selectinload(Inspection.readings)).where(Inspection.id == inspection_id)
    return await session.scalar(stmt.execution_options(populate_existing=True))


async def latest(session: AsyncSession, asset_id: uuid.UUID, rule_id: uuid.UUID) -> Inspection | None:
    """The inspection that counts for the schedule: the latest by date, then by when recorded."""
    stmt = (select(Inspection).where(Inspection.asset_id == asset_id, Inspection.rule_id == rule_id)
            .order_by(Inspection.inspected_date.desc(), Inspection.recorded_at.desc(), Inspection.id.desc())
            .limit(1))
    return await session.scalar(stmt)
