"""National benchmarks: seeded with Skills for Care's 2024/25 figures, kept up to date by admins."""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.concurrency import check_version
from carehub_kit.errors import not_found
from carehub_kit.identity import Actor
from feedback_api.common import field_error
from feedback_api.db import audit
from feedback_api.workforce import repository
from feedback_api.workforce.models import Benchmark
from feedback_api.workforce.schemas import BenchmarkCreate, BenchmarkUpdate

ENTITY = "benchmark"


async def create(session: AsyncSession, actor: Actor, data: BenchmarkCreate) -> Benchmark:
    if await repository.indicator_taken(session, data.indicator):
        raise field_error(["body", "indicator"], "already has a benchmark; change that one", "unique", status=409)
    row = Benchmark(**data.model_dump())
    session.add(row)
    await session.flush()
    await audit.record(session, actor, "create", ENTITY, row.id, details={"indicator": row.indicator})
    return row


async def update(session: AsyncSession, actor: Actor, benchmark_id: uuid.UUID, expected: int,
                 data: BenchmarkUpdate) -> Benchmark:
    changes = data.model_dump(exclude_unset=True)
    for field, value in changes.items():
        if value is None:
            raise field_error(["body", field], "cannot be empty", "missing")
    row = await repository.benchmark(session, benchmark_id, for_update=True)
    if row is None:
        raise not_found("benchmark")
    check_version(row.version, expected)
    for field, value in changes.items():
        setattr(row, field, value)
    await session.flush()
    await audit.record(session, actor, "update", ENTITY, row.id, details={"fields": sorted(changes)})
    return row
