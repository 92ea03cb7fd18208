"""Every query of the care plans module."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.pagination import SortKey, paginate_query
from careplan_api.careplans.models import CarePlan, CarePlanVersion, HomeCareDomain

VERSION_SORTS = {
    "-number": SortKey(CarePlanVersion.number, descending=True),
    "number": SortKey(CarePlanVersion.number),
}
DOMAIN_SORTS = {"code": SortKey(HomeCareDomain.code)}


async def plan_of(session: AsyncSession, resident_id: uuid.UUID, *, for_update: bool = False) -> CarePlan | None:
    stmt = select(CarePlan).where(CarePlan.resident_id == resident_id)
    if for_update:
        stmt = stmt.with_for_update()
    return await session.scalar(stmt)


async def version(session: AsyncSession, plan_id: uuid.UUID, number: int) -> CarePlanVersion | None:
    return await session.scalar(
        select(CarePlanVersion).where(CarePlanVersion.plan_id == plan_id, CarePlanVersion.number == number))


async def version_page(session: AsyncSession, plan_id: uuid.UUID, *, sort: str, cursor: str | None,
                       limit: int) -> list[CarePlanVersion]:
    stmt = select(CarePlanVersion).where(CarePlanVersion.plan_id == plan_id)
    paged = paginate_query(stmt, sort=sort, allowed=VERSION_SORTS, id_col=CarePlanVersion.id, cursor=cursor,
                           limit=limit)
    return list((await session.scalars(paged)).all())


async def home_domains(session: AsyncSession, home_id: uuid.UUID) -> dict[str, str]:
    rows = await session.execute(
        select(HomeCareDomain.code, HomeCareDomain.name).where(HomeCareDomain.home_id == home_id))
    return dict(rows.all())


async def home_domain_page(session: AsyncSession, home_id: uuid.UUID, *, cursor: str | None,
                           limit: int) -> list[HomeCareDomain]:
    stmt = select(HomeCareDomain).where(HomeCareDomain.home_id == home_id)
    paged = paginate_query(stmt, sort="code", allowed=DOMAIN_SORTS, id_col=HomeCareDomain.id, cursor=cursor,
                           limit=limit)
    return list((await session.scalars(paged)).all())
