"""Every query of the residents module."""

import re
import uuid
from datetime import date
from typing import Any

from sqlalchemy import Row, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from carehub_kit.pagination import SortKey, paginate_query
from carehub_kit.search import matches_words
from careplan_api import nhs_number
from careplan_api.residents.models import Resident, ResidentStatus

SORTS = {
    "family_name": SortKey(Resident.family_name),
    "-family_name": SortKey(Resident.family_name, descending=True),
    "admission_date": SortKey(Resident.admission_date),
    "-admission_date": SortKey(Resident.admission_date, descending=True),
}

# The few columns every request about one resident needs to authorise it (a hot path: notes).
_ACCESS = select(Resident.id, Resident.home_id, Resident.status, Resident.status_date, Resident.admission_date)


def list_query(*, home_id: uuid.UUID | None, status: ResidentStatus | None,
               home_ids: frozenset[uuid.UUID] | None, q: str | None = None) -> Select[Any]:
    stmt = select(Resident)
    if q and _looks_like_nhs(q):
        q = nhs_number.normalise(q)
    if (found := matches_words(Resident.search, q)) is not None:
        stmt = stmt.where(found)
    if home_id is not None:
        stmt = stmt.where(Resident.home_id == home_id)
    if status is not None:
        stmt = stmt.where(Resident.status == status)
    if home_ids is not None:
        stmt = stmt.where(Resident.home_id.in_(home_ids))
    return stmt


def _looks_like_nhs(q: str) -> bool:
    """'943 476 5919' is one number typed in groups, not three words."""
    return re.fullmatch(r"[\d\s-]+", q.strip()) is not None


async def count(session: AsyncSession, stmt: Select[Any]) -> int:
    return int(await session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[Resident]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=Resident.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, resident_id: uuid.UUID, *, for_update: bool = False) -> Resident | None:
    stmt = (select(Resident).where(Resident.id == resident_id).options(selectinload(Resident.status_history))
            .execution_options(populate_existing=True))
    if for_update:
        stmt = stmt.with_for_update(of=Resident)
    return await session.scalar(stmt)


AccessRow = Row[uuid.UUID, uuid.UUID, ResidentStatus, date, date]


async def access_row(session: AsyncSession, resident_id: uuid.UUID, *, lock: bool = False) -> AccessRow | None:
    stmt = _ACCESS.where(Resident.id == resident_id)
    if lock:
        stmt = stmt.with_for_update(read=True, key_share=True)
    # Through the connection: a Core statement needs none of the ORM session's machinery.
    return (await (await session.connection()).execute(stmt)).first()


async def nhs_number_taken(session: AsyncSession, digits: str, *, other_than: uuid.UUID | None = None) -> bool:
    stmt = select(Resident.id).where(Resident.nhs_number == digits)
    if other_than is not None:
        stmt = stmt.where(Resident.id != other_than)
    return (await session.scalar(stmt.limit(1))) is not None
