"""Passwords and secrets: the policy for new passwords, and argon2id hashing.

Hashing is deliberately slow, so it runs in a worker thread, never on the event loop. The cost
comes from `GATEWAY_PASSWORD_HASH_*` (argon2-cffi's RFC 9106 defaults unless set; test suites
lower it). Hashes made with other parameters are upgraded at the next successful sign-in.
"""

import asyncio
from functools import cache
from importlib import resources

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MIN_LENGTH = 12
MAX_LENGTH = 1024  # longer is refused before hashing: argon2 of a megabyte is a cheap attack


class HashSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_PASSWORD_HASH_", extra="ignore", frozen=True)

    time_cost: int = Field(default=3, ge=1)
    memory_kib: int = Field(default=65_536, ge=8)
    parallelism: int = Field(default=4, ge=1)


class PolicyError(ValueError):
    """The password is not acceptable; the message says why (and never repeats it)."""


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("carehub_gateway").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#")


def check_policy(password: str, *, username: str = "") -> None:
    if len(password) < MIN_LENGTH:
        raise PolicyError(f"A password needs at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        raise PolicyError(f"A password can have at most {MAX_LENGTH} characters.")
    lowered = password.lower()
    if lowered in common_passwords():
        raise PolicyError("That password is too common: choose another.")
    if username and username.lower() in lowered:
        raise PolicyError("A password must not contain the username.")


class Passwords:
    """argon2id hashing with one set of parameters, off the event loop."""

    def __init__(self, params: HashSettings | None = None) -> None:
        params = params or HashSettings()
        self.hasher = PasswordHasher(time_cost=params.time_cost, memory_cost=params.memory_kib,
                                     parallelism=params.parallelism, type=Type.ID)
        # Checked when there is no account, so an unknown username costs the same time.
        self._dummy = self.hasher.hash("no such account: the same work as a real one")

    async def hash(self, secret: str) -> str:
        return await asyncio.to_thread(self.hasher.hash, secret)

    async def verify(self, hashed: str | None, secret: str) -> bool:
        """True when `secret` matches; with no hash, does the same work and says False."""
        if len(secret) > MAX_LENGTH:
            return False
        return await asyncio.to_thread(self._verify, hashed, secret)

    def _verify(self, hashed: str | None, secret: str) -> bool:
        try:
            return self.hasher.verify(hashed or self._dummy, secret) and hashed is not None
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, hashed: str) -> bool:
        return self.hasher.check_needs_rehash(hashed)
