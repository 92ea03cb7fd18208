"""Categories and their JSON Schema for extra fields: the schema is checked against the
metaschema when written, and assets' extra fields against the schema."""

from typing import Any

import httpx
import pytest

SCHEMA = {"type": "object", "properties": {"sling_size": {"enum": ["S", "M", "L"]},
                                           "safe_working_load_kg": {"type": "number", "minimum": 1}},
          "required": ["sling_size"], "additionalProperties": False}


class TestCategorySchema:
    async def test_library_is_seeded(self, client: httpx.AsyncClient) -> None:
        codes = {c["code"] for c in (await client.get("/v1/categories", params={"limit": 200})).json()["items"]}
        assert {"hoist", "sling", "profiling_bed", "pressure_mattress", "bed_rail", "wheelchair", "bath_lift",
                "nurse_call_point", "fire_alarm_panel", "emergency_light", "extinguisher", "boiler", "tmv",
                "water_outlet_sentinel", "portable_appliance", "vehicle", "it_device"} <= codes

    async def test_creates_with_a_valid_schema(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/categories", json={"code": "sling_x", "name": "Sling X",
                                                             "extra_schema": SCHEMA})
        assert response.status_code == 201
        assert response.json()["extra_schema"] == SCHEMA

    @pytest.mark.parametrize("schema", [
        {"type": "object", "properties": {"size": {"type": "sizeish"}}},  # not a JSON Schema type
        {"type": "object", "required": "size"},  # required must be an array
        {"type": "string"},  # extra fields are an object
        {"type": "object", "minProperties": -1},
    ])
    async def test_refuses_an_invalid_schema(self, client: httpx.AsyncClient, estate: Any,
                                             schema: dict[str, Any]) -> None:
        before = await estate.count("category")
        response = await client.post("/v1/categories", json={"code": "bad", "name": "Bad", "extra_schema": schema})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "extra_schema"]
        assert await estate.count("category") == before

    async def test_duplicate_code_is_409(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/categories", json={"code": "hoist", "name": "Another hoist"})
        assert response.status_code == 409


class TestExtraFields:
    @pytest.fixture
    async def sling_category(self, client: httpx.AsyncClient) -> str:
        response = await client.post("/v1/categories", json={"code": "sling_x", "name": "Sling X",
                                                             "extra_schema": SCHEMA})
        return response.json()["id"]  # type: ignore[no-any-return]

    async def test_valid_extra_is_stored(self, client: httpx.AsyncClient, estate: Any, sling_category: str) -> None:
        home = (await estate.home())["id"]
        response = await client.post("/v1/assets", json={"home_id": home, "category_id": sling_category,
                                                          "name": "Sling", "extra": {"sling_size": "M"}})
        assert response.status_code == 201
        assert response.json()["extra"] == {"sling_size": "M"}

    @pytest.mark.parametrize(("extra", "loc"), [
        ({"sling_size": "XXXL"}, ["body", "extra", "sling_size"]),
        ({"sling_size": "M", "safe_working_load_kg": 0}, ["body", "extra", "safe_working_load_kg"]),
        ({}, ["body", "extra"]),
        ({"sling_size": "M", "colour": "blue"}, ["body", "extra"]),
    ])
    async def test_invalid_extra_is_refused_and_nothing_written(
        self, client: httpx.AsyncClient, estate: Any, sling_category: str, extra: dict[str, Any], loc: list[str],
    ) -> None:
        home = (await estate.home())["id"]
        response = await client.post("/v1/assets", json={"home_id": home, "category_id": sling_category,
                                                          "name": "Sling", "extra": extra})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == loc
        assert await estate.count("asset") == 0

    async def test_changing_category_revalidates_extra(self, client: httpx.AsyncClient, estate: Any,
                                                       sling_category: str) -> None:
        home = (await estate.home())["id"]
        asset = await estate.asset(home, "boiler")
        response = await client.patch(f"/v1/assets/{asset['id']}", json={"category_id": sling_category},
                                      headers={"If-Match": '"1"'})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "extra"]
