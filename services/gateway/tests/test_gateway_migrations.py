"""The hand-written gateway migrations create exactly what `carehub_gateway.db` describes."""

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection

from carehub_gateway.db import SCHEMA, metadata
from carehub_kit.db import make_engine


def _differences(conn: Connection) -> list[Any]:
    context = MigrationContext.configure(conn, opts={
        "include_schemas": True, "compare_type": True, "version_table_schema": SCHEMA,
        "include_name": lambda name, type_, _parent: type_ != "schema" or name == SCHEMA,
    })
    return list(compare_metadata(context, metadata))


async def test_the_migrated_schema_matches_the_models(gateway_database_url: str) -> None:
    engine = make_engine(gateway_database_url, pool_size=1)
    try:
        async with engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
    finally:
        await engine.dispose()
