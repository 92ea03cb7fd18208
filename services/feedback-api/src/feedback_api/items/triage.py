"""Triage by divisional managers: theme, tags, status, and merging duplicates."""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.concurrency import check_version
from carehub_kit.identity import Actor
from feedback_api.common import field_error
from feedback_api.db import audit
from feedback_api.items import repository
from feedback_api.items.models import FeedbackItem, ItemStatus
from feedback_api.items.schemas import ItemMerge, ItemTriage
from feedback_api.items.service import ENTITY, get_visible
from feedback_api.themes import service as themes

SETTABLE_STATUSES = (ItemStatus.new, ItemStatus.triaged, ItemStatus.closed)


async def update(session: AsyncSession, actor: Actor, item_id: uuid.UUID, expected: int,
                 data: ItemTriage) -> FeedbackItem:
    changes = data.model_dump(exclude_unset=True)
    if "status" in changes and changes["status"] not in SETTABLE_STATUSES:
        raise field_error(["body", "status"], "use the merge call to merge an item", "enum")
    for field in ("theme_id", "status"):
        if field in changes and changes[field] is None:
            raise field_error(["body", field], "cannot be empty", "missing")
    item = await get_visible(session, actor, item_id, for_update=True)
    check_version(item.version, expected)
    if item.status == ItemStatus.merged:
        raise field_error(["body"], "this item was merged into another; triage that one", "merged", status=409)
    if "theme_id" in changes:
        await themes.require_usable(session, changes["theme_id"], ["body", "theme_id"])
    if "tags" in changes:
        changes["tags"] = sorted(set(changes["tags"] or []))
    for field, value in changes.items():
        setattr(item, field, value)
    if item.status == ItemStatus.new and changes:
        item.status = ItemStatus.triaged
    await session.flush()
    await audit.record(session, actor, "triage", ENTITY, item.id, home_id=item.home_id,
                       details={"fields": sorted(changes)})
    return item


async def merge(session: AsyncSession, actor: Actor, item_id: uuid.UUID, expected: int,
                data: ItemMerge) -> FeedbackItem:
    """Mark `item_id` a duplicate of `into_id`: it leaves the open lists, its tags join the
    other's, and counts on the board count the pair once."""
    if data.into_id == item_id:
        raise field_error(["body", "into_id"], "an item cannot be merged into itself", "value_error")
    # Lock both in id order, so two merges of the same pair cannot deadlock.
    first, second = sorted((item_id, data.into_id))
    await repository.get(session, first, for_update=True)
    await repository.get(session, second, for_update=True)
    item = await get_visible(session, actor, item_id)
    check_version(item.version, expected)
    target = await repository.get(session, data.into_id)
    if target is None or target.status == ItemStatus.merged:
        raise field_error(["body", "into_id"], "no such item, or it was itself merged", "not_found")
    if item.status == ItemStatus.merged:
        raise field_error(["body"], "this item is already merged", "merged", status=409)
    item.status, item.merged_into_id = ItemStatus.merged, target.id
    target.tags = sorted(set(target.tags) | set(item.tags))
    await session.flush()
    await audit.record(session, actor, "merge", ENTITY, item.id, home_id=item.home_id,
                       details={"into_id": str(target.id)})
    return item
