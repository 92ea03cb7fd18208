"""API clients: systems that call the Care Hub APIs with the OAuth2 client-credentials grant.

The secret is shown once, when the client is made, and kept only as an argon2id hash. A revoked
client can get no new token (tokens it already holds run out within 15 minutes).
"""

import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_gateway.accounts import AdminError, parse_homes, parse_roles
from carehub_gateway.db import api_client, audit
from carehub_gateway.passwords import Passwords
from carehub_kit.identity import Actor


@dataclass(frozen=True)
class ApiClient:
    client_id: str
    name: str
    roles: tuple[str, ...]
    homes: tuple[str, ...]
    created_at: datetime
    revoked_at: datetime | None

    @property
    def subject(self) -> str:
        return f"client:{self.client_id}"

    def actor(self) -> Actor:
        return Actor(sub=self.subject, name=self.name, roles=self.roles, homes=self.homes)


@dataclass(frozen=True)
class NewClient:
    client: ApiClient
    secret: str  # shown once, never stored


_PUBLIC = (api_client.c.client_id, api_client.c.name, api_client.c.roles, api_client.c.homes,
           api_client.c.created_at, api_client.c.revoked_at)


def _client(row: Row[*tuple[Any, ...]]) -> ApiClient:
    return ApiClient(client_id=row.client_id, name=row.name, roles=tuple(row.roles),
                     homes=tuple(str(h) for h in row.homes), created_at=row.created_at, revoked_at=row.revoked_at)


async def add(db: AsyncSession, passwords: Passwords, actor: Actor, *, name: str, roles: Iterable[str],
              homes: Iterable[str]) -> NewClient:
    if not name.strip() or len(name) > 200:
        raise AdminError("Give the client a name of at most 200 characters.")
    clean_roles, clean_homes = parse_roles(roles), parse_homes(homes)
    client_id, secret = uuid.uuid4().hex, secrets.token_urlsafe(32)
    row = (await db.execute(insert(api_client).values(
        client_id=client_id, name=name.strip(), secret_hash=await passwords.hash(secret),
        roles=list(clean_roles), homes=list(clean_homes),
    ).returning(*_PUBLIC))).one()
    await audit.record(db, actor, "client.create", "api_client", client_id,
                       details={"roles": list(clean_roles), "homes": [str(h) for h in clean_homes]})
    return NewClient(client=_client(row), secret=secret)


async def list_all(db: AsyncSession) -> list[ApiClient]:
    return [_client(row) for row in await db.execute(select(*_PUBLIC).order_by(api_client.c.created_at))]


async def revoke(db: AsyncSession, actor: Actor, client_id: str) -> ApiClient:
    row = (await db.execute(
        update(api_client).where(api_client.c.client_id == client_id)
        .values(revoked_at=func.coalesce(api_client.c.revoked_at, func.now()), version=api_client.c.version + 1)
        .returning(*_PUBLIC)
    )).first()
    if row is None:
        raise AdminError(f"No client has the id {client_id!r}.")
    await audit.record(db, actor, "client.revoke", "api_client", client_id)
    return _client(row)


async def authenticate(db: AsyncSession, passwords: Passwords, client_id: str, secret: str) -> ApiClient | None:
    """The client, when the secret is right and it is not revoked. An unknown id costs the same
    hashing time as a known one."""
    row = (await db.execute(select(*_PUBLIC, api_client.c.secret_hash)
                            .where(api_client.c.client_id == client_id[:100]))).first()
    right = await passwords.verify(row.secret_hash if row else None, secret)
    if row is None or not right or row.revoked_at is not None:
        return None
    return _client(row)
