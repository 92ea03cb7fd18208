"""Writing on behalf of an anonymous submitter: an audit row that cannot be joined back, and
replays of retried requests without a stored idempotency key.

Decision: an anonymous submission *is* audited — the trail must show that every record came
into being — but as the system actor `system:anonymous`, with no request id (which would
join it to request logs) and the time cut to the day. So the row proves "an anonymous item
appeared in this home on this day" and nothing about who.

Retries: the kit's idempotency table keys a stored response by the caller's `sub`, which
would tie the person to the item. Here the record's id (and reply code) are instead derived
from HMAC(secret, sub, Idempotency-Key): a retry finds the same id and gets the same answer,
and since the key is never stored, nobody holding the database can recompute the link.
"""

import uuid
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.errors import ProblemError
from feedback_api.anonymity import keyed_hash, start_of_day, today
from feedback_api.db import audit

ANONYMOUS_ACTOR_SUB = "system:anonymous"
ANONYMOUS_ACTOR_NAME = "Anonymous submitter"


async def record_anonymous(session: AsyncSession, action: str, entity_type: str, entity_id: uuid.UUID,
                           *, home_id: uuid.UUID | None, details: dict[str, Any] | None = None) -> None:
    await session.execute(insert(audit.table).values(
        at=start_of_day(today()), actor_sub=ANONYMOUS_ACTOR_SUB, actor_name=ANONYMOUS_ACTOR_NAME, actor_roles=[],
        action=action, entity_type=entity_type, entity_id=str(entity_id), home_id=home_id, request_id=None,
        details=details or {},
    ))


def derived_id(secret: str, purpose: str, sub: str, key: str) -> uuid.UUID:
    digest = keyed_hash(secret, purpose, sub, key)
    return uuid.UUID(hex=digest[:32], version=4)


def key_reused() -> ProblemError:
    return ProblemError(
        422, "This Idempotency-Key was already used for a different request.", slug="idempotency-key-reused",
        errors=[{"loc": ["header", "Idempotency-Key"], "msg": "already used with another body",
                 "type": "idempotency_key_reused"}],
    )
