"""Sign-in at an upstream OpenID Connect provider (Keycloak, Entra ID): the authorization-code
flow with PKCE (S256), `state` and `nonce`, through authlib's Starlette client.

What the callback needs (PKCE verifier, nonce, callback address, where to go after) is kept in
the gateway schema (`oidc_login`), not in a cookie: keyed by the SHA-256 of the `state`, bound to
the browser that began the sign-in by the SHA-256 of a random cookie (`carehub_oidc`, scoped to
`/auth/oidc`), and deleted as the callback reads it. So a callback works once (a replay finds
nothing), only in the browser that began it (no login CSRF), on any gateway replica, with no
signing secret to configure or share; the verifier never leaves the server.

The ID token is checked by authlib (signature against the provider's JWKS, `iss`, `aud`, `exp`,
`iat`, `nonce`, `at_hash`). Roles, homes, username and name are read from configurable claims,
in the ID token or else the userinfo answer; only Care Hub's roles are kept, and only home ids
that are UUIDs.
"""

import hashlib
import re
import secrets
import uuid
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast
from urllib.parse import urlsplit

import authlib.deprecate  # type: ignore[import-untyped]  # noqa: F401  (it sets its own filter on import)
import httpx
from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncSession

with warnings.catch_warnings():  # authlib 1.9 warns that its httpx client is moving to httpx2
    warnings.simplefilter("ignore")
    from authlib.integrations.base_client import OAuthError  # type: ignore[import-untyped]
    from authlib.integrations.starlette_client import OAuth  # type: ignore[import-untyped]

from carehub_gateway.db import oidc_login
from carehub_gateway.sessions import SessionIdentity
from carehub_gateway.settings import Settings
from carehub_kit.auth import ALL_ROLES
from carehub_kit.logging import get_logger

log = get_logger("carehub.oidc")

LOGIN_PATH = "/auth/oidc/login"
CALLBACK_PATH = "/auth/oidc/callback"
SIGN_IN_PAGE = "/sign-in"  # the SPA's; it shows `?error=<code>`
FLOW_LIFETIME = timedelta(minutes=10)  # from /auth/oidc/login to the callback
SOURCE = "oidc"
MAX_RETURN_TO = 2000
_SPLIT = re.compile(r"[\s,]+")
_ERROR_SHAPE = re.compile(r"^[A-Za-z0-9_.-]{1,60}$")
_BROWSER_SHAPE = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)


class SignInRefused(Exception):
    """The sign-in did not complete. `code` goes to the SPA (`/sign-in?error=<code>`); `reason`
    to the audit trail and the log."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


@dataclass(frozen=True)
class Started:
    """A sign-in begun: the provider's authorization URL, and what the callback will need."""

    url: str
    state: str
    nonce: str
    code_verifier: str


@dataclass(frozen=True)
class PendingLogin:
    nonce: str
    code_verifier: str
    redirect_uri: str
    return_to: str


def safe_return_to(value: str | None) -> str:
    """A path on this site to go to after sign-in; anything else (another site, `//host`,
    `/\\host`, a scheme, control characters, `/auth/...`) becomes `/`. No open redirect."""
    if not value or len(value) > MAX_RETURN_TO or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    if "\\" in value or any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path == "/auth" or parts.path.startswith("/auth/"):
        return "/"
    return value


def digest(value: str) -> bytes:
    return hashlib.sha256(value.encode()).digest()


def new_browser_id() -> str:
    return secrets.token_urlsafe(32)


def plausible_browser_id(value: str | None) -> bool:
    return value is not None and _BROWSER_SHAPE.match(value) is not None


async def remember(db: AsyncSession, started: Started, browser_id: str, redirect_uri: str, return_to: str,
                   now: datetime) -> None:
    await db.execute(delete(oidc_login).where(oidc_login.c.expires_at <= now))
    await db.execute(insert(oidc_login).values(
        state_hash=digest(started.state), browser_hash=digest(browser_id), nonce=started.nonce,
        code_verifier=started.code_verifier, redirect_uri=redirect_uri, return_to=return_to,
        expires_at=now + FLOW_LIFETIME))


async def take(db: AsyncSession, state: str, browser_id: str, now: datetime) -> PendingLogin | None:
    """The sign-in this state and browser began, removed as it is read; None when there is none
    (never begun, already used, begun in another browser) or it is too old."""
    row = (await db.execute(delete(oidc_login).where(
        oidc_login.c.state_hash == digest(state), oidc_login.c.browser_hash == digest(browser_id),
    ).returning(*oidc_login.c))).first()
    if row is None or row.expires_at <= now:
        return None
    return PendingLogin(nonce=row.nonce, code_verifier=row.code_verifier, redirect_uri=row.redirect_uri,
                        return_to=row.return_to)


def claim(claims: Mapping[str, Any], path: str) -> Any:
    """`claims[path]`, or, when there is no such key, the dotted path followed through objects
    (`realm_access.roles`); None when absent."""
    if path in claims:
        return claims[path]
    value: Any = claims
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _strings(value: Any) -> list[str]:
    """A claim as a list of strings: a JSON array of strings, or one string (split on spaces and
    commas, as some providers send a single-valued attribute)."""
    if isinstance(value, str):
        return [v for v in _SPLIT.split(value) if v]
    if isinstance(value, list | tuple):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return []


def _text(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    return value.strip()[:200] if isinstance(value, str) and value.strip() else None


def _home_id(value: str) -> str | None:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def identity_from(claims: Mapping[str, Any], settings: Settings) -> SessionIdentity:
    """The Care Hub identity the provider's claims describe. Refused without a subject or with
    no Care Hub role among the configured roles claim."""
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject:
        raise SignInRefused("sign_in_failed", "no_subject")
    offered = _strings(claim(claims, settings.oidc_roles_claim))
    roles = sorted({r for r in offered if r in ALL_ROLES})
    offered_homes = _strings(claim(claims, settings.oidc_homes_claim))
    homes = sorted({h for h in map(_home_id, offered_homes) if h})
    dropped_roles = sorted(set(offered) - set(roles))
    if dropped_roles or len(homes) < len(set(offered_homes)):
        log.info("oidc_claims_dropped", roles=dropped_roles[:20], homes=len(set(offered_homes)) - len(homes))
    if not roles:
        raise SignInRefused("no_access", "no_known_roles")
    username = (_text(claim(claims, settings.oidc_username_claim)) or _text(claims.get("email"))
                or subject)[:150]
    name = _text(claim(claims, settings.oidc_name_claim)) or username
    return SessionIdentity(subject=subject, username=username, name=name, roles=tuple(roles), homes=tuple(homes),
                           source=SOURCE)


class Upstream:
    """The provider, as authlib's Starlette OAuth client configured from settings. It reads the
    discovery document (`<OIDC_ISSUER>/.well-known/openid-configuration`) on first use."""

    def __init__(self, settings: Settings) -> None:
        assert settings.oidc_enabled
        self.settings = settings
        self.issuer = cast(str, settings.oidc_issuer)
        scopes = settings.oidc_scopes.split()
        if "openid" not in scopes:
            scopes.insert(0, "openid")
        oauth = OAuth()
        self.client: Any = oauth.register(
            "upstream", client_id=settings.oidc_client_id, client_secret=settings.oidc_client_secret,
            server_metadata_url=f"{self.issuer}/.well-known/openid-configuration",
            client_kwargs={"scope": " ".join(scopes), "code_challenge_method": "S256", "timeout": 10.0})

    async def _metadata(self) -> dict[str, Any]:
        metadata = cast(dict[str, Any], await self.client.load_server_metadata())
        if str(metadata.get("issuer", "")).rstrip("/") != self.issuer:
            raise ValueError("the discovery document names another issuer")
        return metadata

    async def begin(self, redirect_uri: str) -> Started:
        """The authorization URL (code flow, PKCE S256, state, nonce) for a new sign-in."""
        try:
            await self._metadata()
            made = await self.client.create_authorization_url(redirect_uri)
        except Exception as exc:  # unreachable, not an OpenID provider, misconfigured
            log.warning("oidc_provider_unavailable", step="discovery", error=type(exc).__name__)
            raise SignInRefused("provider_unavailable", "discovery_failed") from None
        return Started(url=made["url"], state=made["state"], nonce=made["nonce"],
                       code_verifier=made["code_verifier"])

    async def finish(self, code: str, pending: PendingLogin) -> SessionIdentity:
        """Exchange the code, validate the ID token, and map its claims."""
        try:
            token = await self.client.fetch_access_token(
                redirect_uri=pending.redirect_uri, code=code, code_verifier=pending.code_verifier)
        except OAuthError as exc:
            log.warning("oidc_token_refused", error=str(exc.error)[:60])
            raise SignInRefused("sign_in_failed", "token_exchange_refused") from None
        except Exception as exc:  # network, or an answer that is not a token response
            log.warning("oidc_provider_unavailable", step="token", error=type(exc).__name__)
            raise SignInRefused("provider_unavailable", "token_exchange_failed") from None
        if not isinstance(token, Mapping) or "id_token" not in token:
            raise SignInRefused("sign_in_failed", "no_id_token")
        try:
            await self._metadata()
            id_claims = dict(await self.client.parse_id_token(token, nonce=pending.nonce, leeway=60))
        except Exception as exc:  # bad signature, issuer, audience, nonce, expiry; JWKS unreachable
            log.warning("oidc_id_token_rejected", error=type(exc).__name__)
            raise SignInRefused("sign_in_failed", "invalid_id_token") from None
        return identity_from(await self._with_userinfo(id_claims, token), self.settings)

    async def _with_userinfo(self, id_claims: dict[str, Any], token: Mapping[str, Any]) -> dict[str, Any]:
        """The ID token's claims, with any configured claim it lacks taken from userinfo."""
        wanted = (self.settings.oidc_roles_claim, self.settings.oidc_homes_claim,
                  self.settings.oidc_username_claim, self.settings.oidc_name_claim)
        missing = [path for path in wanted if claim(id_claims, path) is None]
        metadata = await self._metadata()
        if not missing or not metadata.get("userinfo_endpoint"):
            return id_claims
        try:
            info = dict(await self.client.userinfo(token=dict(token)))
        except (OAuthError, httpx.HTTPError, ValueError) as exc:
            log.warning("oidc_userinfo_failed", error=type(exc).__name__)
            raise SignInRefused("sign_in_failed", "userinfo_failed") from None
        if info.get("sub") != id_claims.get("sub"):  # OpenID Connect Core §5.3.2
            raise SignInRefused("sign_in_failed", "userinfo_subject_mismatch")
        merged = dict(id_claims)
        for path in missing:
            value = claim(info, path)
            if value is not None:
                merged[path] = value
        return merged


def provider_error(value: str | None) -> SignInRefused:
    """The provider sent the browser back with `error=`."""
    if value == "access_denied":
        return SignInRefused("access_denied", "access_denied")
    shown = value if value and _ERROR_SHAPE.match(value) else "unknown"
    return SignInRefused("provider_error", f"provider:{shown}")
