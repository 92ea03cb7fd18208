"""Keyset pagination: total order over ties, Link headers, and strict limit/cursor/sort checks."""

import base64
import json
import re
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from kit_support import assert_problem
from kit_widgets.models import Widget
from sqlalchemy import insert

WIDGETS = 120
RANKS = 4  # 30 widgets share each rank, so page boundaries fall inside runs of equal values
SOME_ID = "0f8fad5b-d9cb-469f-a165-70867728950e"


@pytest.fixture
async def widgets(kit_client: httpx.AsyncClient, kit_app: FastAPI) -> list[dict[str, Any]]:
    rows = [{"id": uuid.uuid4(), "name": f"w{i:03}", "rank": i % RANKS, "version": 1}
            for i in range(WIDGETS)]
    async with kit_app.state.engine.begin() as conn:
        await conn.execute(insert(Widget), rows)
    return rows


def next_link(response: httpx.Response) -> str | None:
    match = re.fullmatch(r'<([^>]+)>; rel="next"', response.headers.get("link", ""))
    return match.group(1) if match else None


async def walk(client: httpx.AsyncClient, url: str) -> list[dict[str, Any]]:
    """Follow Link rel="next" to the end, checking each page's shape on the way."""
    items: list[dict[str, Any]] = []
    link: str | None = url
    while link is not None:
        response = await client.get(link)
        assert response.status_code == 200, response.text
        page = response.json()
        link = next_link(response)
        if page["next_cursor"] is None:
            assert link is None
        else:
            assert len(page["items"]) == 7
            assert link is not None
            assert f"cursor={page['next_cursor']}" in link
        items.extend(page["items"])
        assert len(items) <= WIDGETS, "pagination does not terminate"
    return items


def cursor_of(*parts: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(parts)).encode()).decode().rstrip("=")


class TestPagination:
    @pytest.mark.parametrize("sort", ["rank", "-rank"])
    async def test_walks_every_widget_once_in_order(
        self, kit_client: httpx.AsyncClient, widgets: list[dict[str, Any]], sort: str,
    ) -> None:
        items = await walk(kit_client, f"/v1/widgets?sort={sort}&limit=7")
        ids = [item["id"] for item in items]
        assert len(ids) == len(set(ids)) == WIDGETS
        assert set(ids) == {str(w["id"]) for w in widgets}
        expected = sorted(widgets, key=lambda w: (w["rank"], w["id"]), reverse=sort == "-rank")
        assert ids == [str(w["id"]) for w in expected]

    async def test_next_cursor_walk_matches_link_walk(
        self, kit_client: httpx.AsyncClient, widgets: list[dict[str, Any]],
    ) -> None:
        ids: list[str] = []
        params: dict[str, Any] = {"sort": "rank", "limit": 7}
        for _ in range(WIDGETS):
            page = (await kit_client.get("/v1/widgets", params=params)).json()
            ids += [item["id"] for item in page["items"]]
            if page["next_cursor"] is None:
                break
            params["cursor"] = page["next_cursor"]
        assert ids == [item["id"] for item in await walk(kit_client, "/v1/widgets?limit=7")]

    async def test_last_page_has_no_link_even_when_exactly_full(
        self, kit_client: httpx.AsyncClient, widgets: list[dict[str, Any]],
    ) -> None:
        first = await kit_client.get("/v1/widgets", params={"limit": 60})
        assert next_link(first) is not None
        second = await kit_client.get(
            "/v1/widgets", params={"limit": 60, "cursor": first.json()["next_cursor"]})
        assert len(second.json()["items"]) == 60
        assert second.json()["next_cursor"] is None
        assert "link" not in second.headers

    async def test_default_and_maximum_limits(
        self, kit_client: httpx.AsyncClient, widgets: list[dict[str, Any]],
    ) -> None:
        default = (await kit_client.get("/v1/widgets")).json()
        assert len(default["items"]) == 50
        assert default["next_cursor"] is not None
        everything = await kit_client.get("/v1/widgets", params={"limit": 200})
        assert len(everything.json()["items"]) == WIDGETS
        assert everything.json()["next_cursor"] is None
        assert "link" not in everything.headers

    @pytest.mark.parametrize("limit", ["0", "-1", "201", "10000", "ten"])
    async def test_out_of_range_limit_is_refused_not_clamped(
        self, kit_client: httpx.AsyncClient, limit: str,
    ) -> None:
        body = assert_problem(await kit_client.get(f"/v1/widgets?limit={limit}"), 422)
        assert [e["loc"] for e in body["errors"]] == [["query", "limit"]]

    @pytest.mark.parametrize("cursor", [
        pytest.param("garbage", id="not-base64-json"),
        pytest.param("!!!", id="not-base64"),
        pytest.param("x" * 513, id="too-long"),
        pytest.param(cursor_of("rank", 1), id="two-parts"),
        pytest.param(cursor_of("rank", "one", SOME_ID), id="value-not-int"),
        pytest.param(cursor_of("rank", [1], SOME_ID), id="value-a-list"),
        pytest.param(cursor_of("rank", 1, "not-a-uuid"), id="id-not-uuid"),
        pytest.param(base64.urlsafe_b64encode(b'{"a": 1}').decode(), id="json-object"),
        pytest.param(base64.urlsafe_b64encode(b"\xff\xfe").decode(), id="not-utf8"),
    ])
    async def test_garbage_cursor_is_refused(self, kit_client: httpx.AsyncClient, cursor: str) -> None:
        body = assert_problem(await kit_client.get("/v1/widgets", params={"cursor": cursor}), 422)
        assert [e["loc"] for e in body["errors"]] == [["query", "cursor"]]

    @pytest.mark.parametrize(("sort", "value"), [
        ("rank", 2**31), ("rank", -(2**31) - 1), ("rank", 10**30), ("name", "nul\u0000byte"),
    ])
    async def test_forged_cursor_the_column_cannot_hold_is_refused(
        self, kit_client: httpx.AsyncClient, sort: str, value: Any,
    ) -> None:
        cursor = cursor_of(sort, value, SOME_ID)
        response = await kit_client.get("/v1/widgets", params={"sort": sort, "cursor": cursor})
        body = assert_problem(response, 422)
        assert [e["loc"] for e in body["errors"]] == [["query", "cursor"]]

    async def test_cursor_at_the_edge_of_the_column_range_is_accepted(
        self, kit_client: httpx.AsyncClient, widgets: list[dict[str, Any]],
    ) -> None:
        cursor = cursor_of("rank", -(2**31), SOME_ID)
        response = await kit_client.get("/v1/widgets", params={"cursor": cursor, "limit": 200})
        assert response.status_code == 200
        assert len(response.json()["items"]) == WIDGETS

    async def test_cursor_from_another_sort_is_refused(
        self, kit_client: httpx.AsyncClient, widgets: list[dict[str, Any]],
    ) -> None:
        cursor = (await kit_client.get("/v1/widgets?sort=rank&limit=7")).json()["next_cursor"]
        for other in ("-rank", "name"):
            response = await kit_client.get("/v1/widgets", params={"sort": other, "cursor": cursor})
            body = assert_problem(response, 422)
            assert "different sort" in body["detail"]

    async def test_unknown_sort_is_refused(self, kit_client: httpx.AsyncClient) -> None:
        body = assert_problem(await kit_client.get("/v1/widgets?sort=version"), 422)
        assert [e["loc"] for e in body["errors"]] == [["query", "sort"]]
