"""The split topology, run for real without containers (tests/split_support.py): each service its
own process with its own database role, the gateway alone (`carehub serve`), nginx in front with
the deployed config. Through nginx: the cross-service scenario of a person signed in with a
session; the roles kept apart in the database; a stopped service answering 503 on its own routes
only."""

import asyncio
import sys
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from carehub_gateway.demo_accounts import DEMO_PASSWORD

sys.path.append(str(Path(__file__).resolve().parent))  # --import-mode=importlib: the helper beside this file
from split_support import NGINX, Topology, fetch_value, role_url, split_topology  # noqa: E402

pytestmark = pytest.mark.skipif(NGINX is None, reason="no nginx binary installed (apt-get install nginx-light)")

PROBLEM = "application/problem+json"
STAFFING_THEME = "carehub:theme:staffing"


@pytest.fixture(scope="module")
def topology(request: pytest.FixtureRequest) -> Iterator[Topology]:
    failed_before = request.session.testsfailed
    with split_topology() as running:
        yield running
        if request.session.testsfailed > failed_before:  # the processes' own words, for the report
            sys.stderr.write(running.logs())


class Browser:
    """A person at the web app: a session cookie, and the CSRF token for changes."""

    def __init__(self, base: str, username: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=10)
        signed_in = self.http.post("/auth/login", json={"username": username, "password": DEMO_PASSWORD})
        assert signed_in.status_code == 200, signed_in.text
        self.me: dict[str, Any] = signed_in.json()

    def get(self, url: str, **params: Any) -> httpx.Response:
        return self.http.get(url, params=params)

    def post(self, url: str, body: dict[str, Any]) -> httpx.Response:
        return self.http.post(url, json=body, headers={"X-CSRF-Token": self.me["csrf_token"]})

    def created(self, url: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self.post(url, body)
        assert response.status_code == 201, response.text
        made: dict[str, Any] = response.json()
        return made


def _uuid5(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def test_the_scenario_across_every_service_through_nginx(topology: Topology) -> None:
    manager = Browser(topology.nginx, "home.manager")
    carer = Browser(topology.nginx, "care.worker")
    assert manager.http.get("/auth/me").status_code == 200
    assert manager.http.get("/").status_code == 200  # the web app (or its not-built page) from the gateway

    # Read homes: only the manager's own.
    homes = manager.get("/api/assets/v1/homes")
    assert homes.status_code == 200, homes.text
    assert homes.headers["x-request-id"]
    home = next(h for h in manager.me["homes"] if h not in carer.me["homes"])  # not the care worker's
    assert {h["id"] for h in homes.json()["items"]} == set(manager.me["homes"])

    # Add a resident, record a note.
    resident = manager.created("/api/careplan/v1/residents", {
        "home_id": home, "given_name": "Margaret", "family_name": "Ashworth", "date_of_birth": "1938-04-12",
        "sex": "female", "nhs_number": "943 476 5919",
        "admission_date": (date.today() - timedelta(days=3)).isoformat()})
    note = manager.created(f"/api/careplan/v1/residents/{resident['id']}/notes", {
        "occurred_at": (datetime.now().astimezone() - timedelta(minutes=10)).isoformat(),
        "category": "mood_and_wellbeing", "text": "Cheerful at breakfast."})
    notes = manager.get(f"/api/careplan/v1/residents/{resident['id']}/notes")
    assert [n["id"] for n in notes.json()["items"]] == [note["id"]]

    # Record an inspection of one of the home's hoists.
    hoist = next(a for a in manager.get("/api/assets/v1/assets", home_id=home, limit=200).json()["items"]
                 if "hoist" in a["name"].lower())
    rules = manager.get("/api/assets/v1/inspection-rules", limit=200).json()["items"]
    rule = next(r for r in rules if r["code"] == "loler_hoist")
    manager.created("/api/assets/v1/inspections", {
        "asset_id": hoist["id"], "rule_id": rule["id"], "inspected_date": str(date.today() - timedelta(days=1)),
        "outcome": "pass", "inspector_name": "A. Engineer"})

    # Submit feedback.
    manager.created("/api/feedback/v1/feedback-items", {
        "home_id": home, "theme_id": _uuid5(STAFFING_THEME), "kind": "not_working", "importance": "high",
        "summary": "Night shift is short of two carers most weeks"})

    # A change without the CSRF token is refused at the edge, as problem+json.
    refused = manager.http.post("/api/feedback/v1/feedback-items", json={})
    assert refused.status_code == 403
    assert refused.headers["content-type"] == PROBLEM

    # Another home's resident does not exist for the care worker: 404, not 403.
    assert manager.get(f"/api/careplan/v1/residents/{resident['id']}").status_code == 200
    assert carer.get(f"/api/careplan/v1/residents/{resident['id']}").status_code == 404
    # The token is only ever for the services: the gateway's /auth/forward is not reachable from outside.
    outside = manager.http.get("/auth/forward")
    assert outside.status_code == 404
    assert "authorization" not in outside.headers
    # No session: the service itself answers 401.
    assert httpx.get(f"{topology.nginx}/api/assets/v1/homes", timeout=5).status_code == 401


def test_an_integrators_own_token_goes_through(topology: Topology) -> None:
    token = httpx.get(f"{topology.nginx}/auth/jwks.json", timeout=5)
    assert token.status_code == 200
    assert token.json()["keys"]
    discovery = httpx.get(f"{topology.nginx}/.well-known/openid-configuration", timeout=5)
    assert discovery.status_code == 200
    bad = httpx.get(f"{topology.nginx}/api/assets/v1/homes", headers={"Authorization": "Bearer not.a.token"},
                    timeout=5)
    assert bad.status_code == 401  # judged by the service, not replaced by a session token


def test_the_assets_role_cannot_read_care_plans(topology: Topology) -> None:
    as_assets = role_url(topology.server_url, "assets")
    assert asyncio.run(fetch_value(as_assets, "SELECT count(*) FROM assets.home")) is not None
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        asyncio.run(fetch_value(as_assets, "SELECT count(*) FROM careplan.resident"))
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        asyncio.run(fetch_value(role_url(topology.server_url, "gateway"), "SELECT count(*) FROM careplan.resident"))


def test_a_stopped_service_answers_503_and_the_others_keep_working(topology: Topology) -> None:
    """Last in this module: it stops careplan-api."""
    manager = Browser(topology.nginx, "home.manager")
    assert manager.get("/api/careplan/v1/residents").status_code == 200
    topology.processes["careplan"].stop()

    for path in ("/api/careplan/v1/residents", "/api/careplan/readyz"):
        down = manager.get(path)
        assert down.status_code == 503, path
        assert down.headers["content-type"] == PROBLEM
        assert down.headers["retry-after"] == "5"
        assert down.json()["title"] == "Service unavailable"
    assert manager.get("/api/assets/v1/homes").status_code == 200
    assert manager.get("/api/feedback/v1/feedback-items").status_code == 200
    assert manager.http.get("/auth/me").status_code == 200
