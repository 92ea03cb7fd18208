"""Homes over HTTP: create, read, list and search, change with If-Match, archive."""

import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

PROBLEM = "application/problem+json"


def home_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Naughton Fields", "address_line1": "Naughton Road", "town": "Widnes",
        "postcode": "wa8  3bw", "registered_beds": 44, "cqc_location_id": "1-123456789",
        "phone": "0151 511 0001", "email": "manager@naughton.example",
    }
    body.update(overrides)
    return body


async def create(client: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    response = await client.post("/v1/homes", json=home_body(**overrides))
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def count(app: FastAPI, table: str) -> int:
    async with app.state.engine.connect() as conn:
        return int((await conn.execute(text(f"SELECT count(*) FROM assets.{table}"))).scalar_one())


class TestCreateHome:
    async def test_creates_normalises_and_audits(self, client: httpx.AsyncClient, assets_app: FastAPI) -> None:
        response = await client.post("/v1/homes", json=home_body())
        assert response.status_code == 201
        home = response.json()
        assert home["postcode"] == "WA8 3BW"
        assert home["version"] == 1
        assert response.headers["etag"] == '"1"'
        assert response.headers["location"] == f"/v1/homes/{home['id']}"
        async with assets_app.state.engine.connect() as conn:
            row = (await conn.execute(text(
                "SELECT action, entity_type, home_id, request_id FROM assets.audit_event"))).one()
        assert (row.action, row.entity_type, str(row.home_id)) == ("create", "home", home["id"])
        assert row.request_id == response.headers["x-request-id"]

    @pytest.mark.parametrize(("field", "value"), [
        ("postcode", "WA8 3B"), ("postcode", "12345"), ("cqc_location_id", "1-12"),
        ("cqc_location_id", "RX1-123456789"), ("registered_beds", 0), ("registered_beds", -3),
        ("registered_beds", "many"), ("phone", "12345"), ("email", "not-an-email"),
        ("name", ""), ("name", "x" * 201), ("status", "demolished"), ("unexpected", "field"),
    ])
    async def test_rejects_bad_field_and_writes_nothing(
        self, client: httpx.AsyncClient, assets_app: FastAPI, field: str, value: Any,
    ) -> None:
        response = await client.post("/v1/homes", json=home_body(**{field: value}))
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM
        assert [e["loc"] for e in response.json()["errors"]] == [["body", field]]
        assert await count(assets_app, "home") == 0

    async def test_malformed_json_is_a_problem(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/homes", content=b'{"name": ', headers={"content-type": "application/json"})
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM

    async def test_accepts_scottish_and_london_postcodes(self, client: httpx.AsyncClient) -> None:
        first = await create(client, postcode="EH1 1YZ", cqc_location_id=None)
        second = await create(client, postcode="sw1a1aa", cqc_location_id=None)
        assert (first["postcode"], second["postcode"]) == ("EH1 1YZ", "SW1A 1AA")

    async def test_duplicate_cqc_location_is_conflict(self, client: httpx.AsyncClient, assets_app: FastAPI) -> None:
        await create(client)
        response = await client.post("/v1/homes", json=home_body(name="Another"))
        assert response.status_code == 409
        assert response.json()["errors"][0]["loc"] == ["body", "cqc_location_id"]
        assert await count(assets_app, "home") == 1


class TestGetHome:
    async def test_reads_with_etag(self, client: httpx.AsyncClient) -> None:
        home = await create(client)
        response = await client.get(f"/v1/homes/{home['id']}")
        assert response.status_code == 200
        assert response.json() == home
        assert response.headers["etag"] == '"1"'

    async def test_unknown_is_404_problem(self, client: httpx.AsyncClient) -> None:
        response = await client.get(f"/v1/homes/{uuid.uuid4()}")
        assert response.status_code == 404
        assert response.json()["type"].endswith("/not-found")

    async def test_bad_id_is_422(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/homes/not-a-uuid")).status_code == 422


class TestListHomes:
    async def test_searches_name_words_and_postcode(self, client: httpx.AsyncClient) -> None:
        await create(client, name="Naughton Fields", postcode="WA8 3BW", cqc_location_id=None)
        await create(client, name="Madeline McKenna Court", postcode="WA7 5HA", cqc_location_id=None)
        await create(client, name="Oak Meadow", postcode="L24 1AB", cqc_location_id=None)

        async def names(q: str) -> list[str]:
            response = await client.get("/v1/homes", params={"q": q})
            assert response.status_code == 200
            return [h["name"] for h in response.json()["items"]]

        assert await names("naught") == ["Naughton Fields"]
        assert await names("McKen cou") == ["Madeline McKenna Court"]
        assert await names("wa7") == ["Madeline McKenna Court"]
        assert await names("WA8 3B") == ["Naughton Fields"]
        assert await names("meadow naughton") == []
        assert await names("!!!") == ["Madeline McKenna Court", "Naughton Fields", "Oak Meadow"]

    async def test_filters_status_and_sorts(self, client: httpx.AsyncClient) -> None:
        await create(client, name="Beech", cqc_location_id=None)
        await create(client, name="Ash", cqc_location_id=None, status="closed")
        await create(client, name="Cedar", cqc_location_id=None)
        active = (await client.get("/v1/homes", params={"status": "active", "sort": "-name"})).json()
        assert [h["name"] for h in active["items"]] == ["Cedar", "Beech"]
        assert (await client.get("/v1/homes", params={"sort": "beds"})).status_code == 422

    async def test_pages_with_cursor_and_link(self, client: httpx.AsyncClient) -> None:
        for i in range(5):
            await create(client, name=f"Home {i}", cqc_location_id=None)
        first = await client.get("/v1/homes", params={"limit": 2})
        assert first.json()["next_cursor"]
        assert 'rel="next"' in first.headers["link"]
        seen = [h["name"] for h in first.json()["items"]]
        cursor = first.json()["next_cursor"]
        while cursor:
            page = (await client.get("/v1/homes", params={"limit": 2, "cursor": cursor})).json()
            seen += [h["name"] for h in page["items"]]
            cursor = page["next_cursor"]
        assert seen == [f"Home {i}" for i in range(5)]

    @pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 10000}, {"cursor": "garbage"}])
    async def test_bad_paging_is_422(self, client: httpx.AsyncClient, params: dict[str, Any]) -> None:
        response = await client.get("/v1/homes", params=params)
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM


class TestUpdateHome:
    async def test_patch_needs_matching_version(self, client: httpx.AsyncClient, assets_app: FastAPI) -> None:
        home = await create(client)
        url = f"/v1/homes/{home['id']}"
        assert (await client.patch(url, json={"registered_beds": 50})).status_code == 428
        assert (await client.patch(url, json={"registered_beds": 50}, headers={"If-Match": "junk"})).status_code == 400
        assert (await client.patch(url, json={"registered_beds": 50}, headers={"If-Match": '"7"'})).status_code == 412
        assert (await client.get(url)).json()["registered_beds"] == 44

        response = await client.patch(url, json={"registered_beds": 50}, headers={"If-Match": '"1"'})
        assert response.status_code == 200
        assert response.json()["registered_beds"] == 50
        assert response.headers["etag"] == '"2"'
        stale = await client.patch(url, json={"name": "Renamed"}, headers={"If-Match": '"1"'})
        assert stale.status_code == 412
        assert (await client.get(url)).json()["name"] == "Naughton Fields"
        async with assets_app.state.engine.connect() as conn:
            details = (await conn.execute(text(
                "SELECT details FROM assets.audit_event WHERE action = 'update'"))).scalar_one()
        assert details == {"fields": ["registered_beds"]}

    async def test_required_fields_cannot_be_cleared(self, client: httpx.AsyncClient) -> None:
        home = await create(client)
        response = await client.patch(f"/v1/homes/{home['id']}", json={"name": None}, headers={"If-Match": '"1"'})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "name"]

    async def test_optional_field_can_be_cleared(self, client: httpx.AsyncClient) -> None:
        home = await create(client)
        response = await client.patch(f"/v1/homes/{home['id']}", json={"phone": None}, headers={"If-Match": '"1"'})
        assert response.status_code == 200
        assert response.json()["phone"] is None


class TestArchiveHome:
    async def test_archive_hides_from_list_but_keeps_record(self, client: httpx.AsyncClient) -> None:
        home = await create(client)
        url = f"/v1/homes/{home['id']}"
        assert (await client.delete(url)).status_code == 428
        response = await client.delete(url, headers={"If-Match": '"1"'})
        assert response.status_code == 200
        assert response.json()["archived_at"] is not None
        assert (await client.get("/v1/homes")).json()["items"] == []
        archived = (await client.get("/v1/homes", params={"include_archived": True})).json()["items"]
        assert [h["id"] for h in archived] == [home["id"]]
        assert (await client.get(url)).status_code == 200
