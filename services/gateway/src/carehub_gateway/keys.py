"""The gateway's token signing keys, kept in its schema.

One key is active and signs every new token. `rotate` retires it and makes a new one; a retired
key is still published (and still verifies) until every token it signed has expired, then it is
left out, and a day later deleted.
"""

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_gateway.db import signing_key
from carehub_kit.auth import LEEWAY_S
from carehub_kit.db import make_engine, make_sessionmaker
from carehub_kit.tokens import SigningKey

LONGEST_TOKEN_LIFETIME = timedelta(minutes=15)  # client-credentials tokens; session tokens are 5 min
# How long after retirement a key still verifies: its last token's lifetime, plus the clock
# leeway the services allow.
STILL_VERIFIES_FOR = LONGEST_TOKEN_LIFETIME + timedelta(seconds=LEEWAY_S)
DELETE_RETIRED_AFTER = timedelta(days=1)
_LOCK_ID = zlib.crc32(b"carehub-signing-keys")


@dataclass(frozen=True)
class StoredKey:
    key: SigningKey
    created_at: datetime
    retired_at: datetime | None

    def verifies_at(self, now: datetime) -> bool:
        return self.retired_at is None or now < self.retired_at + STILL_VERIFIES_FOR


async def _lock(db: AsyncSession) -> None:
    """Several replicas starting at once, or a rotation during start-up, take turns."""
    await db.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})


async def _insert_new(db: AsyncSession) -> str:
    new = SigningKey.generate()
    await db.execute(insert(signing_key).values(kid=new.kid, private_pem=new.private_pem))
    return new.kid


async def active_kid(db: AsyncSession) -> str | None:
    kid = await db.scalar(select(signing_key.c.kid).where(signing_key.c.retired_at.is_(None)))
    return str(kid) if kid is not None else None


async def ensure_active(db: AsyncSession) -> str:
    """The active key's id, making the first key when there is none."""
    await _lock(db)
    return await active_kid(db) or await _insert_new(db)


async def rotate(db: AsyncSession, now: datetime | None = None) -> tuple[str | None, str]:
    """Retire the active key and make a new one; returns (retired kid, new kid)."""
    now = now or datetime.now(UTC)
    await _lock(db)
    old = await active_kid(db)
    await db.execute(update(signing_key).where(signing_key.c.retired_at.is_(None)).values(retired_at=now))
    await db.execute(delete(signing_key).where(signing_key.c.retired_at < now - DELETE_RETIRED_AFTER))
    return old, await _insert_new(db)


async def verifying_keys(db: AsyncSession, now: datetime | None = None) -> list[StoredKey]:
    """The active key and every retired key whose tokens may still be alive."""
    now = now or datetime.now(UTC)
    rows = await db.execute(select(signing_key).where(or_(
        signing_key.c.retired_at.is_(None), signing_key.c.retired_at > now - STILL_VERIFIES_FOR,
    )).order_by(signing_key.c.created_at.desc()))
    return [StoredKey(SigningKey(kid=r.kid, private_pem=r.private_pem), r.created_at, r.retired_at)
            for r in rows]


async def ensure_active_once(database_url: str) -> str:
    """For `carehub run`: the first key exists before the first request."""
    engine = make_engine(database_url, pool_size=1)
    try:
        async with make_sessionmaker(engine)() as db, db.begin():
            return await ensure_active(db)
    finally:
        await engine.dispose()
