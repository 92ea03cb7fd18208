"""Defects and work orders. Flushes, never commits.

Status flow: open -> in_progress -> resolved -> closed; open may be resolved straight away, open
or in_progress closed straight away (duplicate, no fault found), and a resolved defect reopened
to in_progress; closed is final.
Resolving a defect that took its asset out of service needs a return-to-service check; when the
defect came from a failed inspection, a passing re-inspection must have been recorded first."""

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.assets import service as assets_service
from assets_api.assets.models import Asset, AssetStatus
from assets_api.db import audit
from assets_api.defects import repository
from assets_api.defects.models import Defect, DefectStatus, Priority
from assets_api.defects.schemas import DefectCreate, DefectUpdate
from assets_api.inspections.models import Inspection, Outcome
from assets_api.rules.models import InspectionRule
from assets_api.scope import require_home
from assets_api.types import field_error, required_cleared
from carehub_kit.concurrency import check_version
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor

ENTITY = "defect"
NEXT: dict[DefectStatus, frozenset[DefectStatus]] = {
    DefectStatus.open: frozenset({DefectStatus.in_progress, DefectStatus.resolved, DefectStatus.closed}),
    DefectStatus.in_progress: frozenset({DefectStatus.resolved, DefectStatus.closed}),
    DefectStatus.resolved: frozenset({DefectStatus.closed, DefectStatus.in_progress}),
    DefectStatus.closed: frozenset(),
}


async def _take_out_of_service(session: AsyncSession, actor: Actor, asset: Asset, reason: str) -> bool:
    if asset.status is not AssetStatus.in_service:
        return asset.status in (AssetStatus.out_of_service, AssetStatus.awaiting_repair)
    await assets_service.set_status(session, actor, asset, AssetStatus.out_of_service, reason)
    return True


async def raise_defect(session: AsyncSession, actor: Actor, data: DefectCreate) -> Defect:
    asset = await assets_service.get(session, actor, data.asset_id, for_update=True)  # 404 outside their homes
    if asset.archived_at is not None or asset.status is AssetStatus.disposed:
        raise field_error("asset_id", "the asset is disposed of or archived", "asset_not_in_use")
    held = data.take_out_of_service and await _take_out_of_service(session, actor, asset, "defect")
    defect = Defect(**data.model_dump(exclude={"take_out_of_service"}), home_id=asset.home_id,
                    took_out_of_service=held, raised_by=actor.sub)
    session.add(defect)
    await session.flush()
    await audit.record(session, actor, "create", ENTITY, defect.id, home_id=defect.home_id,
                       details={"priority": defect.priority.value, "took_out_of_service": held})
    return defect


async def open_for_failed_inspection(session: AsyncSession, actor: Actor, asset: Asset, rule: InspectionRule,
                                     inspection: Inspection) -> uuid.UUID:
    """The defect a failed inspection opens (the asset row is locked by the caller)."""
    held = rule.fail_takes_out_of_service and await _take_out_of_service(
        session, actor, asset, f"failed {rule.code}")
    defect = Defect(asset_id=asset.id, home_id=asset.home_id, inspection_id=inspection.id,
                    title=f"Failed: {rule.inspection_type}"[:200], description=inspection.defects_found,
                    priority=Priority.P1 if rule.fail_takes_out_of_service else Priority.P2,
                    took_out_of_service=held, raised_by=actor.sub)
    session.add(defect)
    await session.flush()
    await audit.record(session, actor, "create", ENTITY, defect.id, home_id=defect.home_id,
                       details={"priority": defect.priority.value, "inspection": str(inspection.id),
                                "took_out_of_service": held})
    return defect.id


async def get(session: AsyncSession, actor: Actor, defect_id: uuid.UUID) -> Defect:
    defect = await repository.get(session, defect_id)
    if defect is None:
        raise not_found("defect")
    require_home(actor, defect.home_id, "defect")
    return defect


async def holds_out_of_service(session: AsyncSession, asset_id: uuid.UUID) -> bool:
    return await repository.holds_out_of_service(session, asset_id)


async def update(session: AsyncSession, actor: Actor, defect_id: uuid.UUID, expected: int,
                 data: DefectUpdate) -> Defect:
    changes = data.model_dump(exclude_unset=True, exclude={"return_check"})
    required_cleared(changes, frozenset({"title", "priority", "status"}))
    defect = await get(session, actor, defect_id)
    check_version(defect.version, expected)
    status = changes.pop("status", defect.status)
    if status is not defect.status:
        await _transition(session, actor, defect, status, data)
    elif data.return_check is not None:
        raise field_error("return_check", "only sent when resolving the defect", "unexpected")
    for field, value in changes.items():
        setattr(defect, field, value)
    await session.flush()
    await audit.record(session, actor, "update", ENTITY, defect.id, home_id=defect.home_id,
                       details={"fields": sorted(data.model_fields_set), "status": defect.status.value})
    return defect


async def _transition(session: AsyncSession, actor: Actor, defect: Defect, status: DefectStatus,
                      data: DefectUpdate) -> None:
    if status not in NEXT[defect.status]:
        raise field_error("status", f"a {defect.status} defect cannot become {status}", "bad_transition")
    now = datetime.now(UTC)
    needs_check = status is DefectStatus.resolved and defect.took_out_of_service and \
        defect.returned_to_service is None
    if needs_check:
        await _return_to_service(session, actor, defect, data)
    elif data.return_check is not None:
        raise field_error("return_check", "only for resolving a defect that took the asset out of service",
                          "unexpected")
    if status is DefectStatus.resolved:
        defect.resolved_at = now
    if status is DefectStatus.closed:
        defect.closed_at = now
    defect.status = status


async def _return_to_service(session: AsyncSession, actor: Actor, defect: Defect, data: DefectUpdate) -> None:
    from assets_api.inspections import service as inspections_service  # inspections open defects

    check = data.return_check
    if check is None:
        raise field_error("return_check", "this defect took the asset out of service: record the "
                          "return-to-service check", "missing")
    asset = await assets_service.get(session, actor, defect.asset_id, for_update=True)
    if defect.inspection_id is not None and check.return_to_service:
        failed = await inspections_service.get(session, actor, defect.inspection_id)
        latest = await inspections_service.latest(session, asset.id, failed.rule_id)
        if latest is None or latest.id == failed.id or latest.outcome is Outcome.fail:
            raise ProblemError(409, "Record a passing re-inspection before returning the asset to service.",
                               slug="reinspection-required")
    defect.return_check_by, defect.return_check_notes = check.checked_by, check.notes
    defect.returned_to_service = check.return_to_service
    if check.return_to_service and not await repository.holds_out_of_service(session, asset.id,
                                                                             other_than=defect.id):
        await assets_service.set_status(session, actor, asset, AssetStatus.in_service, "returned to service")
