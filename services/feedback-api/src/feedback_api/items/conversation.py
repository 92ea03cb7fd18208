"""The two-way conversation on an item. Staff reply under their own name; the submitter
answers with their private reply code, and on an anonymous item leaves no trace of who."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.errors import not_found
from carehub_kit.identity import Actor
from feedback_api import anonymity
from feedback_api.db import audit
from feedback_api.items import repository
from feedback_api.items.anonymous import derived_id, key_reused, record_anonymous
from feedback_api.items.models import FeedbackItem, FeedbackMessage
from feedback_api.items.service import get_visible

ENTITY = "feedback_message"


@dataclass
class Posted:
    message: FeedbackMessage
    replayed: bool = False


async def staff_reply(session: AsyncSession, actor: Actor, item_id: uuid.UUID, body: str) -> FeedbackMessage:
    item = await get_visible(session, actor, item_id, for_update=True)
    message = FeedbackMessage(item_id=item.id, from_submitter=False, author_sub=actor.sub, author_name=actor.name,
                              seq=await repository.next_seq(session, item.id), body=body,
                              created_at=datetime.now(UTC))
    session.add(message)
    await session.flush()
    await audit.record(session, actor, "create", ENTITY, message.id, home_id=item.home_id,
                       details={"item_id": str(item.id)})
    return message


async def item_for_code(session: AsyncSession, reply_code: str, *, for_update: bool = False) -> FeedbackItem:
    item = await repository.by_reply_code_hash(session, anonymity.reply_code_hash(reply_code), for_update=for_update)
    if item is None:
        raise not_found("conversation")
    return item


async def submitter_message(session: AsyncSession, actor: Actor, reply_code: str, body: str, *, secret: str,
                            idempotency_key: str | None) -> Posted:
    item = await item_for_code(session, reply_code, for_update=True)
    message_id = uuid.uuid4()
    if idempotency_key is not None:
        message_id = derived_id(secret, "feedback-message", actor.sub, idempotency_key)
        await session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:id, 0))"), {"id": str(message_id)})
        if (existing := await repository.get_message(session, message_id)) is not None:
            if existing.item_id != item.id or existing.body != body:
                raise key_reused()
            return Posted(existing, replayed=True)
    message = FeedbackMessage(
        id=message_id, item_id=item.id, from_submitter=True,
        author_sub=None if item.anonymous else actor.sub, author_name=None if item.anonymous else actor.name,
        seq=await repository.next_seq(session, item.id), body=body,
        created_at=anonymity.start_of_day(anonymity.today()) if item.anonymous else datetime.now(UTC),
    )
    session.add(message)
    await session.flush()
    details = {"item_id": str(item.id)}
    if item.anonymous:
        await record_anonymous(session, "create", ENTITY, message.id, home_id=item.home_id, details=details)
    else:
        await audit.record(session, actor, "create", ENTITY, message.id, home_id=item.home_id, details=details)
    return Posted(message)
