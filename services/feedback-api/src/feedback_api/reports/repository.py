"""The report's own queries (the rest come from the other modules' repositories)."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.actions.models import OPEN_STATUSES, ActionStatus, FeedbackAction
from feedback_api.items.models import FeedbackItem, ItemStatus
from feedback_api.themes.models import Theme
from feedback_api.workforce.models import WorkforceReturn


async def theme_counts(session: AsyncSession, homes: frozenset[uuid.UUID] | None, start: date, mid: date,
                       end: date) -> list[Any]:
    """(theme name, raised in [mid, end], raised in [start, mid)) per theme, in one scan."""
    i = FeedbackItem
    stmt = (select(Theme.name, func.count(case((i.raised_on >= mid, 1))), func.count(case((i.raised_on < mid, 1))))
            .join(Theme, Theme.id == i.theme_id)
            .where(i.raised_on.between(start, end), i.status != ItemStatus.merged).group_by(Theme.name))
    if homes is not None:
        stmt = stmt.where(i.home_id.in_(homes))
    return list((await session.execute(stmt)).all())


def _action_scope(stmt: Any, homes: frozenset[uuid.UUID] | None) -> Any:
    if homes is None:
        return stmt
    return stmt.where(or_(FeedbackAction.home_id.in_(homes), FeedbackAction.home_id.is_(None)))


async def action_counts(session: AsyncSession, homes: frozenset[uuid.UUID] | None, start: date, end: date,
                        today: date) -> Any:
    a = FeedbackAction
    is_open = a.status.in_(OPEN_STATUSES)
    in_period = a.completed_on.between(start, end)
    stmt = select(
        func.count(case((is_open, 1))), func.count(case((is_open & (a.due_date < today), 1))),
        func.count(case((in_period & (a.status == ActionStatus.done), 1))),
        func.count(case((in_period & (a.status == ActionStatus.not_doing), 1))))
    return (await session.execute(_action_scope(stmt, homes))).one()


async def most_overdue(session: AsyncSession, homes: frozenset[uuid.UUID] | None, today: date,
                       limit: int = 20) -> list[FeedbackAction]:
    a = FeedbackAction
    stmt = select(a).where(a.status.in_(OPEN_STATUSES), a.due_date < today).order_by(a.due_date, a.id).limit(limit)
    return list((await session.scalars(_action_scope(stmt, homes))).all())


async def latest_return_month(session: AsyncSession, homes: frozenset[uuid.UUID] | None, up_to: date) -> date | None:
    stmt = select(func.max(WorkforceReturn.month)).where(WorkforceReturn.month <= up_to)
    if homes is not None:
        stmt = stmt.where(WorkforceReturn.home_id.in_(homes))
    return await session.scalar(stmt)
