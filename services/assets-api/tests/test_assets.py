"""Assets: every field, tags, bad input, the list's filters, sorts, keyset pages and total."""

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

PROBLEM = "application/problem+json"
TODAY = date.today()


@pytest.fixture
async def home(estate: Any) -> str:
    return (await estate.home())["id"]  # type: ignore[no-any-return]


class TestCreateAsset:
    async def test_stores_every_field_and_audits(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        room = await estate.location(home, "room", (await estate.location(home))["id"], name="Room 4")
        body = {
            "home_id": home, "category_id": await estate.category_id("hoist"), "tag": "nf-hoi-01",
            "name": "Mobile hoist", "serial": "SN-4471", "make": "Arjo", "model": "Maxi Move",
            "location_id": room["id"], "status": "in_service", "condition": "A", "purchase_date": "2024-03-01",
            "purchase_cost": "3250.00", "warranty_end_date": "2027-03-01", "supplier": "Arjo UK",
            "assigned_to": {"kind": "resident", "id": str(uuid.uuid4())}, "notes": "Kept in the store",
            "extra": {"hoist_type": "mobile", "safe_working_load_kg": 182},
        }
        response = await client.post("/v1/assets", json=body)
        assert response.status_code == 201, response.text
        asset = response.json()
        assert asset["tag"] == "NF-HOI-01"
        assert {k: asset[k] for k in body if k != "tag"} == {k: v for k, v in body.items() if k != "tag"}
        assert asset["next_due_date"] == str(TODAY)  # never inspected: due from the day it was added
        assert response.headers["etag"] == '"1"'
        assert await estate.count("audit_event", "entity_type = 'asset' AND action = 'create'") == 1

    async def test_tags_are_given_out_when_not_sent(self, estate: Any, home: str) -> None:
        first, second = await estate.asset(home), await estate.asset(home)
        assert first["tag"].startswith("CH-")
        assert second["tag"] > first["tag"]

    async def test_idempotent_retry_creates_one(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        body = {"home_id": home, "category_id": await estate.category_id("boiler"), "name": "Boiler"}
        first = await client.post("/v1/assets", json=body, headers={"Idempotency-Key": "k-1"})
        again = await client.post("/v1/assets", json=body, headers={"Idempotency-Key": "k-1"})
        assert again.json() == first.json()
        assert again.headers["idempotent-replayed"] == "true"
        assert await estate.count("asset") == 1

    @pytest.mark.parametrize(("field", "value"), [
        ("condition", "E"), ("status", "broken"), ("purchase_cost", -1), ("purchase_cost", "1.234"),
        ("name", ""), ("name", "x" * 201), ("tag", "CH-000123"), ("tag", "has space"), ("colour", "red"),
        ("assigned_to", {"kind": "resident", "id": "not-a-uuid"}), ("purchase_date", "2999-01-01"),
    ])
    async def test_bad_field_is_422_and_nothing_written(self, client: httpx.AsyncClient, estate: Any, home: str,
                                                        field: str, value: Any) -> None:
        body = {"home_id": home, "category_id": await estate.category_id("boiler"), "name": "Boiler", field: value}
        response = await client.post("/v1/assets", json=body)
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["errors"][0]["loc"][:2] == ["body", field]
        assert await estate.count("asset") == 0

    async def test_unknown_category_is_422(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        response = await client.post("/v1/assets", json={"home_id": home, "category_id": str(uuid.uuid4()),
                                                          "name": "Mystery"})
        assert response.status_code == 422
        assert response.json()["errors"] == [{"loc": ["body", "category_id"], "msg": "no such category",
                                               "type": "unknown_category"}]
        assert await estate.count("asset") == 0

    async def test_location_in_another_home_is_422(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        theirs = await estate.location((await estate.home("Millbrow"))["id"])
        response = await client.post("/v1/assets", json={
            "home_id": home, "category_id": await estate.category_id("boiler"), "name": "Boiler",
            "location_id": theirs["id"]})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "location_id"]
        assert await estate.count("asset") == 0

    async def test_duplicate_tag_is_409(self, estate: Any, client: httpx.AsyncClient, home: str) -> None:
        await estate.asset(home, tag="NF-1")
        response = await client.post("/v1/assets", json={"home_id": home, "tag": "nf-1", "name": "Other",
                                                          "category_id": await estate.category_id("boiler")})
        assert response.status_code == 409


class TestUpdateAsset:
    async def test_patch_with_if_match(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        asset = await estate.asset(home)
        url = f"/v1/assets/{asset['id']}"
        assert (await client.patch(url, json={"condition": "C"})).status_code == 428
        response = await client.patch(url, json={"condition": "C"}, headers={"If-Match": '"1"'})
        assert (response.status_code, response.json()["condition"], response.headers["etag"]) == (200, "C", '"2"')
        assert (await client.patch(url, json={"condition": "D"}, headers={"If-Match": '"1"'})).status_code == 412
        assert (await client.patch(url, json={"tag": "NEW"}, headers={"If-Match": '"2"'})).status_code == 422

    async def test_archive_hides_from_list(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        asset = await estate.asset(home)
        assert (await client.delete(f"/v1/assets/{asset['id']}", headers={"If-Match": '"1"'})).status_code == 200
        assert (await client.get("/v1/assets")).json()["items"] == []
        assert len((await client.get("/v1/assets", params={"include_archived": True})).json()["items"]) == 1


class TestListAssets:
    async def _names(self, client: httpx.AsyncClient, **params: Any) -> list[str]:
        response = await client.get("/v1/assets", params={"sort": "name", **params})
        assert response.status_code == 200, response.text
        return [a["name"] for a in response.json()["items"]]

    async def test_filters(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        other = (await estate.home("Millbrow"))["id"]
        building = await estate.location(home)
        floor = await estate.location(home, "floor", building["id"])
        room = await estate.location(home, "room", floor["id"])
        elsewhere = await estate.location(home)
        await estate.asset(home, name="Hoist in room", location_id=room["id"], model="Maxi Move",
                           serial="SN-778", condition="A")
        await estate.asset(home, "boiler", name="Boiler on floor", location_id=floor["id"], condition="C")
        await estate.asset(home, "boiler", name="Boiler elsewhere", location_id=elsewhere["id"],
                           status="awaiting_repair")
        await estate.asset(other, "boiler", name="Boiler other home")
        boiler = await estate.category_id("boiler")
        assert await self._names(client, home_id=home) == ["Boiler elsewhere", "Boiler on floor", "Hoist in room"]
        assert await self._names(client, location_id=building["id"]) == ["Boiler on floor", "Hoist in room"]
        assert await self._names(client, location_id=room["id"]) == ["Hoist in room"]
        assert await self._names(client, category_id=boiler) == ["Boiler elsewhere", "Boiler on floor",
                                                                 "Boiler other home"]
        assert await self._names(client, status="awaiting_repair") == ["Boiler elsewhere"]
        assert await self._names(client, condition="C") == ["Boiler on floor"]
        assert await self._names(client, q="maxi") == ["Hoist in room"]
        assert await self._names(client, q="sn-77") == ["Hoist in room"]
        assert await self._names(client, q="boil flo") == ["Boiler on floor"]

    async def test_due_filters(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        recent = await estate.asset(home, name="Recently examined")
        lapsed = await estate.asset(home, name="Lapsed")
        await estate.asset(home, "it_device", name="Tablet")  # no inspection rules: never due
        await estate.inspect(recent["id"], "loler_hoist", TODAY - timedelta(days=10))
        await estate.inspect(lapsed["id"], "loler_hoist", TODAY - timedelta(days=200))
        assert await self._names(client, overdue=True) == ["Lapsed"]
        soon = TODAY + timedelta(days=200)
        assert await self._names(client, due_before=str(soon)) == ["Lapsed", "Recently examined"]
        by_due = (await client.get("/v1/assets", params={"sort": "next_due_date"})).json()["items"]
        assert [a["name"] for a in by_due] == ["Lapsed", "Recently examined", "Tablet"]

    async def test_keyset_pages_and_total(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        for i in range(7):
            await estate.asset(home, "boiler", name=f"Boiler {i}")
        first = (await client.get("/v1/assets", params={"limit": 3, "sort": "-name", "count": True})).json()
        assert first["total"] == 7
        seen, cursor = [a["name"] for a in first["items"]], first["next_cursor"]
        while cursor:
            page = (await client.get("/v1/assets", params={"limit": 3, "sort": "-name", "cursor": cursor})).json()
            assert page["total"] is None  # only when asked for
            seen += [a["name"] for a in page["items"]]
            cursor = page["next_cursor"]
        assert seen == [f"Boiler {i}" for i in reversed(range(7))]

    @pytest.mark.parametrize("params", [{"sort": "serial"}, {"limit": 0}, {"limit": 201}, {"cursor": "junk"},
                                        {"status": "lost"}, {"due_before": "soon"}])
    async def test_bad_query_is_422(self, client: httpx.AsyncClient, params: dict[str, Any]) -> None:
        response = await client.get("/v1/assets", params=params)
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM
