"""Every query of the workforce module."""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, delete, func, insert, select
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.pagination import SortKey, paginate_query
from feedback_api.workforce.indicators import MonthTotals
from feedback_api.workforce.models import Benchmark, WorkforceReturn, WorkforceRoleLine

SORTS = {"month": SortKey(WorkforceReturn.month), "-month": SortKey(WorkforceReturn.month, descending=True)}
R = WorkforceReturn


def list_query(*, homes: frozenset[uuid.UUID] | None, month_from: date | None, month_to: date | None) -> Select[Any]:
    stmt = select(R)
    if homes is not None:
        stmt = stmt.where(R.home_id.in_(homes))
    if month_from is not None:
        stmt = stmt.where(R.month >= month_from)
    if month_to is not None:
        stmt = stmt.where(R.month <= month_to)
    return stmt


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[WorkforceReturn]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=R.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, return_id: uuid.UUID, *, for_update: bool = False) -> WorkforceReturn | None:
    stmt = select(R).where(R.id == return_id)
    return await session.scalar(stmt.with_for_update() if for_update else stmt)


async def exists(session: AsyncSession, home_id: uuid.UUID, month: date) -> bool:
    return (await session.scalar(select(R.id).where(R.home_id == home_id, R.month == month))) is not None


async def lines_of(session: AsyncSession, return_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[WorkforceRoleLine]]:
    lines: dict[uuid.UUID, list[WorkforceRoleLine]] = defaultdict(list)
    if return_ids:
        stmt = (select(WorkforceRoleLine).where(WorkforceRoleLine.return_id.in_(return_ids))
                .order_by(WorkforceRoleLine.return_id, WorkforceRoleLine.role))
        for line in await session.scalars(stmt):
            lines[line.return_id].append(line)
    return lines


async def replace_lines(session: AsyncSession, return_id: uuid.UUID, lines: list[dict[str, Any]]) -> None:
    await session.execute(delete(WorkforceRoleLine).where(WorkforceRoleLine.return_id == return_id))
    await session.execute(insert(WorkforceRoleLine), [{**line, "return_id": return_id} for line in lines])


def _totals_columns() -> list[Any]:
    return [R.month, func.sum(R.headcount), func.sum(R.fte), func.sum(R.vacancies),
            func.sum(R.leavers_voluntary + R.leavers_involuntary), func.sum(R.first_year_leavers),
            func.sum(R.sickness_days), func.sum(R.staff_hours), func.sum(R.agency_hours),
            func.sum(R.level2_qualified)]


def _totals(row: Sequence[Any]) -> MonthTotals:
    month, headcount, fte, vacancies, leavers, first_year, sickness, staff_hours, agency_hours, level2 = row
    return MonthTotals(month, int(headcount), fte, vacancies, int(leavers), int(first_year), sickness, staff_hours,
                       agency_hours, int(level2))


async def monthly_totals(session: AsyncSession, homes: frozenset[uuid.UUID] | None, start: date,
                         end: date) -> list[MonthTotals]:
    """The homes' returns added up per month, oldest first."""
    stmt = select(*_totals_columns()).where(R.month.between(start, end)).group_by(R.month).order_by(R.month)
    if homes is not None:
        stmt = stmt.where(R.home_id.in_(homes))
    return [_totals(row) for row in await session.execute(stmt)]


async def monthly_totals_by_home(session: AsyncSession, homes: frozenset[uuid.UUID] | None, start: date,
                                 end: date) -> dict[uuid.UUID, list[MonthTotals]]:
    stmt = (select(R.home_id, *_totals_columns()).where(R.month.between(start, end))
            .group_by(R.home_id, R.month).order_by(R.home_id, R.month))
    if homes is not None:
        stmt = stmt.where(R.home_id.in_(homes))
    by_home: dict[uuid.UUID, list[MonthTotals]] = defaultdict(list)
    for row in await session.execute(stmt):
        by_home[row[0]].append(_totals(row[1:]))
    return by_home


async def latest_headcounts(session: AsyncSession, up_to: date, roles: Sequence[str]) -> dict[uuid.UUID, int]:
    """Each home's headcount (in `roles`, or all) in its latest return up to `up_to`."""
    latest = (select(R.id).ext(distinct_on(R.home_id)).where(R.month <= up_to)
              .order_by(R.home_id, R.month.desc()).subquery())
    stmt = (select(R.home_id, func.sum(WorkforceRoleLine.headcount))
            .join(WorkforceRoleLine, WorkforceRoleLine.return_id == R.id)
            .where(R.id.in_(select(latest.c.id))).group_by(R.home_id))
    if roles:
        stmt = stmt.where(WorkforceRoleLine.role.in_(list(roles)))
    return {row[0]: int(row[1]) for row in await session.execute(stmt)}


async def benchmarks(session: AsyncSession) -> list[Benchmark]:
    return list((await session.scalars(select(Benchmark).order_by(Benchmark.indicator))).all())


async def benchmark(session: AsyncSession, benchmark_id: uuid.UUID, *, for_update: bool = False) -> Benchmark | None:
    stmt = select(Benchmark).where(Benchmark.id == benchmark_id)
    return await session.scalar(stmt.with_for_update() if for_update else stmt)


async def indicator_taken(session: AsyncSession, indicator: str) -> bool:
    return (await session.scalar(select(Benchmark.id).where(Benchmark.indicator == indicator))) is not None
