"""The rules that flag what to worry about. Each flag names its rule; the README lists them
with their thresholds and where those come from."""

from collections.abc import Sequence

from feedback_api.reports.schemas import ActionSummary, Flag, ThemeTrend
from feedback_api.surveys.schemas import ScorePoint
from feedback_api.workforce.schemas import Indicators

# Care Hub defaults, set locally (not national figures): see README "Flags".
TURNOVER_RISE_POINTS = 5.0
AGENCY_SHARE_HIGH = 10.0
THEME_RISE_MIN_EXTRA = 5
ENPS_TREND_POINTS = 5.0


def workforce_flags(current: Indicators, year_before: Indicators | None) -> list[Flag]:
    flags = [Flag(rule="above_national_benchmark" if c.indicator != "level2_share" else "below_national_benchmark",
                  home_id=current.home_id, indicator=c.indicator, value=c.value, threshold=c.benchmark,
                  message=f"{c.indicator.replace('_', ' ')} is {c.value} against {c.benchmark} nationally "
                          f"({c.benchmark_year})")
             for c in current.comparisons if c.worse_than_benchmark]
    if (year_before and current.turnover_rate is not None and year_before.turnover_rate is not None
            and current.turnover_rate - year_before.turnover_rate >= TURNOVER_RISE_POINTS):
        flags.append(Flag(rule="turnover_rising", home_id=current.home_id, indicator="turnover_rate",
                          value=current.turnover_rate, threshold=year_before.turnover_rate + TURNOVER_RISE_POINTS,
                          message=f"turnover rose from {year_before.turnover_rate} to {current.turnover_rate} "
                                  "in a year"))
    if current.agency_share_of_hours is not None and current.agency_share_of_hours > AGENCY_SHARE_HIGH:
        flags.append(Flag(rule="agency_share_high", home_id=current.home_id, indicator="agency_share_of_hours",
                          value=current.agency_share_of_hours, threshold=AGENCY_SHARE_HIGH,
                          message=f"{current.agency_share_of_hours}% of hours were worked by agency staff"))
    return flags


def feedback_flags(themes: Sequence[ThemeTrend], actions: ActionSummary, pulse: Sequence[ScorePoint]) -> list[Flag]:
    flags = [Flag(rule="theme_rising", home_id=None, indicator=None, value=t.raised, threshold=t.previous * 1.5,
                  message=f"'{t.theme}' was raised {t.raised} times, up from {t.previous}")
             for t in themes if t.trend == "rising" and t.raised - t.previous >= THEME_RISE_MIN_EXTRA]
    if actions.overdue:
        flags.append(Flag(rule="overdue_actions", home_id=None, indicator=None, value=actions.overdue, threshold=0,
                          message=f"{actions.overdue} action(s) are past their due date"))
    shown = [p for p in pulse if p.enps is not None]
    if shown and shown[-1].enps is not None and shown[-1].enps < 0:
        flags.append(Flag(rule="enps_negative", home_id=None, indicator="enps", value=shown[-1].enps, threshold=0,
                          message=f"the latest pulse survey's eNPS is {shown[-1].enps}"))
    return flags


def trend(raised: int, previous: int) -> str:
    if raised >= previous * 1.5 and raised > previous:
        return "rising"
    if raised <= previous / 1.5 and raised < previous:
        return "falling"
    return "steady"


def pulse_trend(points: Sequence[ScorePoint]) -> str | None:
    """The latest shown eNPS against the one shown before it."""
    shown = [p.enps for p in points if p.enps is not None]
    if len(shown) < 2:
        return None
    change = shown[-1] - shown[-2]
    return "rising" if change >= ENPS_TREND_POINTS else "falling" if change <= -ENPS_TREND_POINTS else "steady"
