"""assets-api app factory."""

from pathlib import Path

from fastapi import FastAPI

from assets_api.assets.router import router as assets_router
from assets_api.categories.router import router as categories_router
from assets_api.compliance.router import router as compliance_router
from assets_api.db import SCHEMA
from assets_api.defects.router import router as defects_router
from assets_api.exports.router import router as exports_router
from assets_api.homes.router import router as homes_router
from assets_api.imports.router import router as imports_router
from assets_api.inspections.router import router as inspections_router
from assets_api.labels.router import router as labels_router
from assets_api.locations.router import router as locations_router
from assets_api.permissions import MATRIX
from assets_api.recalls.router import router as recalls_router
from assets_api.rules.router import overrides as overrides_router
from assets_api.rules.router import router as rules_router
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
        permissions=MATRIX,
        routers=[homes_router, locations_router, categories_router, rules_router, overrides_router, assets_router,
                 inspections_router, defects_router, compliance_router, recalls_router,
                 exports_router, labels_router, imports_router],
    )
