"""assets-api app factory."""

from pathlib import Path

from fastapi import FastAPI

from assets_api.db import SCHEMA
from assets_api.homes.router import router as homes_router
from assets_api.settings import Settings
from carehub_kit.app import create_service_app
from carehub_kit.settings import load_settings

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def create_app(settings: Settings | None = None) -> FastAPI:
    return create_service_app(
        settings or load_settings(Settings),
        title="Care Hub assets API",
        description="Homes, their rooms and areas, equipment and building systems, and the "
        "statutory inspections each needs.",
        schema=SCHEMA,
        migrations_dir=MIGRATIONS_DIR,
        routers=[homes_router],
    )
