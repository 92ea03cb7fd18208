"""pytest plugin for every Care Hub test suite (enabled from the root conftest.py).

One throwaway database per test run: on the server in `DATABASE_URL` when set, otherwise on an
embedded PostgreSQL (pgserver) in a temporary folder. It is dropped at the end of the run.
"""

import asyncio
import concurrent.futures
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncEngine

from carehub_kit import migrations
from carehub_kit.auth import StaticKeys
from carehub_kit.embedded import embedded_postgres
from carehub_kit.tokens import SigningKey, claims_for, jwks


def _libpq_dsn(url: str) -> str:
    """asyncpg takes libpq URLs; strip a SQLAlchemy driver suffix if present."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    if url := os.environ.get("DATABASE_URL"):
        yield url
        return
    data_dir = tempfile.mkdtemp(prefix="chpg")  # short: the socket path has a length limit
    try:
        with embedded_postgres(Path(data_dir)) as url:
            yield url
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


async def _admin(server_url: str, sql: str) -> None:
    conn = await asyncpg.connect(_libpq_dsn(server_url))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def database_url(pg_server_url: str) -> Iterator[str]:
    """A fresh database for this run, dropped afterwards."""
    name = f"carehub_test_{uuid.uuid4().hex[:12]}"
    run_off_loop(_admin, pg_server_url, f'CREATE DATABASE "{name}"')
    try:
        yield with_database(pg_server_url, name)
    finally:
        run_off_loop(_admin, pg_server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_off_loop(fn: Any, *args: Any) -> Any:
    """Run sync or async work in a worker thread with its own loop (Alembic's env.py calls
    asyncio.run, which must not touch the test session's event loop)."""

    def call() -> Any:
        result = fn(*args)
        return asyncio.run(result) if asyncio.iscoroutine(result) else result

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(call).result()


def migrate(migrations_dir: Path, database_url: str, schema: str) -> None:
    run_off_loop(migrations.upgrade, migrations_dir, database_url, schema)


async def truncate_schema(engine: AsyncEngine, schema: str) -> None:
    """Empty every table of `schema` but Alembic's, so each test starts clean."""
    async with engine.begin() as conn:
        names = (await conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = :s AND tablename <> 'alembic_version'"),
            {"s": schema},
        )).scalars().all()
        if names:
            await conn.execute(text("TRUNCATE " + ", ".join(f'"{schema}"."{n}"' for n in names) + " CASCADE"))


@asynccontextmanager
async def running(app: FastAPI, **client_kwargs: Any) -> AsyncIterator[httpx.AsyncClient]:
    """The app with its lifespan entered, and an in-process HTTP client for it."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test", **client_kwargs) as client:
            yield client


class TokenIssuer:
    """Mints real signed tokens for tests and hands its public keys to an app in-process."""

    def __init__(self, issuer: str = "carehub") -> None:
        self.issuer = issuer
        self.key = SigningKey.generate()

    async def _jwks(self) -> dict[str, Any]:
        return jwks([self.key])

    def install(self, app: FastAPI) -> None:
        app.state.key_source = StaticKeys(self._jwks)

    def token(self, *roles: str, homes: tuple[str, ...] = (), sub: str = "user-1", name: str = "Test User") -> str:
        return self.key.sign(claims_for(sub=sub, name=name, roles=roles, homes=homes, issuer=self.issuer))

    def headers(self, *roles: str, homes: tuple[str, ...] = (), sub: str = "user-1") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(*roles, homes=homes, sub=sub)}"}


@pytest.fixture(scope="session")
def token_issuer() -> TokenIssuer:
    return TokenIssuer()
