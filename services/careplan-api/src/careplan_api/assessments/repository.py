"""Every query of the risk-assessments module."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.pagination import SortKey, paginate_query
from careplan_api.assessments.models import RiskAssessment, Tool

SORTS = {
    "-assessed_at": SortKey(RiskAssessment.assessed_at, descending=True),
    "assessed_at": SortKey(RiskAssessment.assessed_at),
}


async def get(session: AsyncSession, resident_id: uuid.UUID, assessment_id: uuid.UUID) -> RiskAssessment | None:
    stmt = select(RiskAssessment).where(RiskAssessment.id == assessment_id, RiskAssessment.resident_id == resident_id)
    return await session.scalar(stmt)


async def page(session: AsyncSession, resident_id: uuid.UUID, *, tool: Tool | None, sort: str, cursor: str | None,
               limit: int) -> list[RiskAssessment]:
    stmt = select(RiskAssessment).where(RiskAssessment.resident_id == resident_id)
    if tool is not None:
        stmt = stmt.where(RiskAssessment.tool == tool)
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=RiskAssessment.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def all_for(session: AsyncSession, resident_id: uuid.UUID) -> list[RiskAssessment]:
    stmt = select(RiskAssessment).where(RiskAssessment.resident_id == resident_id).order_by(
        RiskAssessment.assessed_at, RiskAssessment.id)
    return list((await session.scalars(stmt)).all())
