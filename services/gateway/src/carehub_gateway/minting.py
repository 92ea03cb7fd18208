"""JWTs the gateway issues: 5-minute tokens for signed-in browsers (cached per session until
shortly before they expire) and 15-minute client-credentials tokens for integrators."""

import time
from collections.abc import Callable, Sequence

from carehub_gateway.keyring import Keyring
from carehub_gateway.sessions import ActiveSession
from carehub_gateway.settings import Settings
from carehub_kit.tokens import claims_for

SESSION_TOKEN_LIFETIME_S = 300
CLIENT_TOKEN_LIFETIME_S = 900
RENEW_BEFORE_S = 30  # a cached token is replaced this long before it expires


async def mint(keyring: Keyring, settings: Settings, *, sub: str, name: str, roles: Sequence[str],
               homes: Sequence[str], lifetime_s: int, now: float | None = None) -> str:
    key = await keyring.signing_key()
    return key.sign(claims_for(sub=sub, name=name, roles=roles, homes=homes, issuer=settings.auth_issuer,
                               audience=settings.auth_audience, lifetime_s=lifetime_s, now=now))


class SessionTokens:
    """The bearer token for each live session, minted on demand and reused while it has more
    than `RENEW_BEFORE_S` to live. Keyed by the session's hash, never its id."""

    def __init__(self, keyring: Keyring, settings: Settings, *, clock: Callable[[], float] = time.time,
                 max_entries: int = 10_000) -> None:
        self._keyring, self._settings, self._clock = keyring, settings, clock
        self._max_entries = max_entries
        self._cache: dict[bytes, tuple[str, float]] = {}  # session key -> (token, expires at)

    async def token_for(self, session: ActiveSession) -> str:
        now = self._clock()
        cached = self._cache.get(session.key)
        if cached and cached[1] - now > RENEW_BEFORE_S:
            return cached[0]
        who = session.identity
        token = await mint(self._keyring, self._settings, sub=who.subject, name=who.name, roles=who.roles,
                           homes=who.homes, lifetime_s=SESSION_TOKEN_LIFETIME_S, now=now)
        self._remember(session.key, token, now + SESSION_TOKEN_LIFETIME_S)
        return token

    def forget(self, session_key: bytes) -> None:
        self._cache.pop(session_key, None)

    def _remember(self, session_key: bytes, token: str, expires_at: float) -> None:
        self._cache.pop(session_key, None)
        if len(self._cache) >= self._max_entries:
            now = self._clock()
            self._cache = {k: v for k, v in self._cache.items() if v[1] - now > RENEW_BEFORE_S}
            while len(self._cache) >= self._max_entries:  # all live: drop the oldest
                del self._cache[next(iter(self._cache))]
        self._cache[session_key] = (token, expires_at)
