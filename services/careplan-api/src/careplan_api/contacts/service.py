"""Rules for a resident's contacts and allergies: created, changed with If-Match, archived.
Every change is audited against the resident's record."""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.concurrency import check_version
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor
from careplan_api import auditing
from careplan_api.contacts import repository
from careplan_api.contacts.models import Allergy, Contact
from careplan_api.contacts.repository import P
from careplan_api.residents import service as residents_service

ENTITY = {Contact: "contact", Allergy: "allergy"}


async def list_page(session: AsyncSession, actor: Actor, model: type[P], resident_id: uuid.UUID,
                    **paging: Any) -> list[P]:
    who = await residents_service.access(session, actor, resident_id)
    rows = await repository.list_page(session, model, resident_id, **paging)
    await auditing.viewed(session, actor, who.id, who.home_id, ENTITY[model])
    return rows


async def create(session: AsyncSession, actor: Actor, model: type[P], resident_id: uuid.UUID,
                 values: dict[str, Any]) -> P:
    who = await residents_service.access(session, actor, resident_id)
    part = model(resident_id=who.id, **values)
    session.add(part)
    await session.flush()
    await auditing.record(session, actor, "create", ENTITY[model], part.id, resident_id=who.id, home_id=who.home_id)
    return part


async def _get(session: AsyncSession, actor: Actor, model: type[P], resident_id: uuid.UUID,
               part_id: uuid.UUID) -> tuple[residents_service.Access, P]:
    who = await residents_service.access(session, actor, resident_id)
    part = await repository.get(session, model, who.id, part_id)
    if part is None:
        raise not_found(ENTITY[model])
    return who, part


async def update(session: AsyncSession, actor: Actor, model: type[P], resident_id: uuid.UUID, part_id: uuid.UUID,
                 expected_version: int, changes: dict[str, Any], required: frozenset[str]) -> P:
    cleared = sorted(f for f in required if f in changes and changes[f] is None)
    if cleared:
        raise ProblemError(422, "Required fields cannot be cleared.", slug="validation", errors=[
            {"loc": ["body", f], "msg": "cannot be empty", "type": "missing"} for f in cleared])
    who, part = await _get(session, actor, model, resident_id, part_id)
    check_version(part.version, expected_version)
    for field, value in changes.items():
        setattr(part, field, value)
    await session.flush()
    await auditing.record(session, actor, "update", ENTITY[model], part.id, resident_id=who.id,
                          home_id=who.home_id, fields=sorted(changes))
    return part


async def archive(session: AsyncSession, actor: Actor, model: type[P], resident_id: uuid.UUID, part_id: uuid.UUID,
                  expected_version: int) -> P:
    who, part = await _get(session, actor, model, resident_id, part_id)
    check_version(part.version, expected_version)
    if part.archived_at is None:
        part.archived_at = datetime.now(UTC)
        await session.flush()
        await auditing.record(session, actor, "archive", ENTITY[model], part.id, resident_id=who.id,
                              home_id=who.home_id)
    return part
