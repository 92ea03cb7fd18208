"""/metrics labels requests by route template, never by raw path."""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from kit_widgets.db import SCHEMA
from kit_widgets.main import ADMIN, KitTestSettings, create_app
from prometheus_client.parser import text_string_to_metric_families

from carehub_kit.testing import running, truncate_schema


@pytest.fixture
async def fresh_client(kit_database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """An app of its own, so its counters start at zero."""
    app: FastAPI = create_app(KitTestSettings(database_url=kit_database_url))
    async with running(app, headers=ADMIN) as client:
        try:
            yield client
        finally:
            await truncate_schema(app.state.engine, SCHEMA)


def request_counts(exposition: str) -> dict[tuple[str, str, str], float]:
    return {
        (s.labels["method"], s.labels["route"], s.labels["status"]): s.value
        for family in text_string_to_metric_families(exposition) if family.name == "http_requests"
        for s in family.samples if s.name == "http_requests_total"
    }


class TestMetrics:
    async def test_requests_are_counted_by_route_template(self, fresh_client: httpx.AsyncClient) -> None:
        ids = [(await fresh_client.post("/v1/widgets", json={"name": n, "rank": 1})).json()["id"]
               for n in ("a", "b")]
        for widget_id in ids:
            assert (await fresh_client.get(f"/v1/widgets/{widget_id}")).status_code == 200
        missing = str(uuid.uuid4())
        assert (await fresh_client.get(f"/v1/widgets/{missing}")).status_code == 404
        assert (await fresh_client.get(f"/v1/no-such-route/{missing}")).status_code == 404

        response = await fresh_client.get("/metrics")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/plain")
        counts = request_counts(response.text)
        assert counts[("GET", "/v1/widgets/{widget_id}", "200")] == 2
        assert counts[("GET", "/v1/widgets/{widget_id}", "404")] == 1
        assert counts[("POST", "/v1/widgets", "201")] == 2
        assert counts[("GET", "<unmatched>", "404")] == 1
        for raw in (*ids, missing, "no-such-route"):
            assert raw not in response.text

    async def test_latency_is_recorded_by_route_template(self, fresh_client: httpx.AsyncClient) -> None:
        await fresh_client.get("/healthz")
        response = await fresh_client.get("/metrics")
        families = {f.name: f for f in text_string_to_metric_families(response.text)}
        counts = [s for s in families["http_request_duration_seconds"].samples
                  if s.name.endswith("_count") and s.labels["route"] == "/healthz"]
        assert [s.value for s in counts] == [1]

    async def test_each_app_keeps_its_own_registry(
        self, fresh_client: httpx.AsyncClient, kit_client: httpx.AsyncClient,
    ) -> None:
        await kit_client.get("/healthz")
        counts = request_counts((await fresh_client.get("/metrics")).text)
        assert ("GET", "/healthz", "200") not in counts
