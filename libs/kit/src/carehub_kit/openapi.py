"""The committed OpenAPI contract: one deterministic rendering used by `make openapi` and by
each service's contract test, so the file and the app can be compared byte for byte."""

import json
from pathlib import Path

from fastapi import FastAPI

# Settings for rendering the schema only: building the app touches no database.
OFFLINE_DATABASE_URL = "postgresql://offline@localhost/offline"


def render(app: FastAPI) -> str:
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def contract_path(service_root: Path) -> Path:
    return service_root / "openapi.json"


def write(app: FastAPI, service_root: Path) -> Path:
    path = contract_path(service_root)
    path.write_text(render(app), encoding="utf-8")
    return path
