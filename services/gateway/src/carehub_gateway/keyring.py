"""The signing keys in memory: the gateway signs with the active one, and the services mounted
in-process verify with all of them (the keyring is their `KeySource`).

Read from the database at first use, again every `refresh_s` (so a running gateway picks up
`carehub keys rotate` within a minute, and stops trusting a long-retired key), and at once when
a token names a key not held (rotated by another replica) — but then not more often than every
`unknown_kid_reload_s`, so a flood of made-up key ids cannot flood the database.
"""

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import jwt
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from carehub_gateway import keys
from carehub_kit.auth import KeySource
from carehub_kit.tokens import SigningKey


class Keyring:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], *, refresh_s: float = 60.0,
                 unknown_kid_reload_s: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._sessionmaker = sessionmaker
        self.refresh_s, self.unknown_kid_reload_s = refresh_s, unknown_kid_reload_s
        self._clock = clock
        self._keys: dict[str, keys.StoredKey] = {}
        self._jwks: dict[str, jwt.PyJWK] = {}
        self._active: SigningKey | None = None
        self._loaded_at = float("-inf")
        self._lock = asyncio.Lock()

    async def reload(self) -> None:
        async with self._sessionmaker() as db, db.begin():
            found = await keys.verifying_keys(db)
            if not any(k.retired_at is None for k in found):
                await keys.ensure_active(db)  # first start: make the first key
                found = await keys.verifying_keys(db)
        self._keys = {k.key.kid: k for k in found}
        self._jwks = {kid: self._jwks.get(kid) or jwt.PyJWK(k.key.public_jwk()) for kid, k in self._keys.items()}
        self._active = next(k.key for k in found if k.retired_at is None)
        self._loaded_at = self._clock()

    async def _reload_if_older_than(self, seconds: float) -> None:
        if self._clock() - self._loaded_at < seconds:
            return
        async with self._lock:
            if self._clock() - self._loaded_at >= seconds:  # another task may have just done it
                await self.reload()

    async def signing_key(self) -> SigningKey:
        await self._reload_if_older_than(self.refresh_s)
        assert self._active is not None
        return self._active

    async def key(self, kid: str) -> jwt.PyJWK | None:
        """`carehub_kit.auth.KeySource`: the public key for `kid`, if it still verifies."""
        await self._reload_if_older_than(self.refresh_s)
        if kid not in self._keys:
            await self._reload_if_older_than(self.unknown_kid_reload_s)
        stored = self._keys.get(kid)
        if stored is None or not stored.verifies_at(datetime.now(UTC)):
            return None
        return self._jwks[kid]

    async def jwks(self) -> dict[str, Any]:
        """The published key set: every key that still verifies."""
        await self._reload_if_older_than(self.refresh_s)
        now = datetime.now(UTC)
        return {"keys": [k.key.public_jwk() for k in self._keys.values() if k.verifies_at(now)]}


class FirstKnown:
    """Several key sources as one: the first that knows the key id answers."""

    def __init__(self, *sources: KeySource) -> None:
        self.sources = sources

    async def key(self, kid: str) -> jwt.PyJWK | None:
        for source in self.sources:
            if (found := await source.key(kid)) is not None:
                return found
        return None
