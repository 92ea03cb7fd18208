"""The workforce formulas (documented, with sources, in the service README).

All rates are per cent, rounded to one decimal place. "Rolling" figures use the 12 months
ending with the month asked for, and are null unless all 12 returns are in.

- turnover rate         = leavers in the 12 months / average headcount over the 12 months
- vacancy rate          = vacancies / (filled posts + vacancies), in the month (filled = headcount)
- first-year leaver rate= leavers within their first year / all leavers, over the 12 months
- sickness days per FTE = sickness days in the 12 months / average FTE over the 12 months
- agency share of hours = agency hours / (agency hours + staff hours), over the 12 months
- Level 2+ share        = staff qualified at Level 2 or above / headcount, in the month
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

WINDOW = 12
# Which way is worse, for comparing with a benchmark.
HIGHER_IS_WORSE = {"turnover_rate": True, "vacancy_rate": True, "first_year_leaver_rate": True,
                   "sickness_days_per_fte": True, "agency_share_of_hours": True, "level2_share": False}


@dataclass(frozen=True)
class MonthTotals:
    month: date
    headcount: int
    fte: Decimal
    vacancies: Decimal
    leavers: int
    first_year_leavers: int
    sickness_days: Decimal
    staff_hours: Decimal
    agency_hours: Decimal
    level2_qualified: int


def _pct(numerator: float, denominator: float) -> float | None:
    return round(100 * numerator / denominator, 1) if denominator > 0 else None


def compute(window: Sequence[MonthTotals], current: MonthTotals | None) -> dict[str, float | None]:
    """`window`: the returns present among the 12 months ending with `current`'s month."""
    full = len(window) == WINDOW
    leavers = sum(m.leavers for m in window)
    avg_headcount = sum(m.headcount for m in window) / len(window) if window else 0.0
    avg_fte = float(sum(m.fte for m in window)) / len(window) if window else 0.0
    agency = float(sum(m.agency_hours for m in window))
    staff = float(sum(m.staff_hours for m in window))
    return {
        "turnover_rate": _pct(leavers, avg_headcount) if full else None,
        "vacancy_rate": _pct(float(current.vacancies), current.headcount + float(current.vacancies))
        if current else None,
        "first_year_leaver_rate": _pct(sum(m.first_year_leavers for m in window), leavers) if full else None,
        "sickness_days_per_fte": round(float(sum(m.sickness_days for m in window)) / avg_fte, 1)
        if full and avg_fte > 0 else None,
        "agency_share_of_hours": _pct(agency, agency + staff) if window else None,
        "level2_share": _pct(current.level2_qualified, current.headcount) if current else None,
    }


def worse(indicator: str, value: float | None, benchmark: float) -> bool | None:
    if value is None:
        return None
    return value > benchmark if HIGHER_IS_WORSE[indicator] else value < benchmark
