"""Alembic, shared: each service's `migrations/env.py` is three lines that call `run_env`.

The version table lives in the service's own schema, autogenerate looks only at that schema
(so it never proposes dropping another service's tables), and an advisory lock keeps several
replicas from migrating at once.
"""

import asyncio
import os
import zlib
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, MetaData, text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine
from sqlalchemy.pool import NullPool

from carehub_kit.db import async_url


def alembic_config(migrations_dir: Path, database_url: str, schema: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    cfg.set_main_option("file_template", "%%(year)d-%%(month).2d-%%(day).2d-%%(hour).2d%%(minute).2d_%%(slug)s")
    cfg.attributes["database_url"] = database_url
    cfg.attributes["schema"] = schema
    return cfg


def upgrade(migrations_dir: Path, database_url: str, schema: str, revision: str = "head") -> None:
    """Bring `schema` to `revision`. Synchronous: call it before the event loop, or in a thread."""
    command.upgrade(alembic_config(migrations_dir, database_url, schema), revision)


def head_revision(migrations_dir: Path) -> str | None:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    return ScriptDirectory.from_config(cfg).get_current_head()


async def current_revision(conn: AsyncConnection, schema: str) -> str | None:
    exists = await conn.scalar(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": f"{schema}.alembic_version"})
    if not exists:
        return None
    revision = await conn.scalar(text(f'SELECT version_num FROM "{schema}".alembic_version'))
    return str(revision) if revision is not None else None


def _lock_id(schema: str) -> int:
    return zlib.crc32(f"carehub-migrate:{schema}".encode())


def _run_sync(conn: Connection, metadata: MetaData, schema: str) -> None:
    conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _lock_id(schema)})
    conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    context.configure(
        connection=conn,
        target_metadata=metadata,
        version_table_schema=schema,
        include_schemas=True,
        include_name=lambda name, type_, _parent: type_ != "schema" or name == schema,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online(database_url: str, metadata: MetaData, schema: str) -> None:
    engine = create_async_engine(async_url(database_url), poolclass=NullPool)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_run_sync, metadata, schema)
    finally:
        await engine.dispose()


def run_env(metadata: MetaData) -> None:
    """Body of every service's env.py."""
    cfg = context.config
    schema = cfg.attributes.get("schema") or metadata.schema
    url = cfg.attributes.get("database_url") or cfg.get_main_option("sqlalchemy.url")
    if not url:
        url = os.environ["DATABASE_URL"]
    assert schema, "the service's MetaData must name its schema"
    if context.is_offline_mode():
        context.configure(url=str(async_url(url)), target_metadata=metadata,
                          version_table_schema=schema, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    asyncio.run(_run_online(url, metadata, schema))


def create_kit_tables(schema: str) -> None:
    """For a service's first migration: its audit trail (append-only) and idempotency keys."""
    from alembic import op

    from carehub_kit.audit import audit_guard_sql
    from carehub_kit.db import service_metadata
    from carehub_kit.tables import add_kit_tables

    kit = service_metadata(schema)
    add_kit_tables(kit)
    kit.create_all(op.get_bind())
    for statement in audit_guard_sql(schema):
        op.execute(statement)


def drop_kit_tables(schema: str) -> None:
    from alembic import op

    op.execute(f'DROP TABLE IF EXISTS "{schema}".idempotency_key, "{schema}".audit_event')
    op.execute(f'DROP FUNCTION IF EXISTS "{schema}".audit_event_append_only()')
