"""Server-side sessions for the browser.

The browser holds a random id (32 bytes from `secrets`); the table holds only its SHA-256, with
a snapshot of who signed in (`SessionIdentity`: a local account, or an identity from an upstream
OpenID Connect provider) and the session's CSRF token. A session ends after `idle` without a
request, `absolute` after it began, or at sign-out, whichever is first. Every sign-in makes a new
id, so an id planted before sign-in is never promoted (no fixation).
"""

import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_gateway.db import web_session
from carehub_gateway.settings import Settings
from carehub_kit.auth import ALL_ROLES
from carehub_kit.identity import Actor

COOKIE = "carehub_session"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
TOUCH_EVERY = timedelta(minutes=1)  # last_seen_at is written at most this often
_ID_SHAPE = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)


@dataclass(frozen=True)
class SessionIdentity:
    """Who a session is for. `subject` becomes the tokens' `sub`; `source` says where the
    identity came from ("local" for a gateway account, else the upstream provider)."""

    subject: str
    username: str
    name: str
    roles: tuple[str, ...]
    homes: tuple[str, ...]
    source: str = "local"
    account_id: uuid.UUID | None = None  # set for local accounts: disabling one ends its sessions

    def actor(self) -> Actor:
        return Actor(sub=self.subject, name=self.name, roles=self.roles, homes=self.homes)


@dataclass(frozen=True)
class Lifetimes:
    idle: timedelta
    absolute: timedelta

    @classmethod
    def of(cls, settings: Settings) -> "Lifetimes":
        return cls(idle=timedelta(minutes=settings.session_idle_minutes),
                   absolute=timedelta(hours=settings.session_absolute_hours))


@dataclass(frozen=True)
class ActiveSession:
    key: bytes  # SHA-256 of the id: the primary key, and what caches are keyed by
    identity: SessionIdentity
    csrf_token: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class NewSession:
    id: str  # for the cookie only: never stored, never logged
    session: ActiveSession


def session_key(session_id: str) -> bytes:
    return hashlib.sha256(session_id.encode("ascii")).digest()


def plausible_id(value: str | None) -> bool:
    return bool(value) and _ID_SHAPE.match(value or "") is not None


def csrf_matches(session: ActiveSession, presented: str | None) -> bool:
    return presented is not None and hmac.compare_digest(session.csrf_token.encode(), presented.encode())


def _active(row: Row[*tuple[Any, ...]]) -> ActiveSession:
    identity = SessionIdentity(
        subject=row.subject, username=row.username, name=row.name, roles=tuple(row.roles),
        homes=tuple(row.homes), source=row.source, account_id=row.account_id)
    return ActiveSession(key=row.id_hash, identity=identity, csrf_token=row.csrf_token,
                         created_at=row.created_at, last_seen_at=row.last_seen_at, expires_at=row.expires_at)


async def start_session(
    db: AsyncSession, identity: SessionIdentity, lifetimes: Lifetimes, now: datetime,
    *, replacing: str | None = None,
) -> NewSession:
    """A new session with a new id. The one the browser presented (`replacing`), if any, ends:
    its id is never carried over."""
    if plausible_id(replacing):
        await db.execute(delete(web_session).where(web_session.c.id_hash == session_key(replacing or "")))
    await purge_expired(db, lifetimes, now)
    session_id = secrets.token_urlsafe(32)
    row = (await db.execute(insert(web_session).values(
        id_hash=session_key(session_id), account_id=identity.account_id, subject=identity.subject,
        username=identity.username, name=identity.name,
        roles=sorted({r for r in identity.roles if r in ALL_ROLES}), homes=sorted(set(identity.homes)),
        source=identity.source, csrf_token=secrets.token_urlsafe(32),
        created_at=now, last_seen_at=now, expires_at=now + lifetimes.absolute,
    ).returning(*web_session.c))).one()
    return NewSession(id=session_id, session=_active(row))


async def load_session(db: AsyncSession, session_id: str | None, lifetimes: Lifetimes,
                       now: datetime) -> ActiveSession | None:
    """The live session for this id, or None. An expired one is deleted on the way; a live one
    has its last-seen time moved on (at most once a minute, to spare writes)."""
    if not plausible_id(session_id):
        return None
    key = session_key(session_id or "")
    row = (await db.execute(select(web_session).where(web_session.c.id_hash == key))).first()
    if row is None:
        return None
    found = _active(row)
    if now >= found.expires_at or now - found.last_seen_at >= lifetimes.idle:
        await db.execute(delete(web_session).where(web_session.c.id_hash == key))
        return None
    if now - found.last_seen_at >= TOUCH_EVERY:
        await db.execute(update(web_session).where(web_session.c.id_hash == key).values(last_seen_at=now))
    return found


async def end_session(db: AsyncSession, session_id: str | None) -> ActiveSession | None:
    if not plausible_id(session_id):
        return None
    row = (await db.execute(delete(web_session).where(web_session.c.id_hash == session_key(session_id or ""))
                            .returning(*web_session.c))).first()
    return _active(row) if row else None


async def purge_expired(db: AsyncSession, lifetimes: Lifetimes, now: datetime) -> None:
    await db.execute(delete(web_session).where(or_(
        web_session.c.expires_at <= now, web_session.c.last_seen_at <= now - lifetimes.idle)))
