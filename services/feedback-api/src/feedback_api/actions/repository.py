"""Every query of the actions module."""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, delete, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.pagination import SortKey, paginate_query
from feedback_api.actions.models import OPEN_STATUSES, ActionItem, ActionStatus, FeedbackAction
from feedback_api.items.models import FeedbackItem

SORTS = {
    "due_date": SortKey(FeedbackAction.due_date),
    "-due_date": SortKey(FeedbackAction.due_date, descending=True),
    "-created_at": SortKey(FeedbackAction.created_at, descending=True),
}


def list_query(*, homes: frozenset[uuid.UUID] | None, home_id: uuid.UUID | None, status: ActionStatus | None,
               overdue: bool, today: date) -> Select[Any]:
    stmt = select(FeedbackAction)
    if homes is not None:  # council-wide actions concern every home
        stmt = stmt.where(or_(FeedbackAction.home_id.in_(homes), FeedbackAction.home_id.is_(None)))
    if home_id is not None:
        stmt = stmt.where(FeedbackAction.home_id == home_id)
    if status is not None:
        stmt = stmt.where(FeedbackAction.status == status)
    if overdue:
        stmt = stmt.where(FeedbackAction.status.in_(OPEN_STATUSES), FeedbackAction.due_date < today)
    return stmt


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[FeedbackAction]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=FeedbackAction.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, action_id: uuid.UUID, *, for_update: bool = False) -> FeedbackAction | None:
    stmt = select(FeedbackAction).where(FeedbackAction.id == action_id)
    return await session.scalar(stmt.with_for_update() if for_update else stmt)


async def item_ids_of(session: AsyncSession, action_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The linked items of a page of actions, in one query."""
    linked: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    if action_ids:
        stmt = (select(ActionItem.action_id, ActionItem.item_id).where(ActionItem.action_id.in_(action_ids))
                .order_by(ActionItem.action_id, ActionItem.item_id))
        for row in await session.execute(stmt):
            linked[row.action_id].append(row.item_id)
    return linked


async def existing_items(session: AsyncSession, item_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    if not item_ids:
        return set()
    return set((await session.scalars(select(FeedbackItem.id).where(FeedbackItem.id.in_(item_ids)))).all())


async def replace_links(session: AsyncSession, action_id: uuid.UUID, item_ids: Sequence[uuid.UUID]) -> None:
    await session.execute(delete(ActionItem).where(ActionItem.action_id == action_id))
    if item_ids:
        await session.execute(insert(ActionItem), [{"action_id": action_id, "item_id": i} for i in item_ids])
