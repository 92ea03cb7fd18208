"""Optimistic concurrency: ETag out, If-Match in, and no lost update when two writers race."""

import asyncio
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from kit_support import assert_problem
from sqlalchemy import text


async def create(client: httpx.AsyncClient, name: str = "first") -> dict[str, Any]:
    response = await client.post("/v1/widgets", json={"name": name, "rank": 1})
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def stored(app: FastAPI, widget_id: str) -> tuple[str, int]:
    async with app.state.engine.connect() as conn:
        row = (await conn.execute(text("SELECT name, version FROM kit_test.widget WHERE id = :id"),
                                  {"id": widget_id})).one()
    return row.name, row.version


class TestOptimisticConcurrency:
    async def test_get_sends_the_version_as_etag(self, kit_client: httpx.AsyncClient) -> None:
        widget = await create(kit_client)
        response = await kit_client.get(f"/v1/widgets/{widget['id']}")
        assert response.headers["etag"] == '"1"'
        assert response.json()["version"] == 1

    @pytest.mark.parametrize(("headers", "status", "slug"), [
        ({}, 428, "precondition-required"),
        ({"If-Match": '"0"'}, 412, "stale"),
        ({"If-Match": '"2"'}, 412, "stale"),
        ({"If-Match": "1"}, 400, "bad-if-match"),
        ({"If-Match": "*"}, 400, "bad-if-match"),
        ({"If-Match": '"one"'}, 400, "bad-if-match"),
    ])
    async def test_patch_without_the_current_version_changes_nothing(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI,
        headers: dict[str, str], status: int, slug: str,
    ) -> None:
        widget = await create(kit_client)
        response = await kit_client.patch(f"/v1/widgets/{widget['id']}", json={"name": "changed"},
                                          headers=headers)
        assert_problem(response, status, slug)
        assert await stored(kit_app, widget["id"]) == ("first", 1)

    @pytest.mark.parametrize("if_match", ['"1"', 'W/"1"'])
    async def test_patch_with_the_current_version_bumps_it(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI, if_match: str,
    ) -> None:
        widget = await create(kit_client)
        response = await kit_client.patch(f"/v1/widgets/{widget['id']}", json={"name": "changed"},
                                          headers={"If-Match": if_match})
        assert response.status_code == 200, response.text
        assert response.headers["etag"] == '"2"'
        assert response.json()["version"] == 2
        assert await stored(kit_app, widget["id"]) == ("changed", 2)
        again = await kit_client.patch(f"/v1/widgets/{widget['id']}", json={"name": "lost"},
                                       headers={"If-Match": if_match})
        assert_problem(again, 412, "stale")

    async def test_two_writers_that_read_the_same_version_cannot_both_win(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI, monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        widget = await create(kit_client)
        both_read = asyncio.Barrier(2)  # each request waits here after reading version 1

        async def after_read() -> None:
            async with asyncio.timeout(5):
                await both_read.wait()

        monkeypatch.setattr(kit_app.state, "after_read", after_read)
        url = f"/v1/widgets/{widget['id']}"
        responses = await asyncio.gather(*(
            kit_client.patch(url, json={"name": name}, headers={"If-Match": '"1"'})
            for name in ("alice", "bob")
        ))
        assert sorted(r.status_code for r in responses) == [200, 412]
        winner = next(r for r in responses if r.status_code == 200)
        assert_problem(next(r for r in responses if r.status_code == 412), 412, "stale")
        assert await stored(kit_app, widget["id"]) == (winner.json()["name"], 2)
