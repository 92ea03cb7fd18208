"""The committed OpenAPI contracts, `services/<svc>/openapi.json`, written from each app with
the kit's one rendering (the same bytes each service's contract test compares against).
Building the schema touches no database, so the kit's offline URL is enough."""

from pathlib import Path

from carehub_gateway.services import Service
from carehub_kit import openapi as kit_openapi


def render(service: Service) -> str:
    return kit_openapi.render(service.create_app(kit_openapi.OFFLINE_DATABASE_URL))


def write(service: Service, path: Path | None = None) -> Path:
    path = path or service.contract_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(service), encoding="utf-8")
    return path


def is_current(service: Service, path: Path | None = None) -> bool:
    path = path or service.contract_file
    return path.is_file() and path.read_text(encoding="utf-8") == render(service)
