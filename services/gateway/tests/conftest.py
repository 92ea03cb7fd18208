import os
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from oidc_provider_mock import run_server_in_thread
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncEngine

from carehub_gateway.app import create_gateway_app
from carehub_gateway.services import SCHEMAS
from carehub_gateway.settings import Settings
from carehub_kit.db import make_engine
from carehub_kit.testing import migrate, run_off_loop, running, with_database

# --import-mode=importlib leaves sys.path alone; the helpers (gateway_support) live beside this file.
sys.path.append(str(Path(__file__).resolve().parent))

# argon2 at its lowest cost: the suite hashes and checks many passwords (sign-in, seed, CLI).
LOW_COST_HASHING = {"GATEWAY_PASSWORD_HASH_TIME_COST": "1", "GATEWAY_PASSWORD_HASH_MEMORY_KIB": "64",
                    "GATEWAY_PASSWORD_HASH_PARALLELISM": "1"}
os.environ.update(LOW_COST_HASHING)


@pytest.fixture(scope="session")
def gateway_database_url(database_url: str) -> str:
    """The run's test database with every schema at head."""
    for _name, schema, migrations_dir in SCHEMAS:
        migrate(migrations_dir, database_url, schema)
    return database_url


@pytest.fixture(scope="session")
def gateway_app(gateway_database_url: str) -> FastAPI:
    return create_gateway_app(gateway_database_url, frontend_dist=None)


async def _tables_with_rows(engine: AsyncEngine) -> set[str]:
    """Every table (`"schema"."table"`) of the Care Hub schemas that holds a row."""
    schemas = [schema for _name, schema, _dir in SCHEMAS]
    async with engine.connect() as conn:
        tables = [f'"{s}"."{t}"' for s, t in await conn.execute(text(
            "SELECT schemaname, tablename FROM pg_tables WHERE schemaname = ANY(:s) "
            "AND tablename <> 'alembic_version'"), {"s": schemas})]
        if not tables:
            return set()
        probe = " UNION ALL ".join(f"SELECT '{t}' WHERE EXISTS (SELECT 1 FROM {t})" for t in tables)
        return set((await conn.execute(text(probe))).scalars())


@pytest.fixture(scope="session")
async def gateway_reference_tables(gateway_database_url: str) -> frozenset[str]:
    """Tables that hold rows before any gateway test ran: reference data that migrations put in
    (the assets rule library, say). The clean-up leaves them alone."""
    engine = make_engine(gateway_database_url, pool_size=1)
    try:
        return frozenset(await _tables_with_rows(engine))
    finally:
        await engine.dispose()


@asynccontextmanager
async def _serving(app: FastAPI, reference_tables: frozenset[str]) -> AsyncIterator[httpx.AsyncClient]:
    async with running(app) as http:
        try:
            yield http
        finally:
            # Other suites share this database: leave it as they expect, with only what the
            # migrations put there. Emptying just the tables a test wrote to keeps this quick.
            written = await _tables_with_rows(app.state.engine) - reference_tables
            if written:
                async with app.state.engine.begin() as conn:
                    await conn.execute(text(f"TRUNCATE {', '.join(sorted(written))} CASCADE"))


@pytest.fixture
async def gateway_client(gateway_app: FastAPI, gateway_reference_tables: frozenset[str],
                         ) -> AsyncIterator[httpx.AsyncClient]:
    async with _serving(gateway_app, gateway_reference_tables) as http:
        yield http


@pytest.fixture(scope="session")
def edge_gateway_app(gateway_database_url: str) -> FastAPI:
    """The gateway alone, as `carehub serve` runs it behind nginx: no services mounted."""
    return create_gateway_app(gateway_database_url, frontend_dist=None, with_services=False)


@pytest.fixture
async def edge_gateway_client(edge_gateway_app: FastAPI, gateway_reference_tables: frozenset[str],
                              ) -> AsyncIterator[httpx.AsyncClient]:
    async with _serving(edge_gateway_app, gateway_reference_tables) as http:
        yield http


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[str]:
    """A real OpenID provider (oidc-provider-mock) on a free loopback port, for the whole run; its
    issuer URL. Any client id and secret is accepted; a test sets a person's claims with
    `PUT /users/<sub>` and signs in as them by posting `sub` to its authorize form."""
    with run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="session")
def oidc_gateway_app(gateway_database_url: str, oidc_provider: str) -> FastAPI:
    """The gateway with sign-in at `oidc_provider`."""
    from gateway_support import OIDC_CLIENT_ID

    settings = Settings(database_url=gateway_database_url, oidc_issuer=oidc_provider, oidc_client_id=OIDC_CLIENT_ID,
                        oidc_client_secret="gateway-client-secret", oidc_provider_name="Halton Council account")
    return create_gateway_app(gateway_database_url, frontend_dist=None, settings=settings)


@pytest.fixture
async def oidc_gateway_client(oidc_gateway_app: FastAPI, gateway_reference_tables: frozenset[str],
                              ) -> AsyncIterator[httpx.AsyncClient]:
    async with _serving(oidc_gateway_app, gateway_reference_tables) as http:
        yield http


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
