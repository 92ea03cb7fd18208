"""Review intervals and the next-review date they give."""

import calendar
import enum
from datetime import date, timedelta


class ReviewInterval(enum.StrEnum):
    weekly = "weekly"
    fortnightly = "fortnightly"
    monthly = "monthly"  # the default: CQC expects plans reviewed at least monthly in most homes
    quarterly = "quarterly"


def add_months(day: date, months: int) -> date:
    """Same day of the month `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_review(after: date, interval: ReviewInterval) -> date:
    match interval:
        case ReviewInterval.weekly:
            return after + timedelta(days=7)
        case ReviewInterval.fortnightly:
            return after + timedelta(days=14)
        case ReviewInterval.monthly:
            return add_months(after, 1)
        case ReviewInterval.quarterly:
            return add_months(after, 3)
