"""Builds the board. An anonymous item's words appear only for a home where at least
`min_contributors` different people gave feedback in the period: with fewer, the words could
point to the person (a home of three managers, one of whom always says "rota")."""

import uuid
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.board import repository
from feedback_api.board.schemas import Board, ThemeCount, WeDid, YouSaid
from feedback_api.items.models import Kind


def _themes(rows: list[Any]) -> list[ThemeCount]:
    counts: dict[uuid.UUID, dict[str, Any]] = {}
    for theme_id, name, kind, n in rows:
        entry = counts.setdefault(theme_id, {"theme_id": theme_id, "theme": name, "raised": 0, "working": 0,
                                             "not_working": 0, "ideas": 0})
        entry["raised"] += n
        entry[{Kind.working: "working", Kind.not_working: "not_working", Kind.idea: "ideas"}[kind]] += n
    return sorted((ThemeCount(**c) for c in counts.values()), key=lambda t: (-t.raised, t.theme))


def may_show(anonymous: bool, home_id: uuid.UUID | None, contributors: dict[uuid.UUID, int], minimum: int) -> bool:
    if not anonymous:
        return True
    return home_id is not None and contributors.get(home_id, 0) >= minimum


async def build(session: AsyncSession, home_id: uuid.UUID | None, start: date, end: date, minimum: int) -> Board:
    themes = _themes(await repository.theme_counts(session, home_id, start, end))
    contributors = await repository.contributors_by_home(session, None, start, end)
    action_rows = await repository.actions(session, home_id, start, end)
    quotes: dict[uuid.UUID, list[YouSaid]] = defaultdict(list)
    totals: dict[uuid.UUID, int] = defaultdict(int)
    for action_id, kind, summary, anonymous, item_home in await repository.linked_items(
            session, [row[0].id for row in action_rows]):
        totals[action_id] += 1
        if len(quotes[action_id]) < repository.QUOTES_PER_ACTION:
            shown = may_show(anonymous, item_home, contributors, minimum)
            quotes[action_id].append(YouSaid(kind=kind, said=summary if shown else None, withheld=not shown))
    actions = [
        WeDid(action_id=a.id, home_id=a.home_id, theme=theme, title=a.title, owner=a.owner, status=a.status,
              due_date=a.due_date, completed_on=a.completed_on, outcome=a.outcome,
              not_doing_reason=a.not_doing_reason, you_said=quotes.get(a.id, []), items=totals.get(a.id, 0))
        for a, theme in action_rows
    ]
    return Board(home_id=home_id, period_from=start, period_to=end, min_contributors=minimum,
                 items_raised=sum(t.raised for t in themes), themes=themes, actions=actions)
