"""The demo data set `carehub run` puts in a fresh database, once.

Each part (today `assets` and the demo `accounts`; careplan and feedback add theirs in their own
issues) runs at most
once: a row in `gateway.demo_seed` says it is done. Everything happens in one transaction, under
an advisory lock, so two processes starting together cannot seed twice and a failed seed leaves
nothing behind.
"""

import uuid
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession

import assets_api.seed
import careplan_api.seed
import feedback_api.seed
from carehub_gateway.db import demo_seed
from carehub_gateway.demo_accounts import seed_demo_accounts
from carehub_kit.db import make_engine, make_sessionmaker
from carehub_kit.identity import Actor

SEED_ACTOR = Actor(sub="system:seed", name="Demo seed")

# A part gets the session, the actor, and what earlier parts recorded (e.g. `home_ids`); it
# returns what it wants recorded for later parts (ids only, never personal data).
SeedPart = Callable[[AsyncSession, Actor, dict[str, Any]], Awaitable[dict[str, Any]]]


async def _assets(session: AsyncSession, actor: Actor, _earlier: dict[str, Any]) -> dict[str, Any]:
    return {"home_ids": await assets_api.seed.seed_demo(session, actor)}


def _home_ids(earlier: dict[str, Any]) -> list[uuid.UUID]:
    return [uuid.UUID(home) for home in earlier["home_ids"]]


async def _careplan(session: AsyncSession, actor: Actor, earlier: dict[str, Any]) -> dict[str, Any]:
    await careplan_api.seed.seed_demo(session, actor, _home_ids(earlier))
    return {}


async def _feedback(session: AsyncSession, actor: Actor, earlier: dict[str, Any]) -> dict[str, Any]:
    await feedback_api.seed.seed_demo(session, actor, _home_ids(earlier))
    return {}


PARTS: tuple[tuple[str, SeedPart], ...] = (
    ("assets", _assets),
    ("accounts", seed_demo_accounts),
    ("careplan", _careplan),
    ("feedback", _feedback),
)

_LOCK_ID = zlib.crc32(b"carehub-demo-seed")


@dataclass
class SeedResult:
    added: list[str] = field(default_factory=list)  # parts seeded by this call
    present: list[str] = field(default_factory=list)  # parts that were already there
    details: dict[str, Any] = field(default_factory=dict)


async def seed_demo(session: AsyncSession, parts: tuple[tuple[str, SeedPart], ...] = PARTS) -> SeedResult:
    """Seed every part not yet seeded, inside the caller's transaction."""
    await session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
    done = {row.part: row.details for row in await session.execute(select(demo_seed))}
    result = SeedResult()
    for name, part in parts:
        if name in done:
            result.present.append(name)
            result.details.update(done[name])
            continue
        recorded = await part(session, SEED_ACTOR, dict(result.details))
        await session.execute(insert(demo_seed).values(part=name, details=recorded))
        result.added.append(name)
        result.details.update(recorded)
    return result


async def seed_demo_once(database_url: str) -> SeedResult:
    """Open a connection, seed what is missing in one transaction, close."""
    engine = make_engine(database_url, pool_size=1)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            return await seed_demo(session)
    finally:
        await engine.dispose()
