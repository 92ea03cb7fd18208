"""Compliance: the schedule rolled up per home, category and rule.

compliance % = in-date statutory inspections / required statutory inspections x 100, where
required means every live statutory rule for every asset in service, and in date means the
latest inspection under the rule exists, did not fail, and its next due date is today or later.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.assets import service as assets_service
from assets_api.compliance import repository
from assets_api.compliance.schemas import (
    AssetSchedule,
    CategoryCounts,
    ComplianceSummary,
    Counts,
    HomeCounts,
    ItemState,
    RuleCounts,
    ScheduleEntry,
)
from assets_api.recalls import service as recalls_service
from carehub_kit.identity import Actor

FIELDS = ("required", "in_date", "due_soon", "overdue", "never_inspected", "failed")


def _sum(rows: Iterable[Any]) -> dict[str, Any]:
    total: dict[str, Any] = dict.fromkeys(FIELDS, 0)
    for row in rows:
        for f in FIELDS:
            total[f] += getattr(row, f)
    total["compliance_percent"] = round(100 * total["in_date"] / total["required"], 1) if total["required"] else None
    return total


def _group(rows: list[Any], key: str) -> dict[uuid.UUID, list[Any]]:
    groups: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


async def summary(session: AsyncSession, homes: frozenset[uuid.UUID] | None, home_id: uuid.UUID | None,
                  today: date) -> ComplianceSummary:
    rows = await repository.counts(session, homes, today)
    open_recalls, pending = await recalls_service.open_summary(session, homes)
    by_rule, by_category, by_home = _group(rows, "rule_id"), _group(rows, "category_id"), _group(rows, "home_id")
    return ComplianceSummary(
        as_of=today, home_id=home_id, totals=Counts(**_sum(rows)),
        by_category=sorted((CategoryCounts(category_id=c, code=r[0].category_code, name=r[0].category_name,
                                           **_sum(r)) for c, r in by_category.items()), key=lambda x: x.name),
        by_rule=sorted((RuleCounts(rule_id=i, code=r[0].rule_code, inspection_type=r[0].inspection_type,
                                   statutory=r[0].statutory, category_id=r[0].category_id, **_sum(r))
                        for i, r in by_rule.items()), key=lambda x: x.code),
        by_home=sorted((HomeCounts(home_id=h, name=r[0].home_name, **_sum(r)) for h, r in by_home.items()),
                       key=lambda x: x.name),
        open_recalls=open_recalls, recall_assets_pending=pending,
    )


async def asset_schedule(session: AsyncSession, actor: Actor, asset_id: uuid.UUID, today: date) -> AssetSchedule:
    """The asset's inspections and their due dates (404 outside the actor's homes)."""
    await assets_service.get(session, actor, asset_id)
    rows = await repository.asset_schedule(session, asset_id, today)
    entries = [ScheduleEntry(
        rule_id=row.rule_id, statutory=row.statutory, warning_days=row.warning_days,
        last_inspection_id=row.last_inspection_id, last_inspected_date=row.last_inspected_date,
        last_outcome=row.last_outcome, due_date=row.due_date,
        states=[state for state in ItemState if getattr(row, state.value)],  # NULL (no outcome) is not a state
    ) for row in rows]
    return AssetSchedule(asset_id=asset_id, as_of=today, entries=entries)
