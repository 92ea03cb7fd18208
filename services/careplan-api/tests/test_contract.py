"""The committed openapi.json is the contract integrators build against: it must match the app."""

from carehub_kit.openapi import OFFLINE_DATABASE_URL, contract_path, render
from careplan_api.main import MIGRATIONS_DIR, create_app
from careplan_api.settings import Settings


def test_committed_openapi_matches_the_app() -> None:
    app = create_app(Settings(database_url=OFFLINE_DATABASE_URL))
    committed = contract_path(MIGRATIONS_DIR.parent).read_text(encoding="utf-8")
    assert render(app) == committed, "the API changed: run 'make openapi' and commit openapi.json"
