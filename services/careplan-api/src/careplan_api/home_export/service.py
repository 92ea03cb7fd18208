"""Supplier-exit export: every care record of one home, with its audit trail, as JSON Lines.

A council must never be locked in to a supplier, so the export is complete (every table of the
schema that belongs to the home, not a chosen subset) and plain: one JSON object a line,
`{"type": <table>, "data": {<column>: <value>}}`, after a first `export` line saying what,
when and the format version. JSON Lines rather than a ZIP of CSVs: it streams row by row from a
server-side cursor without building anything in memory, keeps nested plan sections as JSON
rather than flattening them, and every language reads it line by line.

The rows are read in their own REPEATABLE READ, read-only transaction (one consistent snapshot
across all tables) on a connection of the app's engine, because the body streams after the
request's own transaction — which records the export in the audit trail — has committed."""

import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Select, Table, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from carehub_kit.auth import can_see_home
from carehub_kit.errors import not_found
from carehub_kit.identity import Actor
from careplan_api.db import audit, metadata
from careplan_api.residents.models import Resident

FORMAT = "carehub-careplan-jsonl/1"
SKIPPED = {"idempotency_key"}  # replay cache of API calls, not a record
CHUNK_BYTES = 64 * 1024
BATCH_ROWS = 1000


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _tables() -> list[Table]:
    """Residents first, then the rest by name, the audit trail last."""
    tables = [t for t in metadata.sorted_tables if t.name not in SKIPPED and t is not audit.table]
    tables.sort(key=lambda t: (t.name != "resident", t.name))
    return [*tables, audit.table]


def _rows_of(table: Table, home_id: uuid.UUID) -> Select[Any] | None:
    columns = table.c
    if "home_id" in columns:
        stmt = select(table).where(columns.home_id == home_id)
    elif "resident_id" in columns:
        stmt = select(table).where(columns.resident_id.in_(select(Resident.id).where(Resident.home_id == home_id)))
    else:
        return None
    return stmt.order_by(*table.primary_key.columns)


async def start(session: AsyncSession, actor: Actor, home_id: uuid.UUID) -> dict[str, Any]:
    """Check access and audit the export (committed before the first byte is sent)."""
    if not can_see_home(actor, home_id):
        raise not_found("home")
    export_id = uuid.uuid4()
    await audit.record(session, actor, "export", "home", home_id, home_id=home_id,
                       details={"format": FORMAT, "export_id": str(export_id), "scope": "supplier_exit"})
    return {"type": "export", "data": {"export_id": str(export_id), "home_id": str(home_id), "format": FORMAT,
                                       "generated_at": datetime.now(UTC).isoformat(), "exported_by": actor.sub}}


async def stream(engine: AsyncEngine, home_id: uuid.UUID, header: dict[str, Any]) -> AsyncIterator[bytes]:
    yield (json.dumps(header) + "\n").encode()
    async with engine.connect() as conn:
        conn = await conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        async with conn.begin():
            for table in _tables():
                stmt = _rows_of(table, home_id)
                if stmt is None:
                    continue
                buffer: list[str] = []
                size = 0
                result = await conn.stream(stmt.execution_options(yield_per=BATCH_ROWS))
                async for row in result:
                    line = json.dumps({"type": table.name, "data": dict(row._mapping)}, default=_value) + "\n"
                    buffer.append(line)
                    size += len(line)
                    if size >= CHUNK_BYTES:
                        yield "".join(buffer).encode()
                        buffer, size = [], 0
                if buffer:
                    yield "".join(buffer).encode()
