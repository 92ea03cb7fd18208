"""What the gateway's sign-in parts share at run time, built in the app's lifespan and kept at
`app.state.auth`: settings, the database, password hashing, the signing keys, the per-session
token cache, and the upstream OpenID Connect provider when there is one."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import HTTPConnection

from carehub_gateway.keyring import Keyring
from carehub_gateway.minting import SessionTokens
from carehub_gateway.oidc import Upstream
from carehub_gateway.passwords import Passwords
from carehub_gateway.sessions import Lifetimes
from carehub_gateway.settings import Settings
from carehub_gateway.throttle import AddressLimit


@dataclass(frozen=True)
class AuthContext:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    passwords: Passwords
    keyring: Keyring
    session_tokens: SessionTokens
    oidc: Upstream | None = None  # set when sign-in is at an upstream OpenID Connect provider

    @property
    def lifetimes(self) -> Lifetimes:
        return Lifetimes.of(self.settings)

    @property
    def address_limit(self) -> AddressLimit:
        return AddressLimit(limit=self.settings.login_failures_per_address,
                            window=timedelta(minutes=self.settings.login_failure_window_minutes))


def auth_context(connection: HTTPConnection) -> AuthContext:
    context: AuthContext = connection.app.state.auth
    return context


def utcnow() -> datetime:
    return datetime.now(UTC)
