"""The three services mounted under /api/<svc>, with their lifespans run by the gateway."""

import re

import httpx
import pytest
from fastapi import FastAPI
from gateway_support import gateway_bearer

from carehub_gateway.services import SERVICES


async def test_mounted_services_answer_under_their_prefix(gateway_client: httpx.AsyncClient,
                                                          gateway_app: FastAPI) -> None:
    assert (await gateway_client.get("/api/assets/v1/homes")).status_code == 401  # no credentials
    homes = await gateway_client.get("/api/assets/v1/homes", headers=await gateway_bearer(gateway_app, "admin"))
    assert homes.status_code == 200
    assert homes.json() == {"items": [], "next_cursor": None}
    for name in ("assets", "careplan", "feedback"):
        ready = await gateway_client.get(f"/api/{name}/readyz")
        assert ready.status_code == 200, name
        assert ready.json()["status"] == "ready"


async def test_gateway_health_and_aggregated_readiness(gateway_client: httpx.AsyncClient) -> None:
    assert (await gateway_client.get("/healthz")).json() == {"status": "ok"}
    ready = await gateway_client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "checks": {
        "gateway": "ready", "assets": "ready", "careplan": "ready", "feedback": "ready"}}


@pytest.mark.parametrize("name", [s.name for s in SERVICES])
async def test_each_service_documents_itself_under_its_mount(
    gateway_client: httpx.AsyncClient, name: str
) -> None:
    docs = await gateway_client.get(f"/api/{name}/docs")
    assert docs.status_code == 200
    assert f"/api/{name}/openapi.json" in docs.text
    spec = await gateway_client.get(f"/api/{name}/openapi.json")
    assert spec.status_code == 200
    assert spec.json()["openapi"].startswith("3.1")
    assert "/readyz" in spec.json()["paths"]


async def test_created_home_is_read_back_through_the_gateway(gateway_client: httpx.AsyncClient,
                                                             gateway_app: FastAPI) -> None:
    gateway_client.headers.update(await gateway_bearer(gateway_app, "estates_officer"))
    created = await gateway_client.post("/api/assets/v1/homes", json={
        "name": "Test Home", "address_line1": "1 High Street", "town": "Widnes",
        "postcode": "WA8 7QA", "registered_beds": 10})
    assert created.status_code == 201, created.text
    home_id = created.json()["id"]
    # The service builds its Location from its own routes; under the mount it keeps the prefix.
    assert created.headers["location"].endswith(f"/api/assets/v1/homes/{home_id}")
    assert (await gateway_client.get(f"/api/assets/v1/homes/{home_id}")).json()["name"] == "Test Home"


async def test_request_id_is_echoed_once_on_mounted_responses(gateway_client: httpx.AsyncClient) -> None:
    sent = await gateway_client.get("/api/assets/v1/homes", headers={"X-Request-ID": "trace-123"})
    assert sent.headers.get_list("x-request-id") == ["trace-123"]
    made = await gateway_client.get("/api/careplan/healthz")
    assert len(made.headers.get_list("x-request-id")) == 1
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])


async def test_unknown_paths_are_problem_json_with_the_request_id(gateway_client: httpx.AsyncClient) -> None:
    for path in ("/api/assets/v1/nothing-here", "/api/nothing-here"):
        response = await gateway_client.get(path, headers={"X-Request-ID": "lost-1"})
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["request_id"] == "lost-1"
        assert response.json()["instance"] == path
