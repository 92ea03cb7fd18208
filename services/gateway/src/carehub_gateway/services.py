"""The three API services the gateway mounts, in one place: their names, schemas, migrations and
app factories. The gateway is the one package allowed to import the services."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI

import assets_api.db
import assets_api.main
import assets_api.settings
import careplan_api.db
import careplan_api.main
import careplan_api.settings
import feedback_api.db
import feedback_api.main
import feedback_api.settings
from carehub_gateway import db as gateway_db
from carehub_kit.openapi import contract_path


@dataclass(frozen=True)
class Service:
    name: str  # the path segment: /api/<name>/
    schema: str
    migrations_dir: Path
    create_app: Callable[[str], FastAPI]  # database URL -> app

    @property
    def mount_path(self) -> str:
        return f"/api/{self.name}"

    @property
    def contract_file(self) -> Path:
        """The committed OpenAPI contract, `services/<svc>/openapi.json`."""
        return contract_path(self.migrations_dir.parent)


def _assets(url: str) -> FastAPI:
    return assets_api.main.create_app(assets_api.settings.Settings(database_url=url))


def _careplan(url: str) -> FastAPI:
    return careplan_api.main.create_app(careplan_api.settings.Settings(database_url=url))


def _feedback(url: str) -> FastAPI:
    return feedback_api.main.create_app(feedback_api.settings.Settings(database_url=url))


SERVICES: tuple[Service, ...] = (
    Service("assets", assets_api.db.SCHEMA, assets_api.main.MIGRATIONS_DIR, _assets),
    Service("careplan", careplan_api.db.SCHEMA, careplan_api.main.MIGRATIONS_DIR, _careplan),
    Service("feedback", feedback_api.db.SCHEMA, feedback_api.main.MIGRATIONS_DIR, _feedback),
)

# Every schema `carehub migrate` looks after, in the order it migrates them: (name, schema, dir).
SCHEMAS: tuple[tuple[str, str, Path], ...] = (
    *((s.name, s.schema, s.migrations_dir) for s in SERVICES),
    ("gateway", gateway_db.SCHEMA, gateway_db.MIGRATIONS_DIR),
)


def service(name: str) -> Service:
    for s in SERVICES:
        if s.name == name:
            return s
    raise KeyError(name)
