"""careplan-api fixtures. Names carry a `careplan_` prefix: other suites' conftests define
`client` and friends, and pytest runs with --import-mode=importlib."""

import uuid
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from carehub_kit.testing import TokenIssuer, migrate, running, truncate_schema
from careplan_api.db import SCHEMA
from careplan_api.main import MIGRATIONS_DIR, create_app
from careplan_api.settings import Settings

HOME = str(uuid.UUID("00000000-0000-4000-8000-000000000001"))
OTHER_HOME = str(uuid.UUID("00000000-0000-4000-8000-000000000002"))
VALID_NHS = "943 476 5919"


def resident_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "home_id": HOME, "given_name": "Margaret", "family_name": "Ashworth", "preferred_name": "Peggy",
        "date_of_birth": "1938-04-12", "sex": "female", "nhs_number": VALID_NHS,
        "admission_date": (date.today() - timedelta(days=30)).isoformat(),
        "what_matters_to_me": "My cat Smudge and a proper cup of tea.",
    }
    body.update(overrides)
    return body


def section(domain: str = "mobility_and_falls", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "domain": domain, "needs": "Unsteady on her feet after a fall in March.",
        "goals": [{"description": "Walk to the dining room with her frame", "measure": "Daily, without a fall"}],
        "interventions": [{"what": "Walk with her, frame within reach", "how_often": "Each meal",
                           "by_whom": "Care team"}],
        "preferences": "I like to take my time.",
    }
    body.update(overrides)
    return body


class CareplanApi:
    """Builds records through the HTTP API as a home manager (or a given role)."""

    HOME, OTHER_HOME, VALID_NHS = HOME, OTHER_HOME, VALID_NHS
    resident_body = staticmethod(resident_body)
    section = staticmethod(section)

    def __init__(self, http: httpx.AsyncClient, issuer: TokenIssuer) -> None:
        self.http, self.issuer = http, issuer

    def as_role(self, role: str, home: str = HOME, sub: str | None = None) -> dict[str, str]:
        return self.issuer.headers(role, homes=(home,), sub=sub or f"{role}-1")

    @property
    def manager(self) -> dict[str, str]:
        return self.as_role("home_manager")

    async def admit(self, **overrides: Any) -> dict[str, Any]:
        response = await self.http.post("/v1/residents", json=resident_body(**overrides), headers=self.manager)
        assert response.status_code == 201, response.text
        return response.json()  # type: ignore[no-any-return]

    async def draft(self, resident_id: str, sections: list[dict[str, Any]] | None = None,
                    based_on: int | None = None, reason: str = "Admission assessment") -> dict[str, Any]:
        response = await self.http.post(
            f"/v1/residents/{resident_id}/care-plan/versions", headers=self.manager,
            json={"based_on_version": based_on, "reason": reason, "sections": sections or [section()]})
        assert response.status_code == 201, response.text
        return response.json()  # type: ignore[no-any-return]

    async def sign_off(self, resident_id: str, number: int) -> dict[str, Any]:
        response = await self.http.post(
            f"/v1/residents/{resident_id}/care-plan/versions/{number}/sign-off", headers=self.manager,
            json={"involvement": "resident", "involvement_note": "Agreed with Peggy in her room."})
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    async def note(self, resident_id: str, headers: dict[str, str] | None = None, **overrides: Any) -> httpx.Response:
        # Now, not a little earlier: just after midnight, "10 minutes ago" is yesterday's record.
        body = {"occurred_at": datetime.now().astimezone().isoformat(),
                "category": "mood_and_wellbeing", "text": "Cheerful at breakfast.", **overrides}
        return await self.http.post(f"/v1/residents/{resident_id}/notes", json=body, headers=headers or self.manager)

    async def count(self, app: FastAPI, table: str, where: str = "true") -> int:
        async with app.state.engine.connect() as conn:
            return int((await conn.execute(text(f"SELECT count(*) FROM careplan.{table} WHERE {where}"))).scalar_one())


@pytest.fixture(scope="session")
def careplan_app(database_url: str, token_issuer: TokenIssuer) -> FastAPI:
    migrate(MIGRATIONS_DIR, database_url, SCHEMA)
    app = create_app(Settings(database_url=database_url))
    token_issuer.install(app)
    return app


@pytest.fixture
async def careplan_http(careplan_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client with no credentials; pass headers per call."""
    async with running(careplan_app) as http:
        try:
            yield http
        finally:
            await truncate_schema(careplan_app.state.engine, SCHEMA)


@pytest.fixture
def careplan(careplan_http: httpx.AsyncClient, token_issuer: TokenIssuer) -> CareplanApi:
    return CareplanApi(careplan_http, token_issuer)
