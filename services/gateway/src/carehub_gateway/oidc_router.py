"""Sign-in at an upstream OpenID Connect provider: `GET /auth/oidc/login` and
`GET /auth/oidc/callback` (see `carehub_gateway.oidc`).

Both are browser navigations, so every outcome is a redirect: to the provider, to `return_to`
signed in, or to the SPA's sign-in page with `?error=<code>` (`access_denied`, `invalid_state`,
`provider_error`, `provider_unavailable`, `sign_in_failed`, `no_access`) and no session. Only
when upstream sign-in is not configured do they answer 404 problem+json.
"""

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from carehub_gateway import throttle
from carehub_gateway.context import AuthContext, auth_context, utcnow
from carehub_gateway.db import audit
from carehub_gateway.oidc import (
    CALLBACK_PATH,
    FLOW_LIFETIME,
    SIGN_IN_PAGE,
    SOURCE,
    SignInRefused,
    Upstream,
    new_browser_id,
    plausible_browser_id,
    provider_error,
    remember,
    safe_return_to,
    take,
)
from carehub_gateway.signin import NOBODY, sign_in
from carehub_gateway.web import OIDC_COOKIE, client_address, is_https, public_base_url, set_oidc_browser_cookie
from carehub_kit.errors import ProblemError
from carehub_kit.logging import get_logger

router = APIRouter(prefix="/auth/oidc", tags=["sign-in"])
log = get_logger("carehub.oidc")
# The callback's URL holds the code: keep it out of caches and out of the next page's Referer.
NAVIGATION = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def _upstream(request: Request) -> tuple[AuthContext, Upstream]:
    ctx = auth_context(request)
    if ctx.oidc is None:
        raise ProblemError(404, "Sign-in here is with a username and password (POST /auth/login).",
                           slug="not-found")
    return ctx, ctx.oidc


def _to_sign_in_page(code: str) -> RedirectResponse:
    return RedirectResponse(f"{SIGN_IN_PAGE}?{urlencode({'error': code})}", status_code=303, headers=NAVIGATION)


async def _refused(request: Request, ctx: AuthContext, refused: SignInRefused, *,
                   begun_here: bool) -> RedirectResponse:
    """Audit the failure. Callbacks with no sign-in of this browser behind them need no account
    at the provider to send, so they count against the address like wrong passwords do; past the
    limit they are only logged, which keeps junk out of the audit trail."""
    address, now = client_address(request, ctx.settings), utcnow()
    async with ctx.sessionmaker() as db, db.begin():
        over_limit = False
        if not begun_here:
            over_limit = bool(await throttle.retry_after(db, ctx.address_limit, address, now))
            if not over_limit:
                await throttle.record_failure(db, ctx.address_limit, address, now)
        if not over_limit:
            await audit.record(db, NOBODY, "sign_in.failed", "account", details={
                "source": SOURCE, "reason": refused.reason, "address": address})
    log.info("oidc_sign_in_refused", reason=refused.reason, audited=not over_limit)
    return _to_sign_in_page(refused.code)


@router.get("/login", response_class=RedirectResponse, status_code=302)
async def oidc_login(request: Request, return_to: str | None = None) -> RedirectResponse:
    """Begin signing in at the provider; after it, the browser comes back to `return_to` (a path
    on this site; anything else becomes `/`)."""
    ctx, upstream = _upstream(request)
    redirect_uri = ctx.settings.oidc_redirect_uri or public_base_url(request, ctx.settings) + CALLBACK_PATH
    try:
        started = await upstream.begin(redirect_uri)
    except SignInRefused as refused:
        return _to_sign_in_page(refused.code)  # nothing was attempted as anyone: no audit row
    presented = request.cookies.get(OIDC_COOKIE)
    browser_id = presented if plausible_browser_id(presented) else new_browser_id()  # several tabs share it
    async with ctx.sessionmaker() as db, db.begin():
        await remember(db, started, browser_id or "", redirect_uri, safe_return_to(return_to), utcnow())
    response = RedirectResponse(started.url, status_code=302, headers=NAVIGATION)
    set_oidc_browser_cookie(response, browser_id or "", secure=is_https(request, ctx.settings),
                            max_age=int(FLOW_LIFETIME.total_seconds()))
    return response


@router.get("/callback", response_class=RedirectResponse, status_code=303)
async def oidc_callback(request: Request) -> RedirectResponse:
    """Where the provider sends the browser back: check the state, exchange the code, validate
    the ID token, start the session, and go on to `return_to`."""
    ctx, upstream = _upstream(request)
    params = request.query_params
    state, browser_id = params.get("state"), request.cookies.get(OIDC_COOKIE)
    pending = None
    try:
        if state and plausible_browser_id(browser_id):
            async with ctx.sessionmaker() as db, db.begin():
                pending = await take(db, state, browser_id or "", utcnow())
        if "error" in params:  # refusing is safe whatever the state: some providers leave it off
            raise provider_error(params.get("error"))
        if pending is None:  # never begun here, used already, begun in another browser, or too old
            raise SignInRefused("invalid_state", "unknown_state" if state and browser_id else "missing_state")
        code = params.get("code")
        if not code:
            raise SignInRefused("provider_error", "no_code")
        identity = await upstream.finish(code, pending)
    except SignInRefused as refused:
        return await _refused(request, ctx, refused, begun_here=pending is not None)
    response = RedirectResponse(pending.return_to, status_code=303, headers=NAVIGATION)
    await sign_in(request, response, identity)
    return response
