"""The test app factory and its settings (`DATABASE_URL`, and `KITTEST_*` for the rest)."""

from pathlib import Path

from fastapi import FastAPI
from pydantic_settings import SettingsConfigDict

from carehub_kit.app import create_service_app
from carehub_kit.auth import ALL_ROLES, Permissions, Role
from carehub_kit.settings import ServiceSettings
from carehub_kit.testing import TokenIssuer
from kit_widgets.db import SCHEMA
from kit_widgets.router import faults, router

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Every widgets app trusts this issuer; the kit's behaviours, not authorisation, are under test.
ISSUER = TokenIssuer()
ADMIN = ISSUER.headers("admin", sub="kit-tester")
# Published in the contract as x-carehub-permissions.
PERMISSIONS = Permissions[str]({"widget.read": ALL_ROLES, "widget.manage": frozenset({Role.admin})})


class KitTestSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="KITTEST_", extra="ignore", frozen=True,
                                      validate_by_name=True)


def create_app(settings: KitTestSettings, *, schema: str = SCHEMA,
               migrations_dir: Path = MIGRATIONS_DIR) -> FastAPI:
    app = create_service_app(
        settings, title="Kit test widgets", description="Exercises carehub_kit.", schema=schema,
        migrations_dir=migrations_dir, routers=[router, faults], permissions=PERMISSIONS,
    )
    app.state.after_read = None
    ISSUER.install(app)
    return app
