"""The due schedule: for each asset and each live rule of its category, the last inspection and the
next due date, computed set-based in SQL and never typed in.

next due = date of the last completed inspection of that rule + the interval, or the home's
override when that is sooner (so an override can only ever shorten, even if the rule changes).
An asset never inspected is due on the day it was added. Disposed and archived assets leave the
schedule. Call `refresh` in the same transaction as any change to an
asset, a rule, an override or an inspection."""

import uuid
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

_REFRESH = """
WITH target AS (
    SELECT a.id AS asset_id, r.id AS rule_id, a.home_id, a.category_id, r.statutory,
           a.status = 'in_service' AS in_use, r.warning_days, a.created_at,
           r.interval_value AS n, r.interval_unit AS unit, o.interval_value AS o_n, o.interval_unit AS o_unit
    FROM assets.asset a
    JOIN assets.inspection_rule r ON r.category_id = a.category_id AND r.archived_at IS NULL
    LEFT JOIN assets.rule_override o ON o.home_id = a.home_id AND o.rule_id = r.id AND o.archived_at IS NULL
    WHERE a.archived_at IS NULL AND a.status <> 'disposed' AND {target}
), gone AS (
    DELETE FROM assets.asset_rule_due d
    WHERE {existing}
      AND NOT EXISTS (SELECT 1 FROM target t WHERE t.asset_id = d.asset_id AND t.rule_id = d.rule_id)
)
INSERT INTO assets.asset_rule_due AS d (asset_id, rule_id, home_id, category_id, statutory, in_use,
    last_inspection_id, last_inspected_date, last_outcome, due_date, warning_days)
SELECT t.asset_id, t.rule_id, t.home_id, t.category_id, t.statutory, t.in_use, li.id, li.inspected_date,
       li.outcome,
       CASE WHEN li.id IS NULL THEN (t.created_at AT TIME ZONE 'Europe/London')::date
            ELSE LEAST(li.inspected_date + assets.interval_of(t.n, t.unit),
                       li.inspected_date + assets.interval_of(t.o_n, t.o_unit))::date END,
       t.warning_days
FROM target t
LEFT JOIN LATERAL (
    SELECT i.id, i.inspected_date, i.outcome FROM assets.inspection i
    WHERE i.asset_id = t.asset_id AND i.rule_id = t.rule_id
    ORDER BY i.inspected_date DESC, i.recorded_at DESC, i.id DESC LIMIT 1
) li ON true
ON CONFLICT (asset_id, rule_id) DO UPDATE SET
    home_id = EXCLUDED.home_id, category_id = EXCLUDED.category_id, statutory = EXCLUDED.statutory,
    in_use = EXCLUDED.in_use, last_inspection_id = EXCLUDED.last_inspection_id,
    last_inspected_date = EXCLUDED.last_inspected_date, last_outcome = EXCLUDED.last_outcome,
    due_date = EXCLUDED.due_date, warning_days = EXCLUDED.warning_days
"""

# The asset's own next due date: the earliest over its rules (a column so lists sort and filter on it).
_NEXT_DUE = """
UPDATE assets.asset a SET next_due_date = s.due
FROM (SELECT a2.id, min(d.due_date) AS due
      FROM assets.asset a2 LEFT JOIN assets.asset_rule_due d ON d.asset_id = a2.id
      WHERE {assets} GROUP BY a2.id) s
WHERE a.id = s.id AND a.next_due_date IS DISTINCT FROM s.due
"""


async def _run(session: AsyncSession, target: str, existing: str, assets: str, params: dict[str, Any]) -> None:
    await session.execute(text(_REFRESH.format(target=target, existing=existing)), params)
    await session.execute(text(_NEXT_DUE.format(assets=assets)), params)


async def refresh_assets(session: AsyncSession, asset_ids: list[uuid.UUID]) -> None:
    await _run(session, "a.id = ANY(:ids)", "d.asset_id = ANY(:ids)", "a2.id = ANY(:ids)", {"ids": asset_ids})


async def refresh_rule(session: AsyncSession, rule_id: uuid.UUID, home_id: uuid.UUID | None = None) -> None:
    """After a rule (or, with `home_id`, one home's override of it) changed."""
    def home(alias: str) -> str:
        return f" AND {alias}.home_id = :home" if home_id else ""

    category = "(SELECT category_id FROM assets.inspection_rule WHERE id = :rule)"
    await _run(session, f"r.id = :rule{home('a')}", f"d.rule_id = :rule{home('d')}",
               f"a2.category_id = {category}{home('a2')}", {"rule": rule_id, "home": home_id})


async def refresh_all(session: AsyncSession) -> None:
    """Every asset (bulk loads and repairs)."""
    await _run(session, "true", "true", "true", {})
