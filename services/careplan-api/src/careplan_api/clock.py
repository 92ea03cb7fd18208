"""Dates as the homes see them. Stored times are UTC; a care "day" is a day in Europe/London."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def today() -> date:
    return datetime.now(LONDON).date()


def local_date(at: datetime) -> date:
    return at.astimezone(LONDON).date()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC instants a London day starts and ends (23 or 25 hours long at the clock changes)."""
    start = datetime.combine(day, time(), LONDON).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(), LONDON).astimezone(UTC)
    return start, end
