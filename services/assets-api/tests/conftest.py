from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from assets_api.db import SCHEMA
from assets_api.main import MIGRATIONS_DIR, create_app
from assets_api.settings import Settings
from carehub_kit.testing import TokenIssuer, migrate, running, truncate_schema


@pytest.fixture(scope="session")
def assets_app(database_url: str, token_issuer: TokenIssuer) -> FastAPI:
    migrate(MIGRATIONS_DIR, database_url, SCHEMA)
    app = create_app(Settings(database_url=database_url))
    token_issuer.install(app)
    return app


@pytest.fixture
async def anonymous(assets_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client with no credentials; pass `headers=token_issuer.headers(role, ...)` per call."""
    async with running(assets_app) as http:
        try:
            yield http
        finally:
            await truncate_schema(assets_app.state.engine, SCHEMA)


@pytest.fixture
def client(anonymous: httpx.AsyncClient, token_issuer: TokenIssuer) -> httpx.AsyncClient:
    """Signed in as an estates officer, who may manage every home."""
    anonymous.headers.update(token_issuer.headers("estates_officer", sub="estates-1"))
    return anonymous
