"""`/healthz` (the process answers), `/readyz` (the database answers and the schema is at the
Alembic head) and `/metrics` (Prometheus). Readiness recovers by itself: the pool pre-pings, so
once the database is back the next check succeeds."""

import asyncio
from pathlib import Path

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncEngine

from carehub_kit.errors import ProblemError, problem_responses
from carehub_kit.migrations import current_revision, head_revision

READY_TIMEOUT_S = 3.0


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    schema_revision: str


def _unready(detail: str) -> ProblemError:
    return ProblemError(503, detail, slug="not-ready", title="Not ready", headers={"Retry-After": "5"})


async def _schema_revision(engine: AsyncEngine, schema: str) -> str | None:
    async with engine.connect() as conn:
        return await current_revision(conn, schema)


def health_router(schema: str, migrations_dir: Path) -> APIRouter:
    router = APIRouter(tags=["health"])
    head = head_revision(migrations_dir)

    @router.get("/healthz", response_model=Health)
    async def healthz() -> Health:
        return Health(status="ok")

    @router.get("/readyz", response_model=Readiness, responses=problem_responses(503))
    async def readyz(request: Request) -> Readiness:
        try:
            revision = await asyncio.wait_for(
                _schema_revision(request.app.state.engine, schema), READY_TIMEOUT_S
            )
        except Exception:  # any failure to reach the database means "not ready"
            raise _unready("The database cannot be reached.") from None
        if revision != head:
            raise _unready("The database schema is not at the latest migration.")
        return Readiness(status="ready", schema_revision=revision or "")

    @router.get("/metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        return Response(generate_latest(request.app.state.metrics.registry),
                        media_type=CONTENT_TYPE_LATEST)

    return router
