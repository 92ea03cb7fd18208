"""Audit rows for the care record. Each names the resident it concerns in `details`, so
`GET /v1/residents/{id}/audit` finds every view and change of one record through one index.
Details hold ids, field names and codes only, never what the record says."""

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.identity import Actor
from carehub_kit.requestid import current_request_id
from careplan_api.db import audit


async def record(
    session: AsyncSession, actor: Actor, action: str, entity_type: str, entity_id: uuid.UUID, *,
    resident_id: uuid.UUID, home_id: uuid.UUID, **details: Any,
) -> None:
    await audit.record(session, actor, action, entity_type, entity_id, home_id=home_id,
                       details={"resident_id": str(resident_id), **details})


async def viewed(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, home_id: uuid.UUID,
                 part: str) -> None:
    """A read of one resident's record ('view'), written in the reading request's transaction."""
    await record(session, actor, "view", "resident", resident_id, resident_id=resident_id,
                 home_id=home_id, part=part)


def row(actor: Actor, action: str, entity_type: str, entity_id: uuid.UUID, *, resident_id: uuid.UUID,
        home_id: uuid.UUID | None, **details: Any) -> dict[str, Any]:
    """The same row `record` writes, as values, for a hot path that sends it in the statement
    that makes the change (one round trip instead of two)."""
    return {"actor_sub": actor.sub, "actor_name": actor.name, "actor_roles": list(actor.roles), "action": action,
            "entity_type": entity_type, "entity_id": str(entity_id), "home_id": home_id,
            "request_id": current_request_id() or None, "details": {"resident_id": str(resident_id), **details}}
