"""Giving feedback and reading it. Flushes, never commits."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.auth import home_scope
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor
from feedback_api import anonymity
from feedback_api.common import field_error, month_start, require_home
from feedback_api.db import audit
from feedback_api.home_settings import service as home_settings
from feedback_api.items import repository
from feedback_api.items.anonymous import derived_id, key_reused, record_anonymous
from feedback_api.items.models import FeedbackItem
from feedback_api.items.schemas import ItemCreate
from feedback_api.permissions import SUBMIT_WITHOUT_HOME_PERMISSION
from feedback_api.themes import service as themes

ENTITY = "feedback_item"
_CONTENT = ("home_id", "department", "theme_id", "kind", "importance", "summary", "detail", "anonymous")


@dataclass
class Submitted:
    item: FeedbackItem
    reply_code: str
    replayed: bool = False


def _is_manager(actor: Actor) -> bool:
    return any(role in SUBMIT_WITHOUT_HOME_PERMISSION for role in actor.roles)


async def _check_may_submit(session: AsyncSession, actor: Actor, data: ItemCreate) -> None:
    if data.home_id is None:
        if not _is_manager(actor):
            raise field_error(["body", "home_id"], "choose the home your feedback is about", "missing")
        return
    require_home(actor, data.home_id)
    if not _is_manager(actor) and not await home_settings.all_staff_may_submit(session, data.home_id):
        raise ProblemError(403, "In this home, feedback is given by managers. Ask your manager to raise it, "
                                "or to open feedback to all staff.", slug="forbidden")


async def _replay(session: AsyncSession, item_id: uuid.UUID, data: ItemCreate) -> FeedbackItem | None:
    # Serialise retries of one key: the second waits here until the first commits.
    await session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:id, 0))"), {"id": str(item_id)})
    existing = await repository.get(session, item_id)
    if existing is None:
        return None
    if any(getattr(existing, f) != getattr(data, f) for f in _CONTENT):
        raise key_reused()
    return existing


async def submit(session: AsyncSession, actor: Actor, data: ItemCreate, *, secret: str,
                 idempotency_key: str | None) -> Submitted:
    await _check_may_submit(session, actor, data)
    await themes.require_usable(session, data.theme_id, ["body", "theme_id"])
    item_id, code = uuid.uuid4(), anonymity.new_reply_code()
    if idempotency_key is not None:
        item_id = derived_id(secret, "feedback-item", actor.sub, idempotency_key)
        code = anonymity.reply_code_for_key(secret, actor.sub, idempotency_key)
        if (existing := await _replay(session, item_id, data)) is not None:
            return Submitted(existing, code, replayed=True)
    day = anonymity.today()
    item = FeedbackItem(
        id=item_id, **data.model_dump(exclude={"anonymous"}), anonymous=data.anonymous,
        author_sub=None if data.anonymous else actor.sub, author_name=None if data.anonymous else actor.name,
        reply_code_hash=anonymity.reply_code_hash(code), raised_on=day,
        # Anonymous: the day only, so the row cannot be matched to a request's time.
        created_at=anonymity.start_of_day(day) if data.anonymous else datetime.now(UTC),
    )
    session.add(item)
    await session.flush()
    if data.home_id is not None:
        person = anonymity.contributor_hash(secret, data.home_id, actor.sub)
        await repository.note_contributor(session, data.home_id, month_start(day), person)
    details = {"fields": sorted(data.model_fields_set), "anonymous": data.anonymous}
    if data.anonymous:
        await record_anonymous(session, "create", ENTITY, item.id, home_id=data.home_id, details=details)
    else:
        await audit.record(session, actor, "create", ENTITY, item.id, home_id=data.home_id, details=details)
    return Submitted(item, code)


def can_read(actor: Actor, item: FeedbackItem) -> bool:
    """Triagers see every item; home managers their homes' items (not department ones)."""
    scope = home_scope(actor)
    return scope is None or (item.home_id is not None and item.home_id in scope)


async def get_visible(session: AsyncSession, actor: Actor, item_id: uuid.UUID, *,
                      for_update: bool = False) -> FeedbackItem:
    item = await repository.get(session, item_id, for_update=for_update)
    if item is None or not can_read(actor, item):
        raise not_found("feedback item")
    return item
