import uuid
from collections.abc import AsyncIterator, Iterator

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import make_url

from carehub_gateway.app import create_gateway_app
from carehub_gateway.services import SCHEMAS
from carehub_kit.testing import migrate, run_off_loop, running, truncate_schema, with_database


@pytest.fixture(scope="session")
def gateway_database_url(database_url: str) -> str:
    """The run's test database with every schema at head."""
    for _name, schema, migrations_dir in SCHEMAS:
        migrate(migrations_dir, database_url, schema)
    return database_url


@pytest.fixture(scope="session")
def gateway_app(gateway_database_url: str) -> FastAPI:
    return create_gateway_app(gateway_database_url, frontend_dist=None)


@pytest.fixture
async def gateway_client(gateway_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with running(gateway_app) as http:
        try:
            yield http
        finally:
            # Other suites share this database: leave every schema empty, as they expect.
            for _name, schema, _dir in SCHEMAS:
                await truncate_schema(gateway_app.state.engine, schema)


async def _admin(server_url: str, sql: str) -> None:
    conn = await asyncpg.connect(make_url(server_url).set(drivername="postgresql").render_as_string(False))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture
def empty_database_url(pg_server_url: str) -> Iterator[str]:
    """A database of its own with nothing in it, for tests that watch a schema arrive."""
    name = f"carehub_test_{uuid.uuid4().hex[:12]}_empty"
    run_off_loop(_admin, pg_server_url, f'CREATE DATABASE "{name}"')
    try:
        yield with_database(pg_server_url, name)
    finally:
        run_off_loop(_admin, pg_server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
