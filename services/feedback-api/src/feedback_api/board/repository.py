"""The board's queries: a handful of grouped reads, each one round trip."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.actions.models import ActionItem, FeedbackAction
from feedback_api.items.models import FeedbackContributor, FeedbackItem, ItemStatus
from feedback_api.themes.models import Theme

MAX_ACTIONS = 100
QUOTES_PER_ACTION = 5


async def theme_counts(session: AsyncSession, home_id: uuid.UUID | None, start: date,
                       end: date) -> list[Any]:
    stmt = (select(FeedbackItem.theme_id, Theme.name, FeedbackItem.kind, func.count().label("n"))
            .join(Theme, Theme.id == FeedbackItem.theme_id)
            .where(FeedbackItem.raised_on.between(start, end), FeedbackItem.status != ItemStatus.merged)
            .group_by(FeedbackItem.theme_id, Theme.name, FeedbackItem.kind))
    if home_id is not None:
        stmt = stmt.where(FeedbackItem.home_id == home_id)
    return list((await session.execute(stmt)).all())


async def contributors_by_home(session: AsyncSession, home_id: uuid.UUID | None, start: date,
                               end: date) -> dict[uuid.UUID, int]:
    """Different people who gave feedback in each home over the months of the period."""
    c = FeedbackContributor
    stmt = (select(c.home_id, func.count(func.distinct(c.person_hash)))
            .where(c.month.between(start.replace(day=1), end)).group_by(c.home_id))
    if home_id is not None:
        stmt = stmt.where(c.home_id == home_id)
    return {row[0]: int(row[1]) for row in await session.execute(stmt)}


async def actions(session: AsyncSession, home_id: uuid.UUID | None, start: date, end: date) -> list[Any]:
    a = FeedbackAction
    stmt = (select(a, Theme.name).outerjoin(Theme, Theme.id == a.theme_id)
            .where(a.raised_on <= end, or_(a.completed_on.is_(None), a.completed_on >= start))
            .order_by(a.due_date, a.id).limit(MAX_ACTIONS))
    if home_id is not None:
        stmt = stmt.where(or_(a.home_id == home_id, a.home_id.is_(None)))
    return list((await session.execute(stmt)).all())


async def linked_items(session: AsyncSession, action_ids: list[uuid.UUID]) -> list[Any]:
    if not action_ids:
        return []
    i = FeedbackItem
    stmt = (select(ActionItem.action_id, i.kind, i.summary, i.anonymous, i.home_id)
            .join(i, and_(i.id == ActionItem.item_id))
            .where(ActionItem.action_id.in_(action_ids)).order_by(ActionItem.action_id, i.raised_on, i.id))
    return list((await session.execute(stmt)).all())
