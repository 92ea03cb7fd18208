"""Recording inspections. Flushes, never commits.

In one transaction: the record and its judged readings, the asset's due schedule, and on a fail
a defect (and, when the rule says so, the asset taken out of service). The asset row is locked
first, so two inspections of one asset are recorded one after the other."""

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.assets import service as assets_service
from assets_api.assets.models import AssetStatus
from assets_api.db import audit
from assets_api.defects import service as defects_service
from assets_api.inspections import repository
from assets_api.inspections.models import Inspection, Outcome, Reading
from assets_api.inspections.schemas import InspectionCreate, ReadingIn
from assets_api.rules import service as rules_service
from assets_api.rules.models import InspectionRule
from assets_api.rules.readings import PHYSICAL
from assets_api.schedule import service as schedule
from assets_api.scope import require_home
from assets_api.types import field_error, today
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor


def _within(value: Decimal, limits: dict[str, Any]) -> bool:
    low, high = limits.get("min"), limits.get("max")
    if low is not None and value < Decimal(str(low)):
        return False
    if high is not None:
        top = Decimal(str(high))
        return value <= top if limits.get("max_inclusive", True) else value < top
    return True


def _judge(rule: InspectionRule, readings: list[ReadingIn]) -> list[Reading]:
    limits = {t["reading"]: t for t in rule.thresholds}
    if limits and not readings:
        raise field_error("readings", f"this inspection needs readings: {', '.join(sorted(limits))}", "missing")
    judged = []
    for i, r in enumerate(readings):
        if r.reading.value not in limits:
            raise field_error(["readings", i, "reading"], "this rule takes no such reading", "unknown_reading")
        t = limits[r.reading.value]
        judged.append(Reading(
            position=i, reading=r.reading.value, value=r.value, unit=PHYSICAL[r.reading].unit, label=r.label,
            min=None if t.get("min") is None else Decimal(str(t["min"])),
            max=None if t.get("max") is None else Decimal(str(t["max"])),
            max_inclusive=t.get("max_inclusive", True), within_limits=_within(r.value, t)))
    return judged


async def record(session: AsyncSession, actor: Actor, data: InspectionCreate) -> tuple[Inspection, uuid.UUID | None]:
    asset = await assets_service.get(session, actor, data.asset_id, for_update=True)
    if asset.archived_at is not None or asset.status is AssetStatus.disposed:
        raise ProblemError(409, "The asset is disposed of or archived.", slug="conflict")
    rule = await rules_service.live(session, data.rule_id)
    if rule.category_id != asset.category_id:
        raise field_error("rule_id", "this rule is not for the asset's category", "rule_not_for_category")
    if data.inspected_date > today():
        raise field_error("inspected_date", "cannot be in the future", "date_in_future")
    readings = _judge(rule, data.readings)
    outcome = Outcome.fail if any(not r.within_limits for r in readings) else data.outcome
    inspection = Inspection(**data.model_dump(exclude={"readings", "outcome"}), outcome=outcome,
                            home_id=asset.home_id, recorded_by=actor.sub, readings=readings)
    session.add(inspection)
    await session.flush()
    await schedule.refresh_assets(session, [asset.id])
    defect_id = None
    if outcome is Outcome.fail:
        defect_id = await defects_service.open_for_failed_inspection(session, actor, asset, rule, inspection)
    await audit.record(session, actor, "create", "inspection", inspection.id, home_id=asset.home_id,
                       details={"outcome": outcome.value, "rule": rule.code})
    loaded = await repository.get(session, inspection.id)
    assert loaded is not None
    return loaded, defect_id


async def get(session: AsyncSession, actor: Actor, inspection_id: uuid.UUID) -> Inspection:
    inspection = await repository.get(session, inspection_id)
    if inspection is None:
        raise not_found("inspection")
    require_home(actor, inspection.home_id, "inspection")
    return inspection


async def latest(session: AsyncSession, asset_id: uuid.UUID, rule_id: uuid.UUID) -> Inspection | None:
    return await repository.latest(session, asset_id, rule_id)
