"""feedback-api app factory."""

from pathlib import Path

from fastapi import FastAPI

from carehub_kit.app import create_service_app
from carehub_kit.settings import load_settings
from feedback_api.db import SCHEMA
from feedback_api.settings import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def create_app(settings: Settings | None = None) -> FastAPI:
    return create_service_app(
        settings or load_settings(Settings),
        title="Care Hub feedback API",
        description="Managers' feedback tracked to actions and outcomes, pulse surveys, recruitment and retention.",
        schema=SCHEMA,
        migrations_dir=MIGRATIONS_DIR,
        routers=[],
    )
