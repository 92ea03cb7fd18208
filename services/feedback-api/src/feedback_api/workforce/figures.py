"""Indicators and time series computed from the returns, compared with the benchmarks."""

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.common import add_months
from feedback_api.workforce import repository
from feedback_api.workforce.indicators import WINDOW, MonthTotals, compute, worse
from feedback_api.workforce.models import Benchmark
from feedback_api.workforce.schemas import Comparison, Indicators, SeriesPoint


def _window(months: Sequence[MonthTotals], month: date) -> tuple[list[MonthTotals], MonthTotals | None]:
    first = add_months(month, -(WINDOW - 1))
    window = [m for m in months if first <= m.month <= month]
    current = next((m for m in window if m.month == month), None)
    return window, current


def comparisons(values: dict[str, float | None], benchmarks: Sequence[Benchmark]) -> list[Comparison]:
    return [Comparison(indicator=b.indicator, value=values.get(b.indicator), benchmark=float(b.value),
                       benchmark_source=b.source, benchmark_year=b.year,
                       worse_than_benchmark=worse(b.indicator, values.get(b.indicator), float(b.value)))
            for b in benchmarks if b.indicator in values]


def indicators_from(home_id: uuid.UUID | None, month: date, months: Sequence[MonthTotals],
                    benchmarks: Sequence[Benchmark]) -> Indicators:
    window, current = _window(months, month)
    values = compute(window, current)
    return Indicators(home_id=home_id, month=month, months_covered=len(window),
                      headcount=current.headcount if current else 0, **values,
                      comparisons=comparisons(values, benchmarks))


async def indicators(session: AsyncSession, homes: frozenset[uuid.UUID] | None, month: date) -> list[Indicators]:
    """One entry per home with returns (in `homes`), at `month`."""
    by_home = await repository.monthly_totals_by_home(session, homes, add_months(month, -(WINDOW - 1)), month)
    benchmarks = await repository.benchmarks(session)
    return [indicators_from(home, month, months, benchmarks) for home, months in sorted(by_home.items(), key=str)]


async def combined(session: AsyncSession, homes: frozenset[uuid.UUID] | None, month: date) -> Indicators:
    """The homes added together, at `month` (for the council-wide report)."""
    months = await repository.monthly_totals(session, homes, add_months(month, -(WINDOW - 1)), month)
    return indicators_from(None, month, months, await repository.benchmarks(session))


async def series(session: AsyncSession, homes: frozenset[uuid.UUID] | None, start: date,
                 end: date) -> list[SeriesPoint]:
    """Every indicator for each month from `start` to `end` (homes added together), read in one query."""
    months = await repository.monthly_totals(session, homes, add_months(start, -(WINDOW - 1)), end)
    points = []
    month = start
    while month <= end:
        window, current = _window(months, month)
        values = compute(window, current)
        points.append(SeriesPoint(month=month, **values))
        month = add_months(month, 1)
    return points
