from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from assets_api.db import SCHEMA
from assets_api.main import MIGRATIONS_DIR, create_app
from assets_api.settings import Settings
from carehub_kit.testing import migrate, running, truncate_schema


@pytest.fixture(scope="session")
def assets_app(database_url: str) -> FastAPI:
    migrate(MIGRATIONS_DIR, database_url, SCHEMA)
    return create_app(Settings(database_url=database_url))


@pytest.fixture
async def client(assets_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with running(assets_app) as http:
        try:
            yield http
        finally:
            await truncate_schema(assets_app.state.engine, SCHEMA)
