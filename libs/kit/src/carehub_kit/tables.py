"""Tables every service keeps in its own schema: the audit trail and idempotency keys.

Each service calls `add_kit_tables(metadata)` on its MetaData so Alembic sees them and its
first migration creates them in that service's schema.
"""

from sqlalchemy import (
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB


def audit_table(metadata: MetaData) -> Table:
    return Table(
        "audit_event", metadata,
        Column("id", Uuid, primary_key=True, server_default=text("gen_random_uuid()")),
        Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("actor_sub", Text, nullable=False),
        Column("actor_name", Text, nullable=False),
        Column("actor_roles", ARRAY(Text), nullable=False),
        Column("action", Text, nullable=False),
        Column("entity_type", Text, nullable=False),
        Column("entity_id", Text, nullable=True),
        Column("home_id", Uuid, nullable=True),
        Column("request_id", Text, nullable=True),
        Column("details", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
        Index(None, "entity_type", "entity_id", "at"),
        Index(None, "home_id", "at"),
        Index(None, "actor_sub", "at"),
    )


def idempotency_table(metadata: MetaData) -> Table:
    return Table(
        "idempotency_key", metadata,
        Column("actor_sub", Text, nullable=False),
        Column("key", Text, nullable=False),
        Column("request_hash", Text, nullable=False),
        Column("status_code", Integer, nullable=True),
        Column("response_body", JSONB, nullable=True),
        Column("response_headers", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        PrimaryKeyConstraint("actor_sub", "key"),
        Index(None, "created_at"),
    )


def add_kit_tables(metadata: MetaData) -> tuple[Table, Table]:
    return audit_table(metadata), idempotency_table(metadata)


def kit_table(metadata: MetaData, name: str) -> Table:
    return metadata.tables[f"{metadata.schema}.{name}" if metadata.schema else name]
