"""Every query of the defects module."""

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.defects.models import Defect, DefectStatus, Priority
from carehub_kit.pagination import SortKey, paginate_query

SORTS = {
    "-created_at": SortKey(Defect.created_at, descending=True),
    "created_at": SortKey(Defect.created_at),
    "priority": SortKey(Defect.priority),
}
OPEN = (DefectStatus.open, DefectStatus.in_progress)


@dataclass(frozen=True)
class DefectFilter:
    homes: frozenset[uuid.UUID] | None
    asset_id: uuid.UUID | None = None
    status: DefectStatus | None = None
    priority: Priority | None = None


def list_query(f: DefectFilter) -> Select[Any]:
    stmt = select(Defect)
    if f.homes is not None:
        stmt = stmt.where(Defect.home_id.in_(f.homes))
    if f.asset_id is not None:
        stmt = stmt.where(Defect.asset_id == f.asset_id)
    if f.status is not None:
        stmt = stmt.where(Defect.status == f.status)
    if f.priority is not None:
        stmt = stmt.where(Defect.priority == f.priority)
    return stmt


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[Defect]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=Defect.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, defect_id: uuid.UUID) -> Defect | None:
    return await session.get(Defect, defect_id)


async def holds_out_of_service(session: AsyncSession, asset_id: uuid.UUID, *,
                               other_than: uuid.UUID | None = None) -> bool:
    stmt = select(Defect.id).where(Defect.asset_id == asset_id, Defect.took_out_of_service.is_(True),
                                   Defect.status.in_(OPEN))
    if other_than is not None:
        stmt = stmt.where(Defect.id != other_than)
    return (await session.scalar(stmt.limit(1))) is not None
