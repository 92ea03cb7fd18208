"""Every query of the items module."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.pagination import SortKey, paginate_query
from feedback_api.items.models import FeedbackContributor, FeedbackItem, FeedbackMessage, ItemStatus

SORTS = {"raised_on": SortKey(FeedbackItem.raised_on), "-raised_on": SortKey(FeedbackItem.raised_on, descending=True)}
MESSAGE_SORTS = {"seq": SortKey(FeedbackMessage.seq)}


def list_query(*, homes: frozenset[uuid.UUID] | None, home_id: uuid.UUID | None, theme_id: uuid.UUID | None,
               status: ItemStatus | None, tag: str | None, raised_from: date | None, raised_to: date | None,
               author_sub: str | None = None) -> Select[Any]:
    stmt = select(FeedbackItem)
    if homes is not None:
        stmt = stmt.where(FeedbackItem.home_id.in_(homes))
    if home_id is not None:
        stmt = stmt.where(FeedbackItem.home_id == home_id)
    if theme_id is not None:
        stmt = stmt.where(FeedbackItem.theme_id == theme_id)
    if status is not None:
        stmt = stmt.where(FeedbackItem.status == status)
    if tag is not None:
        stmt = stmt.where(FeedbackItem.tags.contains([tag]))
    if raised_from is not None:
        stmt = stmt.where(FeedbackItem.raised_on >= raised_from)
    if raised_to is not None:
        stmt = stmt.where(FeedbackItem.raised_on <= raised_to)
    if author_sub is not None:
        stmt = stmt.where(FeedbackItem.author_sub == author_sub)
    return stmt


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[FeedbackItem]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=FeedbackItem.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, item_id: uuid.UUID, *, for_update: bool = False) -> FeedbackItem | None:
    stmt = select(FeedbackItem).where(FeedbackItem.id == item_id)
    return await session.scalar(stmt.with_for_update() if for_update else stmt)


async def by_reply_code_hash(session: AsyncSession, code_hash: str, *, for_update: bool = False) -> FeedbackItem | None:
    stmt = select(FeedbackItem).where(FeedbackItem.reply_code_hash == code_hash)
    return await session.scalar(stmt.with_for_update() if for_update else stmt)


async def note_contributor(session: AsyncSession, home_id: uuid.UUID, month: date, person_hash: str) -> None:
    await session.execute(
        insert(FeedbackContributor).values(home_id=home_id, month=month, person_hash=person_hash)
        .on_conflict_do_nothing())


async def next_seq(session: AsyncSession, item_id: uuid.UUID) -> int:
    """Call with the item row locked, so two messages cannot take the same number."""
    last = await session.scalar(select(func.max(FeedbackMessage.seq)).where(FeedbackMessage.item_id == item_id))
    return int(last or 0) + 1


async def latest_messages(session: AsyncSession, item_id: uuid.UUID, limit: int = 200) -> list[FeedbackMessage]:
    stmt = (select(FeedbackMessage).where(FeedbackMessage.item_id == item_id)
            .order_by(FeedbackMessage.seq.desc()).limit(limit))
    return list(reversed((await session.scalars(stmt)).all()))


async def message_page(session: AsyncSession, item_id: uuid.UUID, *, cursor: str | None,
                       limit: int) -> list[FeedbackMessage]:
    stmt = select(FeedbackMessage).where(FeedbackMessage.item_id == item_id)
    paged = paginate_query(stmt, sort="seq", allowed=MESSAGE_SORTS, id_col=FeedbackMessage.id, cursor=cursor,
                           limit=limit)
    return list((await session.scalars(paged)).all())


async def get_message(session: AsyncSession, message_id: uuid.UUID) -> FeedbackMessage | None:
    return await session.get(FeedbackMessage, message_id)
