"""Rules for actions: dates, the status path, and the reason a "not doing" must give."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.auth import home_scope
from carehub_kit.concurrency import check_version
from carehub_kit.errors import not_found
from carehub_kit.identity import Actor
from feedback_api.actions import repository
from feedback_api.actions.models import OPEN_STATUSES, ActionStatus, FeedbackAction
from feedback_api.actions.schemas import ActionCreate, ActionRead, ActionUpdate
from feedback_api.anonymity import today
from feedback_api.common import field_error, require_home
from feedback_api.db import audit
from feedback_api.themes import service as themes

ENTITY = "feedback_action"
NEXT: dict[ActionStatus, frozenset[ActionStatus]] = {
    ActionStatus.proposed: frozenset({ActionStatus.agreed, ActionStatus.not_doing}),
    ActionStatus.agreed: frozenset({ActionStatus.in_progress, ActionStatus.not_doing}),
    ActionStatus.in_progress: frozenset({ActionStatus.done, ActionStatus.not_doing}),
    ActionStatus.done: frozenset(),
    ActionStatus.not_doing: frozenset(),
}
REQUIRED_ON_UPDATE = ("title", "owner", "due_date", "status")


def is_overdue(action: FeedbackAction, on: date) -> bool:
    return action.status in OPEN_STATUSES and action.due_date < on


def to_read(action: FeedbackAction, item_ids: list[uuid.UUID]) -> ActionRead:
    return ActionRead.model_validate({**{k: getattr(action, k) for k in ActionRead.model_fields
                                         if k not in ("overdue", "item_ids")},
                                      "overdue": is_overdue(action, today()), "item_ids": item_ids})


async def _check_items(session: AsyncSession, item_ids: list[uuid.UUID]) -> list[uuid.UUID]:
    unique = list(dict.fromkeys(item_ids))
    found = await repository.existing_items(session, unique)
    for index, item_id in enumerate(item_ids):
        if item_id not in found:
            raise field_error(["body", "item_ids", index], "no such feedback item", "not_found")
    return unique


async def create(session: AsyncSession, actor: Actor, data: ActionCreate) -> tuple[FeedbackAction, list[uuid.UUID]]:
    raised = data.raised_on or today()
    if data.due_date < raised:
        raise field_error(["body", "due_date"], "must be on or after the date the action was raised", "date_order")
    require_home(actor, data.home_id)
    if data.theme_id is not None:
        await themes.require_usable(session, data.theme_id, ["body", "theme_id"])
    item_ids = await _check_items(session, data.item_ids)
    action = FeedbackAction(**data.model_dump(exclude={"item_ids", "raised_on"}), raised_on=raised)
    session.add(action)
    await session.flush()
    await repository.replace_links(session, action.id, item_ids)
    await audit.record(session, actor, "create", ENTITY, action.id, home_id=action.home_id,
                       details={"fields": sorted(data.model_fields_set), "items": len(item_ids)})
    return action, item_ids


async def get(session: AsyncSession, actor: Actor, action_id: uuid.UUID, *,
              for_update: bool = False) -> FeedbackAction:
    action = await repository.get(session, action_id, for_update=for_update)
    scope = home_scope(actor)
    if action is None or not (scope is None or action.home_id is None or action.home_id in scope):
        raise not_found("action")
    return action


def _check_status(action: FeedbackAction, changes: dict[str, Any]) -> None:
    new = changes.get("status")
    if new is not None and new != action.status and new not in NEXT[action.status]:
        allowed = ", ".join(sorted(NEXT[action.status])) or "none (it is finished)"
        raise field_error(["body", "status"], f"from {action.status} it can move to: {allowed}", "transition",
                          status=409)
    status = new or action.status
    if status == ActionStatus.not_doing and not (changes.get("not_doing_reason") or action.not_doing_reason):
        raise field_error(["body", "not_doing_reason"], "say why it is not being done", "missing")
    if status == ActionStatus.done and not (changes.get("outcome") or action.outcome):
        raise field_error(["body", "outcome"], "say what changed", "missing")


async def update(session: AsyncSession, actor: Actor, action_id: uuid.UUID, expected: int,
                 data: ActionUpdate) -> tuple[FeedbackAction, list[uuid.UUID]]:
    changes = data.model_dump(exclude_unset=True)
    for field in REQUIRED_ON_UPDATE:
        if field in changes and changes[field] is None:
            raise field_error(["body", field], "cannot be empty", "missing")
    action = await get(session, actor, action_id, for_update=True)
    check_version(action.version, expected)
    if changes.get("due_date") and changes["due_date"] < action.raised_on:
        raise field_error(["body", "due_date"], "must be on or after the date the action was raised", "date_order")
    _check_status(action, changes)
    item_ids = changes.pop("item_ids", None)
    if item_ids is not None:
        await repository.replace_links(session, action.id, await _check_items(session, item_ids))
    for field, value in changes.items():
        setattr(action, field, value)
    if action.status in (ActionStatus.done, ActionStatus.not_doing) and action.completed_on is None:
        action.completed_on = today()
    await session.flush()
    fields = sorted(changes) + (["item_ids"] if item_ids is not None else [])
    await audit.record(session, actor, "update", ENTITY, action.id, home_id=action.home_id,
                       details={"fields": fields, "status": str(action.status)})
    links = await repository.item_ids_of(session, [action.id])
    return action, links.get(action.id, [])
