"""The location tree: building -> floor/wing -> room or area, moves, cycles, archive."""

import asyncio
from typing import Any

import httpx
import pytest

PROBLEM = "application/problem+json"


@pytest.fixture
async def home(estate: Any) -> str:
    return (await estate.home())["id"]  # type: ignore[no-any-return]


class TestCreateLocation:
    async def test_builds_a_tree_with_paths(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        building = await estate.location(home, name="Main house")
        floor = await estate.location(home, "floor", building["id"], name="First floor")
        room = await estate.location(home, "room", floor["id"], name="Room 12", room_type="resident_room",
                                     room_number="12", bed_count=1)
        assert room["path"] == f"{building['id']}/{floor['id']}/{room['id']}/"
        assert (room["depth"], room["bed_count"], room["room_number"]) == (2, 1, "12")
        tree = (await client.get("/v1/locations", params={"home_id": home, "sort": "path"})).json()["items"]
        assert [loc["name"] for loc in tree] == ["Main house", "First floor", "Room 12"]
        inside = (await client.get("/v1/locations", params={"within": floor["id"]})).json()["items"]
        assert [loc["name"] for loc in inside] == ["First floor", "Room 12"]
        assert await estate.count("audit_event", "entity_type = 'location'") == 3

    @pytest.mark.parametrize(("kind", "parent_kind"), [("building", "building"), ("floor", None),
                                                       ("room", "room"), ("wing", "room")])
    async def test_refuses_impossible_nesting(self, client: httpx.AsyncClient, estate: Any, home: str,
                                              kind: str, parent_kind: str | None) -> None:
        parent = None
        if parent_kind:
            building = await estate.location(home)
            parent = building["id"] if parent_kind == "building" else (
                await estate.location(home, "room", building["id"]))["id"]
        response = await client.post("/v1/locations", json={"home_id": home, "kind": kind, "parent_id": parent,
                                                            "name": "X"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "parent_id"]

    async def test_beds_only_in_resident_rooms(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        building = await estate.location(home)
        response = await client.post("/v1/locations", json={
            "home_id": home, "parent_id": building["id"], "kind": "room", "name": "Lounge", "room_type": "lounge",
            "bed_count": 2})
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM

    async def test_parent_in_another_home_is_refused(self, client: httpx.AsyncClient, estate: Any,
                                                     home: str) -> None:
        other = (await estate.home("Millbrow"))["id"]
        theirs = await estate.location(other)
        response = await client.post("/v1/locations", json={"home_id": home, "parent_id": theirs["id"],
                                                            "kind": "floor", "name": "Ground"})
        assert response.status_code == 422
        assert response.json()["errors"][0] == {"loc": ["body", "parent_id"], "msg": "no such location in this home",
                                                "type": "unknown_location"}
        assert await estate.count("location") == 1


class TestMoveLocation:
    async def test_moving_carries_the_subtree(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        main, annex = await estate.location(home, name="Main"), await estate.location(home, name="Annex")
        wing = await estate.location(home, "wing", main["id"], name="East wing")
        room = await estate.location(home, "room", wing["id"], name="Room 3")
        response = await client.patch(f"/v1/locations/{wing['id']}", json={"parent_id": annex["id"]},
                                      headers={"If-Match": '"1"'})
        assert response.status_code == 200, response.text
        assert response.json()["path"] == f"{annex['id']}/{wing['id']}/"
        assert response.headers["etag"] == '"2"'
        moved = (await client.get(f"/v1/locations/{room['id']}")).json()
        assert moved["path"] == f"{annex['id']}/{wing['id']}/{room['id']}/"
        inside_main = (await client.get("/v1/locations", params={"within": main["id"]})).json()["items"]
        assert [loc["name"] for loc in inside_main] == ["Main"]

    async def test_a_cycle_is_refused_and_nothing_changes(self, client: httpx.AsyncClient, estate: Any,
                                                          home: str) -> None:
        building = await estate.location(home)
        wing = await estate.location(home, "wing", building["id"], name="Wing")
        floor = await estate.location(home, "floor", wing["id"], name="Floor in wing")
        for target in (floor["id"], wing["id"]):
            response = await client.patch(f"/v1/locations/{wing['id']}", json={"parent_id": target},
                                          headers={"If-Match": '"1"'})
            assert response.status_code == 422
            assert response.headers["content-type"] == PROBLEM
            assert response.json()["errors"][0]["type"] == "cycle"
        after = (await client.get(f"/v1/locations/{wing['id']}")).json()
        assert (after["parent_id"], after["version"]) == (building["id"], 1)

    async def test_stale_if_match_is_412(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        building = await estate.location(home)
        url = f"/v1/locations/{building['id']}"
        assert (await client.patch(url, json={"name": "New"})).status_code == 428
        assert (await client.patch(url, json={"name": "New"}, headers={"If-Match": '"9"'})).status_code == 412


class TestArchiveLocation:
    async def test_only_empty_locations_are_archived(self, client: httpx.AsyncClient, estate: Any,
                                                     home: str) -> None:
        building = await estate.location(home)
        room = await estate.location(home, "room", building["id"])
        asset = await estate.asset(home, location_id=room["id"])
        assert (await client.delete(f"/v1/locations/{building['id']}", headers={"If-Match": '"1"'})).status_code == 409
        assert (await client.delete(f"/v1/locations/{room['id']}", headers={"If-Match": '"1"'})).status_code == 409
        await client.delete(f"/v1/assets/{asset['id']}", headers={"If-Match": f'"{asset["version"]}"'})
        response = await client.delete(f"/v1/locations/{room['id']}", headers={"If-Match": '"1"'})
        assert response.status_code == 200
        assert response.json()["archived_at"] is not None
        listed = (await client.get("/v1/locations", params={"home_id": home})).json()["items"]
        assert [loc["id"] for loc in listed] == [building["id"]]


class TestConcurrentMoves:
    async def test_two_crossing_moves_cannot_build_a_cycle(self, client: httpx.AsyncClient, estate: Any,
                                                           home: str) -> None:
        """Wing A into wing B and B into A at once: the home lock serialises them, so the second
        sees the first and is refused (422 cycle or 412 stale), never both applied."""
        building = await estate.location(home)
        a = await estate.location(home, "wing", building["id"], name="A")
        b = await estate.location(home, "wing", building["id"], name="B")
        results = await asyncio.gather(
            client.patch(f"/v1/locations/{a['id']}", json={"parent_id": b["id"]}, headers={"If-Match": '"1"'}),
            client.patch(f"/v1/locations/{b['id']}", json={"parent_id": a["id"]}, headers={"If-Match": '"1"'}),
        )
        assert sorted(r.status_code for r in results) == [200, 422]
        listed = (await client.get("/v1/locations", params={"home_id": home})).json()["items"]
        after = {loc["name"]: loc for loc in listed}
        assert not (after["A"]["parent_id"] == b["id"] and after["B"]["parent_id"] == a["id"])
