"""The services as OAuth2 resource servers: verify the bearer JWT, then authorise by role and
scope by home.

Tokens are checked against the issuer's published keys (JWKS): signature, `iss`, `aud`, `exp`,
`nbf`, and an algorithm allow-list of asymmetric algorithms only, so `none` and an HMAC key
confused with a public key are refused. Any failure is 401 with `WWW-Authenticate: Bearer`.
"""

import asyncio
import enum
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from typing import Annotated, Any, Generic, Protocol, TypeVar

import httpx
import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from carehub_kit.errors import ProblemError
from carehub_kit.identity import Actor
from carehub_kit.logging import get_logger

ALGORITHMS = ("RS256", "ES256")
A = TypeVar("A", bound=enum.Enum)
LEEWAY_S = 30
log = get_logger("carehub.auth")


class Role(enum.StrEnum):
    care_worker = "care_worker"
    senior_carer = "senior_carer"
    nurse = "nurse"
    home_manager = "home_manager"
    divisional_manager = "divisional_manager"
    estates_officer = "estates_officer"
    integrator = "integrator"
    admin = "admin"


ALL_ROLES = frozenset(Role)
# These roles see every home; everyone else only the homes in their `homes` claim.
ORG_WIDE = frozenset({Role.divisional_manager, Role.estates_officer, Role.admin})


class KeySource(Protocol):
    async def key(self, kid: str) -> jwt.PyJWK | None: ...


def keys_from_jwks(document: Mapping[str, Any]) -> dict[str, jwt.PyJWK]:
    keys: dict[str, jwt.PyJWK] = {}
    for entry in document.get("keys", []):
        if entry.get("kid") and entry.get("kty") in ("RSA", "EC") and entry.get("use", "sig") == "sig":
            try:
                keys[entry["kid"]] = jwt.PyJWK(entry)
            except jwt.PyJWTError:
                log.warning("jwks_key_skipped", kid=entry.get("kid"))
    return keys


class HttpJwks:
    """The issuer's JWKS fetched over HTTP and cached; refetched once when a token names a key
    it does not hold (rotation), but not more often than every `min_refetch_s`."""

    def __init__(self, url: str, *, client: httpx.AsyncClient | None = None, min_refetch_s: float = 10.0) -> None:
        self.url, self.min_refetch_s = url, min_refetch_s
        self._client = client
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at = float("-inf")
        self._lock = asyncio.Lock()

    async def key(self, kid: str) -> jwt.PyJWK | None:
        if kid not in self._keys:
            await self._refetch()
        return self._keys.get(kid)

    async def _refetch(self) -> None:
        async with self._lock:
            if time.monotonic() - self._fetched_at < self.min_refetch_s:
                return
            self._fetched_at = time.monotonic()
            try:
                client = self._client or httpx.AsyncClient(timeout=5)
                response = await client.get(self.url)
                if self._client is None:
                    await client.aclose()
                response.raise_for_status()
                self._keys = keys_from_jwks(response.json())
            except (httpx.HTTPError, ValueError) as exc:
                log.warning("jwks_fetch_failed", error=type(exc).__name__)


class StaticKeys:
    """Keys handed over in-process (tests, benchmarks). Parsed once; loaded again only when a
    token names a key not yet seen (parsing a key costs more than checking a signature)."""

    def __init__(self, load: Callable[[], Awaitable[Mapping[str, Any]]]) -> None:
        self._load = load
        self._keys: dict[str, jwt.PyJWK] = {}

    async def key(self, kid: str) -> jwt.PyJWK | None:
        if kid not in self._keys:
            self._keys = keys_from_jwks(await self._load())
        return self._keys.get(kid)


class VerifiedTokens:
    """Tokens already verified, kept until they expire: a session's token is sent with every
    call for minutes, and checking its ECDSA signature each time is the dearest step of auth.
    Keyed by the whole token, so only the identical signed bytes are ever matched; a hit is
    still refused once its signing key is no longer trusted (rotated out or withdrawn)."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._actors: OrderedDict[str, tuple[Actor, float, str]] = OrderedDict()

    def get(self, token: str) -> tuple[Actor, str] | None:
        """The actor and the signing key's id, while the token has not expired."""
        hit = self._actors.get(token)
        if hit is None:
            return None
        actor, expires, kid = hit
        if expires <= time.time():
            del self._actors[token]
            return None
        self._actors.move_to_end(token)
        return actor, kid

    def put(self, token: str, actor: Actor, expires: float, kid: str) -> None:
        self._actors[token] = (actor, expires, kid)
        self._actors.move_to_end(token)
        while len(self._actors) > self.size:
            self._actors.popitem(last=False)


def unauthorized(detail: str) -> ProblemError:
    return ProblemError(401, detail, slug="unauthorized",
                        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


def actor_from_claims(claims: Mapping[str, Any]) -> Actor:
    roles = claims.get("roles") or []
    homes = claims.get("homes") or []
    if not isinstance(roles, list) or not isinstance(homes, list):
        raise unauthorized("The token's roles or homes are malformed.")
    return Actor(
        sub=str(claims["sub"]), name=str(claims.get("name") or claims["sub"]),
        roles=tuple(sorted(r for r in roles if r in ALL_ROLES)),
        homes=tuple(sorted({str(h) for h in homes})),
    )


async def verify_token(token: str, keys: KeySource, *, issuer: str, audience: str,
                       verified: VerifiedTokens | None = None) -> Actor:
    if verified is not None and (known := verified.get(token)) is not None:
        actor, kid = known
        if await keys.key(kid) is not None:
            return actor
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        raise unauthorized("The bearer token is not a JWT.") from None
    if header.get("alg") not in ALGORITHMS:
        raise unauthorized("The token's signing algorithm is not accepted.")
    key = await keys.key(str(header.get("kid", "")))
    if key is None:
        raise unauthorized("The token was signed with an unknown key.")
    try:
        claims = jwt.decode(
            token, key, algorithms=[key.algorithm_name], audience=audience, issuer=issuer,
            leeway=LEEWAY_S, options={"require": ["exp", "iss", "aud", "sub"]},
        )
    except jwt.PyJWTError as exc:
        raise unauthorized(f"The token is not valid ({type(exc).__name__}).") from None
    actor = actor_from_claims(claims)
    if verified is not None and int(claims.get("nbf", 0)) <= time.time():
        verified.put(token, actor, float(claims["exp"]), str(header["kid"]))
    return actor


_bearer = HTTPBearer(auto_error=False, bearerFormat="JWT",
                     description="A JWT from the Care Hub gateway or the council's identity provider.")


async def current_actor(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Actor:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ProblemError(401, "Sign in, or send a bearer token.", slug="unauthorized",
                           headers={"WWW-Authenticate": "Bearer"})
    keys: KeySource | None = getattr(request.app.state, "key_source", None)
    if keys is None:
        raise unauthorized("This service has no token issuer configured.")
    settings, state = request.app.state.settings, request.app.state
    if not hasattr(state, "verified_tokens"):
        state.verified_tokens = VerifiedTokens()
    return await verify_token(credentials.credentials, keys, issuer=settings.auth_issuer,
                              audience=settings.auth_audience, verified=state.verified_tokens)


CurrentActor = Annotated[Actor, Depends(current_actor)]


class Permissions(Generic[A]):
    """A service's permission matrix: action -> the roles allowed to do it."""

    def __init__(self, table: Mapping[A, frozenset[Role]]) -> None:
        self.table = dict(table)

    def allows(self, roles: tuple[str, ...], action: A) -> bool:
        return any(role in self.table[action] for role in roles)

    def require(self, action: A) -> Callable[..., Awaitable[Actor]]:
        async def dependency(actor: CurrentActor) -> Actor:
            if not self.allows(actor.roles, action):
                raise ProblemError(403, "Your role does not allow this.", slug="forbidden")
            return actor

        dependency.__name__ = f"require_{action.name}"
        return dependency


def org_wide(actor: Actor) -> bool:
    return any(role in ORG_WIDE for role in actor.roles)


def home_scope(actor: Actor) -> frozenset[uuid.UUID] | None:
    """The homes this actor may see; None means every home."""
    if org_wide(actor):
        return None
    scope = set()
    for home in actor.homes:
        try:
            scope.add(uuid.UUID(home))
        except ValueError:
            continue
    return frozenset(scope)


def can_see_home(actor: Actor, home_id: uuid.UUID | None) -> bool:
    scope = home_scope(actor)
    return scope is None or home_id in scope
