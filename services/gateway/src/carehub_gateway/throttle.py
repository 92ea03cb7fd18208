"""Failed sign-ins per client address, counted in the database so every gateway replica agrees.

A sliding window: when an address has had `limit` failures in the last `window`, it is refused
(429 with `Retry-After`) until the oldest of them is out of the window.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_gateway.db import login_failure
from carehub_kit.errors import ProblemError


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
    await db.execute(delete(login_failure).where(login_failure.c.at <= now - rule.window))
    await db.execute(insert(login_failure).values(address=address, at=now))


def too_many(seconds: int) -> ProblemError:
    return ProblemError(429, "Too many failed sign-in attempts. Wait, then try again.",
                        slug="too-many-attempts", title="Too many attempts",
                        headers={"Retry-After": str(seconds)})
