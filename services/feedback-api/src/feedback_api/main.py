"""feedback-api app factory."""

from pathlib import Path

from fastapi import FastAPI

import feedback_api.models  # noqa: F401  (every mapper configured before the first query)
from carehub_kit.app import create_service_app
from carehub_kit.settings import load_settings
from feedback_api.actions.router import router as actions_router
from feedback_api.board.router import router as board_router
from feedback_api.db import SCHEMA
from feedback_api.home_settings.router import router as home_settings_router
from feedback_api.items.conversations_router import router as conversations_router
from feedback_api.items.router import mine_router
from feedback_api.items.router import router as items_router
from feedback_api.permissions import MATRIX
from feedback_api.reports.router import router as reports_router
from feedback_api.settings import Settings
from feedback_api.surveys.router import router as surveys_router
from feedback_api.themes.router import router as themes_router
from feedback_api.workforce.router import benchmarks_router
from feedback_api.workforce.router import router as workforce_router

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def create_app(settings: Settings | None = None) -> FastAPI:
    return create_service_app(
        settings or load_settings(Settings),
        title="Care Hub feedback API",
        description="Managers' feedback tracked to actions and outcomes, pulse surveys, recruitment and retention.",
        schema=SCHEMA,
        migrations_dir=MIGRATIONS_DIR,
        permissions=MATRIX,
        routers=[themes_router, home_settings_router, items_router, mine_router, conversations_router,
                 actions_router, board_router, surveys_router, workforce_router, benchmarks_router,
                 reports_router],
    )
