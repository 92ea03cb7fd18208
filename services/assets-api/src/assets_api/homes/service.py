"""Rules for homes. Flushes, never commits: the request's unit of work commits."""

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.db import audit
from assets_api.homes import repository
from assets_api.homes.models import Home
from assets_api.homes.schemas import REQUIRED_ON_UPDATE, HomeCreate, HomeUpdate
from carehub_kit.auth import can_see_home
from carehub_kit.concurrency import check_version
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor

ENTITY = "home"


def _cqc_conflict() -> ProblemError:
    return ProblemError(409, "Another home already has this CQC location ID.", slug="conflict",
                        errors=[{"loc": ["body", "cqc_location_id"], "msg": "already used by another home",
                                 "type": "unique"}])


async def create(session: AsyncSession, actor: Actor, data: HomeCreate) -> Home:
    if data.cqc_location_id and await repository.cqc_id_taken(session, data.cqc_location_id):
        raise _cqc_conflict()
    home = Home(**data.model_dump())
    session.add(home)
    await session.flush()
    await audit.record(session, actor, "create", ENTITY, home.id, home_id=home.id)
    return home


async def get(session: AsyncSession, actor: Actor, home_id: uuid.UUID) -> Home:
    """The home, or 404 when it does not exist or is outside the actor's homes (no existence leak)."""
    home = await repository.get(session, home_id)
    if home is None or not can_see_home(actor, home.id):
        raise not_found("home")
    return home


async def update(session: AsyncSession, actor: Actor, home_id: uuid.UUID, expected_version: int,
                 data: HomeUpdate) -> Home:
    changes = data.model_dump(exclude_unset=True)
    cleared = sorted(f for f in REQUIRED_ON_UPDATE if f in changes and changes[f] is None)
    if cleared:
        raise ProblemError(422, "Required fields cannot be cleared.", slug="validation", errors=[
            {"loc": ["body", f], "msg": "cannot be empty", "type": "missing"} for f in cleared])
    home = await get(session, actor, home_id)
    check_version(home.version, expected_version)
    cqc = changes.get("cqc_location_id")
    if cqc and await repository.cqc_id_taken(session, cqc, other_than=home.id):
        raise _cqc_conflict()
    for field, value in changes.items():
        setattr(home, field, value)
    await session.flush()  # version_id_col: UPDATE ... WHERE version = expected, else 412
    await audit.record(session, actor, "update", ENTITY, home.id, home_id=home.id,
                       details={"fields": sorted(changes)})
    return home


async def archive(session: AsyncSession, actor: Actor, home_id: uuid.UUID, expected_version: int) -> Home:
    home = await get(session, actor, home_id)
    check_version(home.version, expected_version)
    if home.archived_at is None:
        home.archived_at = datetime.now(UTC)
        await session.flush()
        await audit.record(session, actor, "archive", ENTITY, home.id, home_id=home.id)
    return home
