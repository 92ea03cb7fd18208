"""Fixtures for the kit's own suite: a tiny widgets service (tests/kit_widgets) on the kit."""

import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import structlog
from fastapi import FastAPI

from carehub_kit.testing import migrate, running, truncate_schema

# --import-mode=importlib leaves sys.path alone; the test app and helpers live beside this file.
sys.path.append(str(Path(__file__).resolve().parent))

from kit_widgets.db import SCHEMA  # noqa: E402
from kit_widgets.main import ADMIN, MIGRATIONS_DIR, KitTestSettings, create_app  # noqa: E402


@pytest.fixture(scope="session")
def kit_database_url(database_url: str) -> str:
    """The run's database with the `kit_test` schema migrated to head."""
    migrate(MIGRATIONS_DIR, database_url, SCHEMA)
    return database_url


@pytest.fixture(scope="session")
def kit_app(kit_database_url: str) -> FastAPI:
    return create_app(KitTestSettings(database_url=kit_database_url))


@pytest.fixture
async def kit_client(kit_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with running(kit_app, headers=ADMIN) as http:
        try:
            yield http
        finally:
            await truncate_schema(kit_app.state.engine, SCHEMA)


@pytest.fixture
def kit_log_lines(kit_app: FastAPI) -> Iterator[list[str]]:
    """Every JSON log line rendered while the test runs, exactly as written to stdout.

    A tee at the end of the configured structlog chain (the list is changed in place, as
    structlog.testing.capture_logs does, so already-cached loggers see it too)."""
    lines: list[str] = []

    def tee(_logger: Any, _method: str, rendered: Any) -> Any:
        lines.append(rendered)
        return rendered

    processors = structlog.get_config()["processors"]
    processors.append(tee)
    try:
        yield lines
    finally:
        processors.remove(tee)
