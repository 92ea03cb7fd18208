"""Rules for inspection rules and home overrides. Flushes, never commits; every change that moves a
due date refreshes the schedule in the same transaction."""

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.categories import service as categories_service
from assets_api.db import audit
from assets_api.rules import repository
from assets_api.rules.models import InspectionRule, IntervalUnit, RuleOverride
from assets_api.rules.schemas import OverrideCreate, OverrideUpdate, RuleCreate, RuleUpdate, Threshold
from assets_api.schedule import service as schedule
from assets_api.scope import require_home
from assets_api.types import field_error, required_cleared
from carehub_kit.concurrency import check_version
from carehub_kit.errors import not_found
from carehub_kit.identity import Actor

DAYS_PER_MONTH = Decimal("30.4375")  # 365.25 / 12: months and days compared on one scale
SCHEDULE_FIELDS = frozenset({"interval_value", "interval_unit", "warning_days", "statutory"})


def _thresholds_json(thresholds: list[Threshold]) -> list[dict[str, Any]]:
    return [{"reading": t.reading.value, "min": None if t.min is None else float(t.min),
             "max": None if t.max is None else float(t.max), "max_inclusive": t.max_inclusive} for t in thresholds]


def days(value: int, unit: IntervalUnit) -> Decimal:
    return value * DAYS_PER_MONTH if unit is IntervalUnit.months else Decimal(value)


async def create(session: AsyncSession, actor: Actor, data: RuleCreate) -> InspectionRule:
    await categories_service.live(session, data.category_id)
    if await repository.code_taken(session, data.code):
        raise field_error("code", "already used by another rule", "unique", status=409)
    rule = InspectionRule(**data.model_dump(exclude={"thresholds"}), thresholds=_thresholds_json(data.thresholds))
    session.add(rule)
    await session.flush()
    await schedule.refresh_rule(session, rule.id)
    await audit.record(session, actor, "create", "inspection_rule", rule.id)
    return rule


async def get(session: AsyncSession, rule_id: uuid.UUID) -> InspectionRule:
    rule = await repository.get(session, rule_id)
    if rule is None:
        raise not_found("inspection rule")
    return rule


async def live(session: AsyncSession, rule_id: uuid.UUID, field: str = "rule_id") -> InspectionRule:
    rule = await repository.get(session, rule_id)
    if rule is None or rule.archived_at is not None:
        raise field_error(field, "no such inspection rule", "unknown_rule")
    return rule


async def update(session: AsyncSession, actor: Actor, rule_id: uuid.UUID, expected: int,
                 data: RuleUpdate) -> InspectionRule:
    changes = data.model_dump(exclude_unset=True, exclude={"thresholds"})
    required_cleared(changes, frozenset(RuleUpdate.model_fields) - {"thresholds"})
    rule = await get(session, rule_id)
    check_version(rule.version, expected)
    for field, value in changes.items():
        setattr(rule, field, value)
    if data.thresholds is not None:
        rule.thresholds = _thresholds_json(data.thresholds)
    await session.flush()
    if SCHEDULE_FIELDS & changes.keys():
        await schedule.refresh_rule(session, rule.id)
    await audit.record(session, actor, "update", "inspection_rule", rule.id,
                       details={"fields": sorted(data.model_fields_set)})
    return rule


async def archive(session: AsyncSession, actor: Actor, rule_id: uuid.UUID, expected: int) -> InspectionRule:
    """The rule stops applying: its rows leave the schedule; past inspections are kept."""
    rule = await get(session, rule_id)
    check_version(rule.version, expected)
    if rule.archived_at is None:
        rule.archived_at = datetime.now(UTC)
        await session.flush()
        await schedule.refresh_rule(session, rule.id)
        await audit.record(session, actor, "archive", "inspection_rule", rule.id)
    return rule


def _only_shorter(rule: InspectionRule, value: int, unit: IntervalUnit) -> None:
    if days(value, unit) >= days(rule.interval_value, rule.interval_unit):
        raise field_error("interval_value", f"a home may only shorten the interval: the rule's is "
                          f"{rule.interval_value} {rule.interval_unit}", "interval_not_shorter")


async def create_override(session: AsyncSession, actor: Actor, data: OverrideCreate) -> RuleOverride:
    from assets_api.homes import service as homes_service

    await homes_service.get(session, actor, data.home_id)  # 404 outside the actor's homes
    rule = await live(session, data.rule_id)
    _only_shorter(rule, data.interval_value, data.interval_unit)
    if await repository.live_override(session, data.home_id, data.rule_id):
        raise field_error("rule_id", "this home already overrides this rule: change that one", "unique",
                          status=409)
    override = RuleOverride(**data.model_dump())
    session.add(override)
    await session.flush()
    await schedule.refresh_rule(session, rule.id, override.home_id)
    await audit.record(session, actor, "create", "rule_override", override.id, home_id=override.home_id)
    return override


async def get_override(session: AsyncSession, actor: Actor, override_id: uuid.UUID) -> RuleOverride:
    override = await repository.get_override(session, override_id)
    if override is None:
        raise not_found("override")
    require_home(actor, override.home_id, "override")
    return override


async def update_override(session: AsyncSession, actor: Actor, override_id: uuid.UUID, expected: int,
                          data: OverrideUpdate) -> RuleOverride:
    changes = data.model_dump(exclude_unset=True)
    required_cleared(changes, frozenset(OverrideUpdate.model_fields))
    override = await get_override(session, actor, override_id)
    check_version(override.version, expected)
    if "interval_value" in changes:
        _only_shorter(await get(session, override.rule_id), changes["interval_value"], changes["interval_unit"])
    for field, value in changes.items():
        setattr(override, field, value)
    await session.flush()
    await schedule.refresh_rule(session, override.rule_id, override.home_id)
    await audit.record(session, actor, "update", "rule_override", override.id, home_id=override.home_id,
                       details={"fields": sorted(changes)})
    return override


async def archive_override(session: AsyncSession, actor: Actor, override_id: uuid.UUID,
                           expected: int) -> RuleOverride:
    override = await get_override(session, actor, override_id)
    check_version(override.version, expected)
    if override.archived_at is None:
        override.archived_at = datetime.now(UTC)
        await session.flush()
        await schedule.refresh_rule(session, override.rule_id, override.home_id)
        await audit.record(session, actor, "archive", "rule_override", override.id, home_id=override.home_id)
    return override
