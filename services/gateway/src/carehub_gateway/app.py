"""The gateway app: the three API services mounted in-process at `/api/<svc>`, the SPA at `/`,
sign-in (`/auth/*`: local passwords, or an upstream OpenID Connect provider), the token issuer
(`/auth/token`, `/auth/jwks.json`, discovery), and the gateway's own `/healthz` and `/readyz`.

Starlette does not run a mounted app's lifespan, so the gateway's lifespan enters each
service's: that is where each service opens (and later closes) its database engine. Then each
service is handed the gateway's keyring to verify bearer tokens with, in-process.

With `with_services=False` (`carehub serve`, the split topology) nothing is mounted: nginx routes
`/api/<svc>/` straight to each service and asks `/auth/forward` (served only then) for the
session's token, and `/readyz` checks the gateway's own schema only.
"""

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI, Request
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.routing import BaseRoute
from starlette.types import Receive, Scope, Send

from carehub_gateway import auth_router, forward_router, oauth_router, oidc_router
from carehub_gateway.context import AuthContext
from carehub_gateway.db import MIGRATIONS_DIR, SCHEMA
from carehub_gateway.forwarding import SessionForwarding
from carehub_gateway.keyring import FirstKnown, Keyring
from carehub_gateway.minting import SessionTokens
from carehub_gateway.oidc import Upstream
from carehub_gateway.passwords import Passwords
from carehub_gateway.services import SERVICES
from carehub_gateway.settings import Settings
from carehub_gateway.spa import DEFAULT_DIST, mount_spa
from carehub_kit.db import make_engine, make_sessionmaker
from carehub_kit.errors import ProblemError, UnexpectedErrorMiddleware, install_problem_handlers
from carehub_kit.logging import configure_logging
from carehub_kit.migrations import current_revision, head_revision
from carehub_kit.requestid import RequestIdMiddleware

READY_TIMEOUT_S = 4.0


class Health(BaseModel):
    status: str


class GatewayReadiness(BaseModel):
    status: str
    checks: dict[str, str]  # part -> "ready" | "not ready"


async def _revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        return await current_revision(conn, SCHEMA)


async def _gateway_ready(engine: AsyncEngine, head: str | None) -> bool:
    try:
        revision = await asyncio.wait_for(_revision(engine), READY_TIMEOUT_S)
    except Exception:  # unreachable or slow database: not ready
        return False
    return revision == head


async def _service_ready(app: FastAPI) -> bool:
    """Ask the mounted service itself, in-process: its /readyz knows its own schema."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
        try:
            response = await asyncio.wait_for(client.get("/readyz"), READY_TIMEOUT_S + 1)
        except TimeoutError:
            return False
    return response.status_code == 200


class Standalone:
    """A mounted service, run as if it were on its own behind a proxy at its mount path.

    Starlette's `request.url_for` resolves names with the outermost router (`scope["router"]`)
    from the outermost root path (`scope["app_root_path"]`): inside a service that would look
    `get_home` up among the gateway's routes, and drop `/api/assets`. So the service gets its
    own router and its mount path as its root.
    """

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    @property
    def routes(self) -> list[BaseRoute]:
        return self.app.routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            scope = {key: value for key, value in scope.items() if key != "router"}
            scope["app_root_path"] = scope.get("root_path", "")
        await self.app(scope, receive, send)


def create_gateway_app(database_url: str, *, frontend_dist: Path | None = DEFAULT_DIST,
                       settings: Settings | None = None, with_services: bool = True) -> FastAPI:
    settings = settings or Settings(database_url=database_url)
    configure_logging(settings.log_level)
    mounted = {s.name: s.create_app(database_url) for s in SERVICES} if with_services else {}
    gateway_head = head_revision(MIGRATIONS_DIR)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            engine = make_engine(settings.database_url, pool_size=settings.db_pool_size,
                                 statement_timeout_ms=settings.db_statement_timeout_ms,
                                 ping_after_idle_s=settings.db_ping_after_idle_s)
            stack.push_async_callback(engine.dispose)
            app.state.engine = engine
            maker = make_sessionmaker(engine)
            keyring = Keyring(maker)
            app.state.auth = AuthContext(settings=settings, sessionmaker=maker,
                                         passwords=Passwords(), keyring=keyring,
                                         session_tokens=SessionTokens(keyring, settings),
                                         oidc=Upstream(settings) if settings.oidc_enabled else None)
            for sub_app in mounted.values():
                await stack.enter_async_context(sub_app.router.lifespan_context(sub_app))
                # The services verify the gateway's tokens (and any keys of their own, after it).
                own = getattr(sub_app.state, "key_source", None)
                sub_app.state.key_source = FirstKnown(keyring, own) if own else keyring
                stack.callback(setattr, sub_app.state, "key_source", own)  # as it was, at shutdown
            yield

    # Each service documents itself at /api/<svc>/docs; the gateway's endpoints are in the README.
    app = FastAPI(title="Care Hub gateway", lifespan=lifespan,
                  openapi_url=None, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.services = mounted
    install_problem_handlers(app)
    if mounted:
        app.add_middleware(SessionForwarding, state=app.state)  # innermost: errors in it become problems
    app.add_middleware(UnexpectedErrorMiddleware)
    app.add_middleware(RequestIdMiddleware)  # outermost: mounted services reuse its id

    @app.get("/healthz", response_model=Health)
    async def healthz() -> Health:
        return Health(status="ok")

    @app.get("/readyz", response_model=GatewayReadiness)
    async def readyz(request: Request) -> GatewayReadiness:
        names = ["gateway", *mounted]
        results = await asyncio.gather(
            _gateway_ready(request.app.state.engine, gateway_head),
            *(_service_ready(sub_app) for sub_app in mounted.values()),
        )
        checks = {n: "ready" if ok else "not ready" for n, ok in zip(names, results, strict=True)}
        waiting = [n for n, ok in zip(names, results, strict=True) if not ok]
        if waiting:
            raise ProblemError(503, f"Not ready yet: {', '.join(waiting)}.", slug="not-ready",
                               title="Not ready", headers={"Retry-After": "5"})
        return GatewayReadiness(status="ready", checks=checks)

    app.include_router(auth_router.router)
    app.include_router(oidc_router.router)
    app.include_router(oauth_router.router)
    if not mounted:
        app.include_router(forward_router.router)
    for s in SERVICES:
        if s.name in mounted:
            app.mount(s.mount_path, Standalone(mounted[s.name]), name=s.name)
    mount_spa(app, frontend_dist)
    return app
