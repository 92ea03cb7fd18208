"""Append-only audit trail, written in the same transaction as the change it records.

Rows say who (sub, name, roles), when, what (action, entity), which home and which request.
`details` holds field names or codes, never personal values. The table refuses UPDATE and
DELETE through a trigger created by `audit_guard_sql` in each service's first migration.
"""

import uuid
from typing import Any

from sqlalchemy import MetaData, insert
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.identity import Actor
from carehub_kit.requestid import current_request_id
from carehub_kit.tables import kit_table


class AuditWriter:
    def __init__(self, metadata: MetaData) -> None:
        self.table = kit_table(metadata, "audit_event")

    async def record(
        self, session: AsyncSession, actor: Actor, action: str, entity_type: str,
        entity_id: uuid.UUID | str | None = None, *, home_id: uuid.UUID | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        await session.execute(
            insert(self.table).values(
                actor_sub=actor.sub, actor_name=actor.name, actor_roles=list(actor.roles),
                action=action, entity_type=entity_type,
                entity_id=str(entity_id) if entity_id is not None else None,
                home_id=home_id, request_id=current_request_id() or None, details=details or {},
            )
        )


def audit_guard_sql(schema: str) -> list[str]:
    """SQL for a migration: make `<schema>.audit_event` append-only."""
    return [
        f"""CREATE FUNCTION {schema}.audit_event_append_only() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$""",
        f"""CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON {schema}.audit_event
            FOR EACH ROW EXECUTE FUNCTION {schema}.audit_event_append_only()""",
    ]
