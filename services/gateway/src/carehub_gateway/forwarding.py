"""Sessions become bearer tokens for the services, by one rule wherever the call goes:

- With an `Authorization` header (an integrator's bearer token): passed on unchanged.
- Else with a live session cookie: a change (POST/PUT/PATCH/DELETE) must carry the session's
  `X-CSRF-Token` (403 otherwise); then `Authorization: Bearer <JWT>` minted for the session is
  added.
- Else: passed on without credentials, and the service answers 401.

`session_bearer` is that rule. Two paths use it: `SessionForwarding`, for the services mounted
in-process (`carehub run`), and `/auth/forward`, which nginx asks before it routes an `/api/`
call straight to a service (`carehub serve`, the split topology: infra/nginx/carehub.conf).

The `Cookie` header never reaches a service, so a session id can never stand in for a token.
"""

from starlette.datastructures import State
from starlette.requests import HTTPConnection, Request
from starlette.types import ASGIApp, Receive, Scope, Send

from carehub_gateway.context import AuthContext, utcnow
from carehub_gateway.sessions import CSRF_HEADER, UNSAFE_METHODS, csrf_matches, load_session
from carehub_gateway.web import csrf_failed, presented_session_id
from carehub_kit.errors import ProblemError, problem_response

API_PREFIX = "/api/"


async def session_bearer(ctx: AuthContext, session_id: str | None, method: str, csrf_token: str | None) -> str | None:
    """`Bearer <JWT>` for the presented session, or None without a live session. A change
    (`method` unsafe) without the session's CSRF token raises the 403 problem."""
    if not session_id:
        return None
    async with ctx.sessionmaker() as db, db.begin():
        session = await load_session(db, session_id, ctx.lifetimes, utcnow())
    if session is None:
        return None
    if method.upper() in UNSAFE_METHODS and not csrf_matches(session, csrf_token):
        raise csrf_failed()
    return f"Bearer {await ctx.session_tokens.token_for(session)}"


class SessionForwarding:
    """The rule above for `/api/*` calls to the services mounted in-process."""

    def __init__(self, app: ASGIApp, state: State) -> None:
        self.app = app
        self.state = state  # the gateway's: `auth` is set there when its lifespan starts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        headers = [(name, value) for name, value in scope["headers"] if name != b"cookie"]
        if not any(name == b"authorization" for name, _ in headers):
            try:
                authorization = await self._session_authorization(HTTPConnection(scope))
            except ProblemError as problem:
                response = problem_response(Request(scope), problem.status, problem.detail, slug=problem.slug,
                                            title=problem.title, headers=problem.headers)
                await response(scope, receive, send)
                return
            if authorization:
                headers.append((b"authorization", authorization.encode()))
        await self.app({**scope, "headers": headers}, receive, send)

    async def _session_authorization(self, connection: HTTPConnection) -> str | None:
        return await session_bearer(self.state.auth, presented_session_id(connection), connection.scope["method"],
                                    connection.headers.get(CSRF_HEADER))
