"""Builds the recommendations report from the other modules' figures: a fixed, small number of
grouped queries whatever the data size."""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.common import add_months, month_start
from feedback_api.reports import repository, rules
from feedback_api.reports.schemas import ActionSummary, Flag, OverdueAction, Report, ThemeTrend
from feedback_api.surveys import repository as surveys
from feedback_api.surveys.results import score_series
from feedback_api.surveys.schemas import ScorePoint
from feedback_api.workforce import repository as workforce
from feedback_api.workforce.figures import indicators_from
from feedback_api.workforce.indicators import MonthTotals
from feedback_api.workforce.models import Benchmark
from feedback_api.workforce.schemas import Indicators

TOP_THEMES = 5


async def _themes(session: AsyncSession, homes: frozenset[uuid.UUID] | None, start: date, end: date
                  ) -> list[ThemeTrend]:
    previous_start = start - timedelta(days=(end - start).days + 1)
    rows = await repository.theme_counts(session, homes, previous_start, start, end)
    trends = [ThemeTrend(theme=name, raised=now, previous=before, trend=rules.trend(now, before))
              for name, now, before in rows]
    return sorted(trends, key=lambda t: (-t.raised, t.theme))[:TOP_THEMES]


async def _actions(session: AsyncSession, homes: frozenset[uuid.UUID] | None, start: date, end: date,
                   today: date) -> ActionSummary:
    open_, overdue, done, not_doing = await repository.action_counts(session, homes, start, end, today)
    late = [OverdueAction(action_id=a.id, home_id=a.home_id, title=a.title, owner=a.owner, due_date=a.due_date,
                          days_overdue=(today - a.due_date).days)
            for a in await repository.most_overdue(session, homes, today)]
    return ActionSummary(open=open_, overdue=overdue, done_in_period=done, not_doing_in_period=not_doing,
                         overdue_actions=late)


def _add_up(by_home: dict[uuid.UUID, list[MonthTotals]]) -> list[MonthTotals]:
    months: dict[date, list[MonthTotals]] = defaultdict(list)
    for rows in by_home.values():
        for row in rows:
            months[row.month].append(row)
    return [MonthTotals(month, *(sum(getattr(r, f) for r in rows) for f in (
        "headcount", "fte", "vacancies", "leavers", "first_year_leavers", "sickness_days", "staff_hours",
        "agency_hours", "level2_qualified"))) for month, rows in sorted(months.items())]


def _with_flags(home: uuid.UUID | None, month: date, months: Sequence[MonthTotals],
                benchmarks: Sequence[Benchmark]) -> tuple[Indicators, list[Flag]]:
    current = indicators_from(home, month, months, benchmarks)
    year_before = indicators_from(home, add_months(month, -12), months, benchmarks)
    return current, rules.workforce_flags(current, year_before)


async def _workforce(session: AsyncSession, homes: frozenset[uuid.UUID] | None, end: date
                     ) -> tuple[Indicators | None, list[Indicators], list[Flag]]:
    month = await repository.latest_return_month(session, homes, month_start(end))
    if month is None:
        return None, [], []
    by_home = await workforce.monthly_totals_by_home(session, homes, add_months(month, -23), month)
    benchmarks = await workforce.benchmarks(session)
    combined, flags = _with_flags(None, month, _add_up(by_home), benchmarks)
    per_home = []
    for home, months in sorted(by_home.items(), key=lambda kv: str(kv[0])):
        indicators, home_flags = _with_flags(home, month, months, benchmarks)
        per_home.append(indicators)
        flags += home_flags
    return combined, per_home, flags


async def _pulse(session: AsyncSession, home_id: uuid.UUID | None, start: date, end: date
                 ) -> tuple[list[ScorePoint], ScorePoint | None]:
    """Scores of the surveys closed in the period, and of the last one before it."""
    opened = datetime.combine(start, time.min, UTC)
    earlier = await surveys.latest_closed(session, opened, 1)
    closed = await surveys.closed_between(session, opened, datetime.combine(end, time.max, UTC))
    points = await score_series(session, earlier + closed, home_id)
    return (points[1:], points[0]) if earlier else (points, None)


async def build(session: AsyncSession, homes: frozenset[uuid.UUID] | None, home_id: uuid.UUID | None,
                start: date, end: date, today: date) -> Report:
    themes = await _themes(session, homes, start, end)
    actions = await _actions(session, homes, start, end, today)
    pulse, before = await _pulse(session, home_id, start, end)
    combined, per_home, workforce_flags = await _workforce(session, homes, end)
    flags = [replace_home(f, home_id) for f in rules.feedback_flags(themes, actions, pulse)] + workforce_flags
    return Report(home_id=home_id, period_from=start, period_to=end, generated_at=datetime.now(UTC),
                  top_themes=themes, actions=actions, pulse=pulse, pulse_before=before,
                  pulse_trend=rules.pulse_trend([*([before] if before else []), *pulse]), workforce=combined,
                  workforce_by_home=per_home, flags=flags)


def replace_home(flag: Flag, home_id: uuid.UUID | None) -> Flag:
    return flag.model_copy(update={"home_id": home_id})
