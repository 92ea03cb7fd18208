"""The common shape of a Care Hub service app: lifespan-owned engine, problem+json handlers,
request ids, metrics, health, and stable OpenAPI operation ids."""

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from sqlalchemy.orm.exc import StaleDataError

from carehub_kit.auth import HttpJwks, Permissions
from carehub_kit.concurrency import stale
from carehub_kit.db import make_engine, make_sessionmaker
from carehub_kit.errors import UnexpectedErrorMiddleware, install_problem_handlers, problem_response
from carehub_kit.health import health_router
from carehub_kit.idempotency import IdempotentReplay, on_replay, purge_periodically
from carehub_kit.logging import configure_logging
from carehub_kit.metrics import MetricsMiddleware, RequestMetrics
from carehub_kit.requestid import RequestIdMiddleware
from carehub_kit.settings import ServiceSettings


def operation_id(route: APIRoute) -> str:
    """`{tag}-{route name}`: stable names for generated clients."""
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def _problem_only_errors(app: FastAPI, permissions: Permissions[Any] | None) -> None:
    """Errors are documented as application/problem+json only (FastAPI would also list
    application/json for a `model=` response, and its own unused HTTPValidationError). The
    permission matrix goes in as `x-carehub-permissions`: integrators read who may do what, and
    the web app's role checks are generated from it."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                for status, response in operation.get("responses", {}).items():
                    if status[0] not in "45":
                        continue
                    # Every error body is a Problem, including the 422 FastAPI adds by itself.
                    response["content"] = problem
        for unused in ("HTTPValidationError", "ValidationError"):
            schema.get("components", {}).get("schemas", {}).pop(unused, None)
        if permissions is not None:
            schema["x-carehub-permissions"] = {
                str(action): sorted(str(role) for role in roles)
                for action, roles in sorted(permissions.table.items(), key=lambda item: str(item[0]))
            }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_service_app(
    settings: ServiceSettings, *, title: str, description: str, schema: str,
    migrations_dir: Path, routers: Sequence[APIRouter], version: str = "1.0.0",
    permissions: Permissions[Any] | None = None,
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url, pool_size=settings.db_pool_size,
                             statement_timeout_ms=settings.db_statement_timeout_ms,
                             ping_after_idle_s=settings.db_ping_after_idle_s)
        app.state.engine = engine
        app.state.sessionmaker = make_sessionmaker(engine)
        purger = asyncio.create_task(purge_periodically(engine, schema))
        try:
            yield
        finally:
            purger.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await purger
            await engine.dispose()

    configure_logging(settings.log_level)
    app = FastAPI(
        title=title, description=description, version=version, lifespan=lifespan,
        generate_unique_id_function=operation_id, separate_input_output_schemas=False,
    )
    app.state.settings = settings
    if settings.auth_jwks_url:  # deployed on its own; mounted in the gateway, the gateway hands keys over
        app.state.key_source = HttpJwks(settings.auth_jwks_url)
    app.state.metrics = RequestMetrics()
    install_problem_handlers(app)
    app.add_exception_handler(IdempotentReplay, on_replay)
    app.add_exception_handler(
        StaleDataError, lambda request, _exc: problem_response(request, 412, stale().detail, slug="stale")
    )
    # Added innermost first: request id outermost, so every response and log line has it.
    app.add_middleware(UnexpectedErrorMiddleware)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    app.add_middleware(RequestIdMiddleware)
    _problem_only_errors(app, permissions)
    app.include_router(health_router(schema, migrations_dir))
    for router in routers:
        # Routers carry their full `/v1/...` prefix themselves, so the route object FastAPI
        # reports to middleware knows its whole template (the metrics label).
        assert router.prefix.startswith("/v1/"), f"router prefix {router.prefix!r} must start with /v1/"
        app.include_router(router)
    return app
