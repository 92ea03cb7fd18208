"""Signing a browser in and out.

`sign_in` starts a session for an identity that has already been proven — by a local password
(`password_sign_in`, here) or by an upstream OpenID Connect provider — so every way in ends the
same way: a fresh session id in the cookie, the one the browser presented ended, an audit row.
"""

import math

from fastapi import Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_gateway import accounts, throttle
from carehub_gateway.context import AuthContext, auth_context, utcnow
from carehub_gateway.db import audit
from carehub_gateway.schemas import Me
from carehub_gateway.sessions import (
    CSRF_HEADER,
    ActiveSession,
    SessionIdentity,
    csrf_matches,
    end_session,
    load_session,
    session_key,
    start_session,
)
from carehub_gateway.web import client_address, csrf_failed, is_https, presented_session_id, set_session_cookie
from carehub_kit.errors import ProblemError
from carehub_kit.identity import Actor

NOBODY = Actor(sub="unauthenticated", name="Not signed in")
CHALLENGE = {"WWW-Authenticate": 'Cookie realm="carehub"'}


def sign_in_failed() -> ProblemError:
    """One answer for an unknown user, a wrong password and a disabled account."""
    return ProblemError(401, "The username or password is not right.", slug="sign-in-failed",
                        title="Sign-in failed", headers=CHALLENGE)


def not_signed_in() -> ProblemError:
    return ProblemError(401, "You are not signed in.", slug="unauthorized", headers=CHALLENGE)


def me_of(session: ActiveSession) -> Me:
    who = session.identity
    return Me(username=who.username, name=who.name, roles=list(who.roles), homes=list(who.homes),
              csrf_token=session.csrf_token)


def identity_of(account: accounts.Account) -> SessionIdentity:
    return SessionIdentity(subject=str(account.id), username=account.username, name=account.name,
                           roles=account.roles, homes=account.homes, source="local", account_id=account.id)


async def sign_in(request: Request, response: Response, identity: SessionIdentity) -> Me:
    """Start a session for `identity`: a new id (the presented one, if any, ends), its cookie on
    `response`, and an audit row. Returns what `/auth/me` would."""
    ctx = auth_context(request)
    presented = presented_session_id(request)
    async with ctx.sessionmaker() as db, db.begin():
        new = await start_session(db, identity, ctx.lifetimes, utcnow(), replacing=presented)
        await audit.record(db, identity.actor(), "sign_in", "account", identity.account_id or identity.subject,
                           details={"source": identity.source, "address": client_address(request, ctx.settings)})
    if presented:
        ctx.session_tokens.forget(session_key(presented))
    set_session_cookie(response, new.id, secure=is_https(request, ctx.settings))
    return me_of(new.session)


async def password_sign_in(request: Request, response: Response, username: str, password: str) -> Me:
    ctx = auth_context(request)
    async with ctx.sessionmaker() as db, db.begin():
        outcome = await _check_password(db, ctx, request, username, password)
    if isinstance(outcome, ProblemError):
        raise outcome  # after the commit: the failure counts stay counted
    return await sign_in(request, response, outcome)


async def _check_password(db: AsyncSession, ctx: AuthContext, request: Request, username: str,
                          password: str) -> SessionIdentity | ProblemError:
    now, address = utcnow(), client_address(request, ctx.settings)
    wait = await throttle.retry_after(db, ctx.address_limit, address, now)
    if wait:
        await audit.record(db, NOBODY, "sign_in.refused", "account",
                           details={"reason": "address_limit", "address": address})
        return throttle.too_many(wait)
    found = await accounts.lock_for_sign_in(db, username)
    if not found:
        wait = await throttle.unknown_name_retry_after(db, username, now, accounts.backoff)
        if wait:
            await audit.record(db, NOBODY, "sign_in.refused", "account",
                               details={"reason": "account_backoff", "address": address})
            return throttle.too_many(wait)
    if found and found.backoff_until and found.backoff_until > now:
        await audit.record(db, NOBODY, "sign_in.refused", "account", found.account.id,
                           details={"reason": "account_backoff", "address": address})
        return throttle.too_many(max(1, math.ceil((found.backoff_until - now).total_seconds())))
    right = await ctx.passwords.verify(found.password_hash if found else None, password)
    if found and right and not found.account.disabled:
        rehashed = await ctx.passwords.hash(password) if ctx.passwords.needs_rehash(found.password_hash) else None
        await accounts.record_success(db, found, rehashed)
        return identity_of(found.account)
    await throttle.record_failure(db, ctx.address_limit, address, now)
    if found:
        await accounts.record_failure(db, found, now)
    else:
        await throttle.record_failure(db, ctx.address_limit, throttle.name_key(username), now)
    reason = "unknown_user" if not found else "disabled" if found.account.disabled else "wrong_password"
    await audit.record(db, NOBODY, "sign_in.failed", "account", found.account.id if found else None,
                       details={"reason": reason, "address": address})
    return sign_in_failed()


async def current_session(request: Request) -> ActiveSession | None:
    ctx = auth_context(request)
    async with ctx.sessionmaker() as db, db.begin():
        return await load_session(db, presented_session_id(request), ctx.lifetimes, utcnow())


async def sign_out(request: Request) -> bool:
    """End the presented session; False when there was none. 403 without its CSRF token."""
    ctx = auth_context(request)
    async with ctx.sessionmaker() as db, db.begin():
        session = await load_session(db, presented_session_id(request), ctx.lifetimes, utcnow())
        if session is None:
            return False
        if not csrf_matches(session, request.headers.get(CSRF_HEADER)):
            raise csrf_failed()
        await end_session(db, presented_session_id(request))
        await audit.record(db, session.identity.actor(), "sign_out", "account",
                           session.identity.account_id or session.identity.subject)
    ctx.session_tokens.forget(session.key)
    return True
