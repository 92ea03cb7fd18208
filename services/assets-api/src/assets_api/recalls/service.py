"""Recalls and field safety notices. Flushes, never commits.

A recall marks every live asset of its make and model (and serial range) as affected when it is
issued; each affected asset is then checked, modified or withdrawn (withdrawn takes it out of
service). A recall closes only when no affected asset is still pending. Home staff see and act on
the affected assets in their own homes; a recall reaching none of their homes is a 404."""

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.assets import service as assets_service
from assets_api.assets.models import AssetStatus
from assets_api.db import audit
from assets_api.recalls import repository
from assets_api.recalls.models import Recall, RecallAction, RecallAsset, RecallStatus
from assets_api.recalls.schemas import RecallAssetUpdate, RecallCreate, RecallRead, RecallUpdate
from assets_api.types import field_error
from carehub_kit.auth import home_scope
from carehub_kit.concurrency import check_version
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor

ENTITY = "recall"


async def issue(session: AsyncSession, actor: Actor, data: RecallCreate) -> Recall:
    recall = Recall(**data.model_dump(), created_by=actor.sub)
    session.add(recall)
    await session.flush()
    affected = await repository.mark_affected(session, recall)
    await audit.record(session, actor, "create", ENTITY, recall.id, details={"affected": affected})
    return recall


async def get(session: AsyncSession, actor: Actor, recall_id: uuid.UUID, *, for_update: bool = False) -> Recall:
    recall = await repository.get(session, recall_id, for_update=for_update)
    homes = home_scope(actor)
    if recall is None or (homes is not None and not await repository.reaches(session, recall_id, homes)):
        raise not_found("recall")
    return recall


async def read(session: AsyncSession, actor: Actor, recalls: list[Recall]) -> list[RecallRead]:
    """Recalls with their affected and pending counts (one query for the lot)."""
    counts = await repository.counts(session, [r.id for r in recalls], home_scope(actor))
    return [RecallRead.model_validate(r).model_copy(update=dict(zip(("affected", "pending"),
                                                                    counts.get(r.id, (0, 0)), strict=True)))
            for r in recalls]


async def update(session: AsyncSession, actor: Actor, recall_id: uuid.UUID, expected: int,
                 data: RecallUpdate) -> Recall:
    recall = await get(session, actor, recall_id, for_update=True)
    check_version(recall.version, expected)
    if data.status is recall.status:
        return recall
    if data.status is RecallStatus.open:
        raise field_error("status", "a closed recall stays closed; issue a new one", "bad_transition")
    _, pending = (await repository.counts(session, [recall.id], None)).get(recall.id, (0, 0))
    if pending:
        raise ProblemError(409, f"{pending} affected asset(s) still need an action before the recall can close.",
                           slug="conflict")
    recall.status, recall.closed_at = RecallStatus.closed, datetime.now(UTC)
    await session.flush()
    await audit.record(session, actor, "close", ENTITY, recall.id)
    return recall


async def record_action(session: AsyncSession, actor: Actor, recall_id: uuid.UUID, asset_id: uuid.UUID,
                        expected: int, data: RecallAssetUpdate) -> RecallAsset:
    recall = await get(session, actor, recall_id)
    asset = await assets_service.get(session, actor, asset_id, for_update=True)  # 404 outside their homes
    row = await repository.affected(session, recall.id, asset.id)
    if row is None:
        raise not_found("affected asset")
    check_version(row.version, expected)
    if recall.status is RecallStatus.closed:
        raise ProblemError(409, "The recall is closed.", slug="conflict")
    row.action, row.notes = data.action, data.notes
    row.actioned_by, row.actioned_at = actor.sub, datetime.now(UTC)
    await session.flush()
    if data.action is RecallAction.withdrawn and asset.status is AssetStatus.in_service:
        await assets_service.set_status(session, actor, asset, AssetStatus.out_of_service, f"recall {recall.id}")
    await audit.record(session, actor, "action", "recall_asset", row.id, home_id=row.home_id,
                       details={"recall": str(recall.id), "action": data.action.value})
    return row


async def open_summary(session: AsyncSession, homes: frozenset[uuid.UUID] | None) -> tuple[int, int]:
    """(open recalls reaching these homes, their affected assets still pending), for compliance."""
    return await repository.open_summary(session, homes)
