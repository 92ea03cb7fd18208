"""Fixtures for the feedback-api suite. Names carry a `feedback_` prefix: other services'
conftests define `client` and friends, and pytest runs with --import-mode=importlib."""

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from carehub_kit.testing import TokenIssuer, migrate, running
from feedback_api.db import SCHEMA
from feedback_api.main import MIGRATIONS_DIR, create_app
from feedback_api.settings import Settings

# --import-mode=importlib leaves sys.path alone; the helpers live beside this file.
sys.path.append(str(Path(__file__).resolve().parent))

from feedback_support import As  # noqa: E402


@pytest.fixture(scope="session")
def feedback_app(database_url: str, token_issuer: TokenIssuer) -> FastAPI:
    migrate(MIGRATIONS_DIR, database_url, SCHEMA)
    app = create_app(Settings(database_url=database_url, receipt_secret="test-secret-for-receipts-only"))
    token_issuer.install(app)
    return app


# Children before parents; DELETE is much faster than TRUNCATE on a handful of rows. The
# append-only audit table refuses DELETE, so it alone is truncated.
_EMPTY = ("feedback_action_item", "feedback_message", "survey_answer", "survey_response", "survey_receipt",
          "survey_question", "survey", "feedback_action", "feedback_item", "feedback_contributor",
          "workforce_role_line", "workforce_return", "home_setting", "idempotency_key")


_RESET = ";\n".join([
    "TRUNCATE feedback.audit_event",
    *(f"DELETE FROM feedback.{table}" for table in _EMPTY),
    "DELETE FROM feedback.theme WHERE code NOT IN ('staffing', 'training', 'equipment_and_estate',"
    " 'digital_and_care_planning', 'care_practice', 'management_support', 'wellbeing', 'recruitment', 'other')",
    "UPDATE feedback.theme SET archived_at = NULL, version = 1 WHERE version <> 1 OR archived_at IS NOT NULL",
    "DELETE FROM feedback.benchmark WHERE indicator NOT IN ('vacancy_rate', 'turnover_rate')",
    "UPDATE feedback.benchmark SET value = CASE indicator WHEN 'vacancy_rate' THEN 7.0 ELSE 24.7 END, version = 1"
    " WHERE version <> 1",
])


async def _reset(app: FastAPI) -> None:
    """One round trip: the whole script through the driver's simple-query protocol."""
    async with app.state.engine.connect() as conn:
        raw = await conn.get_raw_connection()
        await raw.driver_connection.execute(_RESET)  # type: ignore[union-attr]


@pytest.fixture(scope="session")
async def feedback_running(feedback_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with running(feedback_app) as http:
        yield http


@pytest.fixture
async def feedback_http(feedback_running: httpx.AsyncClient, feedback_app: FastAPI
                        ) -> AsyncIterator[httpx.AsyncClient]:
    """No credentials: pass `headers=feedback_as(...)` per call. Every table is emptied after."""
    try:
        yield feedback_running
    finally:
        await _reset(feedback_app)


@pytest.fixture(scope="session")
def feedback_as(token_issuer: TokenIssuer) -> As:
    return As(token_issuer)



