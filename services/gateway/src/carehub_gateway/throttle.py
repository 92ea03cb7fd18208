"""Failed sign-ins per client address, counted in the database so every gateway replica agrees.

A sliding window: when an address has had `limit` failures in the last `window`, it is refused
(429 with `Retry-After`) until the oldest of them is out of the window.

Failures for a username with no account are kept in the same table under `name:<username>`, so
an unknown name is slowed down exactly like an account: a 429 must not tell a guesser which
usernames exist.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_gateway.db import login_failure
from carehub_kit.errors import ProblemError

# How long failures for an unknown name are remembered. An account's count lasts until its next
# success; a day is as long as a guesser could tell the two apart by waiting.
UNKNOWN_NAME_MEMORY = timedelta(hours=24)


@dataclass(frozen=True)
class AddressLimit:
    limit: int
    window: timedelta


async def retry_after(db: AsyncSession, rule: AddressLimit, address: str, now: datetime) -> int | None:
    """Seconds until `address` may try again, or None when it may try now."""
    count, oldest = (await db.execute(
        select(func.count(), func.min(login_failure.c.at))
        .where(login_failure.c.address == address, login_failure.c.at > now - rule.window)
    )).one()
    if count < rule.limit or oldest is None:
        return None
    seconds: float = (oldest + rule.window - now).total_seconds()
    return max(1, math.ceil(seconds))


async def record_failure(db: AsyncSession, rule: AddressLimit, address: str, now: datetime) -> None:
    keep = max(rule.window, UNKNOWN_NAME_MEMORY)
    await db.execute(delete(login_failure).where(login_failure.c.at <= now - keep))
    await db.execute(insert(login_failure).values(address=address, at=now))


def name_key(username: str) -> str:
    return f"name:{username.strip().lower()}"


async def unknown_name_retry_after(db: AsyncSession, username: str, now: datetime,
                                   backoff: Callable[[int], timedelta | None]) -> int | None:
    """The account back-off, applied to a name no account has: seconds to wait, or None."""
    count, latest = (await db.execute(
        select(func.count(), func.max(login_failure.c.at))
        .where(login_failure.c.address == name_key(username), login_failure.c.at > now - UNKNOWN_NAME_MEMORY)
    )).one()
    wait = backoff(count)
    if wait is None or latest is None:
        return None
    seconds: float = (latest + wait - now).total_seconds()
    return max(1, math.ceil(seconds)) if seconds > 0 else None


def too_many(seconds: int) -> ProblemError:
    return ProblemError(429, "Too many failed sign-in attempts. Wait, then try again.",
                        slug="too-many-attempts", title="Too many attempts",
                        headers={"Retry-After": str(seconds)})
