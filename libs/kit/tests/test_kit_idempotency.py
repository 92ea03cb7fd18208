"""Idempotency-Key on POST: a retry replays the first response and creates nothing new."""

import asyncio

import httpx
from fastapi import FastAPI
from kit_support import assert_problem, count_rows
from kit_widgets.main import ISSUER
from sqlalchemy import text

from carehub_kit.idempotency import purge_expired

BODY = {"name": "gizmo", "rank": 3}


def keyed(key: str) -> dict[str, str]:
    return {"Idempotency-Key": key}


class TestIdempotency:
    async def test_retry_with_same_key_and_body_replays_first_response(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI,
    ) -> None:
        first = await kit_client.post("/v1/widgets", json=BODY, headers=keyed("k-1"))
        retry = await kit_client.post("/v1/widgets", json=BODY, headers=keyed("k-1"))
        assert first.status_code == retry.status_code == 201
        assert retry.json() == first.json()
        assert "idempotent-replayed" not in first.headers
        assert retry.headers["idempotent-replayed"] == "true"
        assert retry.headers["etag"] == first.headers["etag"]
        assert retry.headers["location"] == first.headers["location"]
        assert await count_rows(kit_app.state.engine, "widget") == 1
        assert await count_rows(kit_app.state.engine, "audit_event") == 1

    async def test_same_key_with_another_body_is_refused(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI,
    ) -> None:
        await kit_client.post("/v1/widgets", json=BODY, headers=keyed("k-2"))
        response = await kit_client.post("/v1/widgets", json={**BODY, "rank": 4}, headers=keyed("k-2"))
        body = assert_problem(response, 422, "idempotency-key-reused")
        assert body["errors"][0]["loc"] == ["header", "Idempotency-Key"]
        assert await count_rows(kit_app.state.engine, "widget") == 1

    async def test_without_a_key_each_post_creates(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI,
    ) -> None:
        first = await kit_client.post("/v1/widgets", json=BODY)
        second = await kit_client.post("/v1/widgets", json=BODY)
        assert first.status_code == second.status_code == 201
        assert first.json()["id"] != second.json()["id"]
        assert await count_rows(kit_app.state.engine, "widget") == 2

    async def test_different_keys_each_create(self, kit_client: httpx.AsyncClient, kit_app: FastAPI) -> None:
        for key in ("k-a", "k-b"):
            assert (await kit_client.post("/v1/widgets", json=BODY, headers=keyed(key))).status_code == 201
        assert await count_rows(kit_app.state.engine, "widget") == 2

    async def test_concurrent_retries_create_once_and_answer_alike(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI,
    ) -> None:
        responses = await asyncio.gather(*(
            kit_client.post("/v1/widgets", json=BODY, headers=keyed("k-race")) for _ in range(2)
        ))
        assert [r.status_code for r in responses] == [201, 201]
        assert responses[0].json() == responses[1].json()
        assert sorted(r.headers.get("idempotent-replayed", "") for r in responses) == ["", "true"]
        assert await count_rows(kit_app.state.engine, "widget") == 1

    async def test_json_spacing_and_key_order_do_not_make_a_new_request(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI,
    ) -> None:
        json_type = {"content-type": "application/json"}
        first = await kit_client.post("/v1/widgets", content=b'{"name":"gizmo","rank":3}',
                                      headers={**json_type, **keyed("k-3")})
        retry = await kit_client.post("/v1/widgets", content=b'{\n  "rank" : 3,  "name": "gizmo"\n}',
                                      headers={**json_type, **keyed("k-3")})
        assert retry.headers["idempotent-replayed"] == "true"
        assert retry.json() == first.json()
        assert await count_rows(kit_app.state.engine, "widget") == 1

    async def test_a_failed_request_does_not_use_up_its_key(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI,
    ) -> None:
        refused = await kit_client.post("/v1/widgets", json={"name": "", "rank": 3}, headers=keyed("k-4"))
        assert_problem(refused, 422, "validation")
        created = await kit_client.post("/v1/widgets", json=BODY, headers=keyed("k-4"))
        assert created.status_code == 201
        assert "idempotent-replayed" not in created.headers
        assert await count_rows(kit_app.state.engine, "widget") == 1

    async def test_keys_belong_to_the_caller(self, kit_client: httpx.AsyncClient, kit_app: FastAPI) -> None:
        """Another person's identical key and body is their own request, never a replay of ours."""
        mine = await kit_client.post("/v1/widgets", json=BODY, headers=keyed("shared"))
        theirs = await kit_client.post(
            "/v1/widgets", json=BODY, headers={**keyed("shared"), **ISSUER.headers("admin", sub="someone-else")},
        )
        assert mine.status_code == theirs.status_code == 201
        assert "idempotent-replayed" not in theirs.headers
        assert mine.json()["id"] != theirs.json()["id"]
        assert await count_rows(kit_app.state.engine, "widget") == 2

    async def test_keys_are_forgotten_after_24_hours(self, kit_client: httpx.AsyncClient, kit_app: FastAPI) -> None:
        await kit_client.post("/v1/widgets", json=BODY, headers=keyed("old"))
        await kit_client.post("/v1/widgets", json=BODY, headers=keyed("new"))
        async with kit_app.state.engine.begin() as conn:
            await conn.execute(text(
                "UPDATE kit_test.idempotency_key SET created_at = now() - interval '25 hours' WHERE key = 'old'"))
        assert await purge_expired(kit_app.state.engine, "kit_test") == 1
        assert await count_rows(kit_app.state.engine, "idempotency_key") == 1
        # The expired key is free again: the same request now creates a new widget.
        again = await kit_client.post("/v1/widgets", json=BODY, headers=keyed("old"))
        assert "idempotent-replayed" not in again.headers
        assert await count_rows(kit_app.state.engine, "widget") == 3
