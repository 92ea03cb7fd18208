"""/healthz, and /readyz that follows the database: down, back, and schema behind head."""

import asyncio
import shutil
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from kit_support import TcpProxy, assert_problem
from kit_widgets.main import ADMIN, MIGRATIONS_DIR, KitTestSettings, create_app
from sqlalchemy import text

from carehub_kit.db import make_engine
from carehub_kit.testing import running

NEWER_REVISION = '''"""a revision the database has not seen"""
revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
'''


@pytest.fixture
async def db_proxy(kit_database_url: str) -> AsyncIterator[TcpProxy]:
    proxy = TcpProxy(kit_database_url)
    await proxy.start()
    try:
        yield proxy
    finally:
        if proxy.running:
            await proxy.stop()


async def timed_get(client: httpx.AsyncClient, url: str) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = await client.get(url)
    return response, time.monotonic() - started


class TestHealth:
    async def test_healthz(self, kit_client: httpx.AsyncClient) -> None:
        response = await kit_client.get("/healthz")
        assert (response.status_code, response.json()) == (200, {"status": "ok"})

    async def test_readyz_reports_the_head_revision(self, kit_client: httpx.AsyncClient) -> None:
        response = await kit_client.get("/readyz")
        assert (response.status_code, response.json()) == (200, {"status": "ready", "schema_revision": "0001"})

    async def test_readyz_follows_the_database_down_and_back(self, db_proxy: TcpProxy) -> None:
        app = create_app(KitTestSettings(database_url=db_proxy.url()))
        async with running(app, headers=ADMIN) as client:
            assert (await client.get("/readyz")).status_code == 200
            assert (await client.get("/v1/widgets")).status_code == 200

            await db_proxy.stop()
            ready, took = await timed_get(client, "/readyz")
            assert_problem(ready, 503, "not-ready")
            assert ready.headers["retry-after"] == "5"
            assert took < 4
            api, took = await timed_get(client, "/v1/widgets")
            assert_problem(api, 503, "unavailable")
            assert took < 4

            await db_proxy.start()
            assert (await client.get("/readyz")).status_code == 200
            assert (await client.get("/v1/widgets")).status_code == 200

    async def test_a_database_restart_between_requests_goes_unnoticed(self, db_proxy: TcpProxy) -> None:
        app = create_app(KitTestSettings(database_url=db_proxy.url(), db_ping_after_idle_s=0.2))
        async with running(app, headers=ADMIN) as client:
            assert (await client.get("/v1/widgets")).status_code == 200  # leaves a pooled connection
            await db_proxy.stop()  # that connection dies while idle
            await db_proxy.start()
            await asyncio.sleep(0.3)  # idle past the threshold: pinged, found dead, replaced
            assert (await client.get("/v1/widgets")).status_code == 200
            assert (await client.get("/readyz")).status_code == 200

    async def test_readyz_is_503_when_the_schema_is_behind_head(
        self, kit_database_url: str, tmp_path: Path,
    ) -> None:
        ahead = tmp_path / "migrations"
        shutil.copytree(MIGRATIONS_DIR, ahead, ignore=shutil.ignore_patterns("__pycache__"))
        (ahead / "versions" / "0002_newer.py").write_text(NEWER_REVISION)
        app = create_app(KitTestSettings(database_url=kit_database_url), migrations_dir=ahead)
        async with running(app, headers=ADMIN) as client:
            body = assert_problem(await client.get("/readyz"), 503, "not-ready")
        assert "schema" in body["detail"]

    async def test_readyz_is_503_when_the_schema_was_never_migrated(self, kit_database_url: str) -> None:
        app = create_app(KitTestSettings(database_url=kit_database_url), schema="kit_test_unmigrated")
        async with running(app, headers=ADMIN) as client:
            body = assert_problem(await client.get("/readyz"), 503, "not-ready")
        assert "schema" in body["detail"]


class TestPingWhenIdle:
    async def test_only_a_connection_left_idle_is_pinged(self, kit_database_url: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
        engine = make_engine(kit_database_url, pool_size=1, ping_after_idle_s=0.2)
        pings = 0
        real_ping = engine.dialect.do_ping

        def counting_ping(dbapi_connection: object) -> bool:
            nonlocal pings
            pings += 1
            return real_ping(dbapi_connection)

        monkeypatch.setattr(engine.dialect, "do_ping", counting_ping)
        try:
            for _ in range(3):  # a fresh connection, then two in steady use: no pings
                async with engine.connect() as conn:
                    await conn.execute(text("SELECT 1"))
            assert pings == 0
            await asyncio.sleep(0.3)
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            assert pings == 1
        finally:
            await engine.dispose()
