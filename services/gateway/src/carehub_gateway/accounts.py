"""Local accounts: the people who sign in with a username and password.

Roles are the Care Hub roles only; homes are home ids. Nothing here returns or logs a password
or its hash. Every change is audited, with the account id (never the username) as the entity.
"""

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_gateway.db import account, audit, web_session
from carehub_gateway.passwords import Passwords, check_policy
from carehub_kit.auth import Role
from carehub_kit.identity import Actor

USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,149}$")
# After this many failures in a row an account is slowed: each further attempt waits, longer
# each time, however right its password.
BACKOFF_AFTER = 5
BACKOFF_FIRST = timedelta(seconds=30)
BACKOFF_LONGEST = timedelta(minutes=15)


class AdminError(ValueError):
    """A change to accounts or clients that cannot be made; the message is safe to show."""


@dataclass(frozen=True)
class Account:
    id: uuid.UUID
    username: str
    name: str
    roles: tuple[str, ...]
    homes: tuple[str, ...]
    disabled: bool
    created_at: datetime


_PUBLIC = (account.c.id, account.c.username, account.c.name, account.c.roles, account.c.homes,
           account.c.disabled, account.c.created_at)


def _account(row: Row[*tuple[Any, ...]]) -> Account:
    return Account(id=row.id, username=row.username, name=row.name, roles=tuple(row.roles),
                   homes=tuple(str(h) for h in row.homes), disabled=row.disabled, created_at=row.created_at)


def parse_roles(values: Iterable[str]) -> tuple[str, ...]:
    roles = []
    for value in values:
        try:
            roles.append(Role(value).value)
        except ValueError:
            raise AdminError(f"Unknown role {value!r}: one of {', '.join(Role)}.") from None
    if not roles:
        raise AdminError("Give at least one role.")
    return tuple(sorted(set(roles)))


def parse_homes(values: Iterable[str]) -> tuple[uuid.UUID, ...]:
    homes = []
    for value in values:
        if not value.strip():
            continue
        try:
            homes.append(uuid.UUID(value.strip()))
        except ValueError:
            raise AdminError(f"{value.strip()!r} is not a home id (a UUID).") from None
    return tuple(sorted(set(homes)))


def check_username(username: str) -> str:
    if not USERNAME.match(username):
        raise AdminError("A username is 1-150 letters, digits, '.', '_', '@' or '-', starting with a "
                           "letter or digit.")
    return username


async def _by_username(db: AsyncSession, username: str) -> Account | None:
    row = (await db.execute(select(*_PUBLIC).where(func.lower(account.c.username) == username.lower()))).first()
    return _account(row) if row else None


async def _existing(db: AsyncSession, username: str) -> Account:
    found = await _by_username(db, username)
    if found is None:
        raise AdminError(f"No account is called {username!r}.")
    return found


async def create(
    db: AsyncSession, passwords: Passwords, actor: Actor, *, username: str, name: str, password: str,
    roles: Iterable[str], homes: Iterable[str],
) -> Account:
    check_username(username)
    if not name.strip():
        raise AdminError("Give the person's name.")
    check_policy(password, username=username)
    clean_roles, clean_homes = parse_roles(roles), parse_homes(homes)
    if await _by_username(db, username):
        raise AdminError(f"An account called {username!r} already exists.")
    row = (await db.execute(insert(account).values(
        username=username, name=name.strip(), password_hash=await passwords.hash(password),
        roles=list(clean_roles), homes=list(clean_homes),
    ).returning(*_PUBLIC))).one()
    created = _account(row)
    await audit.record(db, actor, "account.create", "account", created.id,
                       details={"roles": list(clean_roles), "homes": [str(h) for h in clean_homes]})
    return created


async def list_all(db: AsyncSession) -> list[Account]:
    rows = await db.execute(select(*_PUBLIC).order_by(func.lower(account.c.username)))
    return [_account(row) for row in rows]


async def end_sessions(db: AsyncSession, account_id: uuid.UUID) -> None:
    await db.execute(delete(web_session).where(web_session.c.account_id == account_id))


async def set_disabled(db: AsyncSession, actor: Actor, username: str, disabled: bool) -> Account:
    found = await _existing(db, username)
    await db.execute(update(account).where(account.c.id == found.id).values(
        disabled=disabled, version=account.c.version + 1, updated_at=func.now()))
    if disabled:
        await end_sessions(db, found.id)  # signed out everywhere, at once
    await audit.record(db, actor, "account.disable" if disabled else "account.enable", "account", found.id)
    return await _existing(db, username)


async def set_password(db: AsyncSession, passwords: Passwords, actor: Actor, username: str, password: str) -> None:
    found = await _existing(db, username)
    check_policy(password, username=found.username)
    await db.execute(update(account).where(account.c.id == found.id).values(
        password_hash=await passwords.hash(password), failed_logins=0, backoff_until=None,
        version=account.c.version + 1, updated_at=func.now()))
    await end_sessions(db, found.id)
    await audit.record(db, actor, "account.set_password", "account", found.id)


# Sign-in bookkeeping --------------------------------------------------------------------------

@dataclass(frozen=True)
class Credentials:
    """What sign-in needs to know about an account, read with the row locked."""

    account: Account
    password_hash: str
    failed_logins: int
    backoff_until: datetime | None


async def lock_for_sign_in(db: AsyncSession, username: str) -> Credentials | None:
    """The account row, locked until the transaction ends: attempts on one account take turns,
    so a burst of guesses in parallel cannot slip past the back-off."""
    row = (await db.execute(
        select(*_PUBLIC, account.c.password_hash, account.c.failed_logins, account.c.backoff_until)
        .where(func.lower(account.c.username) == username.lower()).with_for_update()
    )).first()
    if row is None:
        return None
    return Credentials(account=_account(row), password_hash=row.password_hash,
                       failed_logins=row.failed_logins, backoff_until=row.backoff_until)


def backoff(failures: int) -> timedelta | None:
    """How long an account waits after `failures` failures in a row: none before the fifth,
    then 30 s, 1 min, 2 min, ... up to 15 min."""
    if failures < BACKOFF_AFTER:
        return None
    wait: timedelta = BACKOFF_FIRST * 2 ** min(failures - BACKOFF_AFTER, 16)
    return min(wait, BACKOFF_LONGEST)


async def record_failure(db: AsyncSession, found: Credentials, now: datetime) -> None:
    failures = found.failed_logins + 1
    wait = backoff(failures)
    await db.execute(update(account).where(account.c.id == found.account.id).values(
        failed_logins=failures, backoff_until=now + wait if wait else None))


async def record_success(db: AsyncSession, found: Credentials, new_hash: str | None) -> None:
    values: dict[str, object] = {"failed_logins": 0, "backoff_until": None}
    if new_hash:
        values["password_hash"] = new_hash
    if found.failed_logins or found.backoff_until or new_hash:
        await db.execute(update(account).where(account.c.id == found.account.id).values(**values))
