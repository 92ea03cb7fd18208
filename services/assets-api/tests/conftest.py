import json
import uuid
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from assets_api import models  # noqa: F401  (every table in the metadata)
from assets_api.db import SCHEMA, metadata
from assets_api.main import MIGRATIONS_DIR, create_app
from assets_api.settings import Settings
from carehub_kit.testing import TokenIssuer, migrate, running

# The rule library the data migration puts in every database; restored after each test's truncate.
LIBRARY_TABLES = ("category", "inspection_rule")
JSON_COLUMNS = frozenset({"extra_schema", "thresholds"})


@pytest.fixture(scope="session")
def assets_app(database_url: str, token_issuer: TokenIssuer) -> FastAPI:
    migrate(MIGRATIONS_DIR, database_url, SCHEMA)
    app = create_app(Settings(database_url=database_url))
    token_issuer.install(app)
    return app


async def _snapshot(app: FastAPI) -> dict[str, list[dict[str, Any]]]:
    async with app.state.engine.connect() as conn:
        return {t: [dict(r._mapping) for r in await conn.execute(text(f"SELECT * FROM assets.{t}"))]
                for t in LIBRARY_TABLES}


async def _restore(app: FastAPI, library: dict[str, list[dict[str, Any]]]) -> None:
    async with app.state.engine.begin() as conn:
        for table, rows in library.items():
            columns = list(rows[0])
            placeholders = ", ".join(f"CAST(:{c} AS jsonb)" if c in JSON_COLUMNS else f":{c}" for c in columns)
            stmt = text(f"INSERT INTO assets.{table} ({', '.join(columns)}) VALUES ({placeholders})")
            await conn.execute(stmt, [_jsonable(r) for r in rows])


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v) if k in JSON_COLUMNS and v is not None else v for k, v in row.items()}


async def _reset(app: FastAPI, library: dict[str, list[dict[str, Any]]]) -> None:
    """Empty the schema between tests, then put the library back. DELETE in foreign-key order is
    far quicker than TRUNCATE on a handful of rows; the append-only audit table needs TRUNCATE."""
    async with app.state.engine.begin() as conn:
        await conn.execute(text("TRUNCATE assets.audit_event, assets.idempotency_key"))
        for table in reversed(metadata.sorted_tables):
            if table.name not in ("audit_event", "idempotency_key"):
                await conn.execute(table.delete())
    await _restore(app, library)


@pytest.fixture(scope="session")
async def assets_http(assets_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The app started once for the run (one engine and pool), and an in-process client."""
    async with running(assets_app) as http:
        assets_app.state.library = await _snapshot(assets_app)  # as migrated, before any test
        yield http


@pytest.fixture
async def anonymous(assets_http: httpx.AsyncClient, assets_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client with no credentials; pass `headers=token_issuer.headers(role, ...)` per call."""
    assets_http.headers.pop("Authorization", None)
    try:
        yield assets_http
    finally:
        await _reset(assets_app, assets_app.state.library)


@pytest.fixture
def client(anonymous: httpx.AsyncClient, token_issuer: TokenIssuer) -> httpx.AsyncClient:
    """Signed in as an estates officer, who may manage every home."""
    anonymous.headers.update(token_issuer.headers("estates_officer", sub="estates-1"))
    return anonymous


class Estate:
    """Builds test data over HTTP as an estates officer (so every write goes through the rules)."""

    def __init__(self, http: httpx.AsyncClient, app: FastAPI) -> None:
        self.http, self.app = http, app

    async def _post(self, url: str, body: dict[str, Any]) -> dict[str, Any]:
        response = await self.http.post(url, json=body)
        assert response.status_code == 201, response.text
        return response.json()  # type: ignore[no-any-return]

    async def home(self, name: str = "Naughton Fields") -> dict[str, Any]:
        return await self._post("/v1/homes", {"name": name, "address_line1": "Naughton Road", "town": "Widnes",
                                              "postcode": "WA8 3BW", "registered_beds": 40})

    async def location(self, home_id: str, kind: str = "building", parent_id: str | None = None,
                       **extra: Any) -> dict[str, Any]:
        return await self._post("/v1/locations", {"home_id": home_id, "kind": kind, "parent_id": parent_id,
                                                  "name": extra.pop("name", f"{kind} {uuid.uuid4().hex[:4]}"),
                                                  **extra})

    async def category_id(self, code: str) -> str:
        async with self.app.state.engine.connect() as conn:
            return str((await conn.execute(text("SELECT id FROM assets.category WHERE code = :c"),
                                           {"c": code})).scalar_one())

    async def rule_id(self, code: str) -> str:
        async with self.app.state.engine.connect() as conn:
            return str((await conn.execute(text("SELECT id FROM assets.inspection_rule WHERE code = :c"),
                                           {"c": code})).scalar_one())

    async def asset(self, home_id: str, category: str = "hoist", **fields: Any) -> dict[str, Any]:
        body: dict[str, Any] = {"home_id": home_id, "category_id": await self.category_id(category),
                                "name": f"{category} {uuid.uuid4().hex[:4]}"}
        if category == "hoist":
            body["extra"] = {"safe_working_load_kg": 180}
        return await self._post("/v1/assets", {**body, **fields})

    async def inspect(self, asset_id: str, rule: str, when: date, outcome: str = "pass",
                      **fields: Any) -> dict[str, Any]:
        return await self._post("/v1/inspections", {
            "asset_id": asset_id, "rule_id": await self.rule_id(rule), "inspected_date": when.isoformat(),
            "outcome": outcome, "inspector_name": "A. Engineer", **fields})

    async def count(self, table: str, where: str = "true") -> int:
        async with self.app.state.engine.connect() as conn:
            return int((await conn.execute(text(f"SELECT count(*) FROM assets.{table} WHERE {where}"))).scalar_one())


@pytest.fixture
def estate(client: httpx.AsyncClient, assets_app: FastAPI) -> Estate:
    return Estate(client, assets_app)
