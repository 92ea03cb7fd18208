"""Inspection records: next due computed from the last one, readings judged against the rule,
and a fail taking the asset out of service with a defect, all in one transaction."""

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

PROBLEM = "application/problem+json"
TODAY = date.today()


@pytest.fixture
async def home(estate: Any) -> str:
    return (await estate.home())["id"]  # type: ignore[no-any-return]


async def record(client: httpx.AsyncClient, estate: Any, asset_id: str, rule: str, **fields: Any) -> httpx.Response:
    body = {"asset_id": asset_id, "rule_id": await estate.rule_id(rule), "inspected_date": str(TODAY),
            "outcome": "pass", "inspector_name": "J. Patel", **fields}
    return await client.post("/v1/inspections", json=body)


class TestNextDue:
    async def test_due_follows_the_latest_inspection_by_date(self, client: httpx.AsyncClient, estate: Any,
                                                             home: str) -> None:
        asset = await estate.asset(home)
        await estate.inspect(asset["id"], "loler_hoist", date(2026, 6, 30), company="Lift Safe Ltd",
                             certificate_ref="LS-2026-0042")
        assert (await client.get(f"/v1/assets/{asset['id']}")).json()["next_due_date"] == "2026-12-30"
        await estate.inspect(asset["id"], "loler_hoist", date(2026, 3, 1))  # entered late, older
        assert (await client.get(f"/v1/assets/{asset['id']}")).json()["next_due_date"] == "2026-12-30"

    async def test_next_due_cannot_be_typed(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        asset = await estate.asset(home)
        response = await record(client, estate, asset["id"], "loler_hoist", next_due_date="2030-01-01")
        assert response.status_code == 422
        response = await client.patch(f"/v1/assets/{asset['id']}", json={"next_due_date": "2030-01-01"},
                                      headers={"If-Match": '"1"'})
        assert response.status_code == 422


class TestBadInput:
    async def test_future_date_is_refused(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        asset = await estate.asset(home)
        response = await record(client, estate, asset["id"], "loler_hoist",
                                inspected_date=str(TODAY + timedelta(days=1)))
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["errors"][0]["loc"] == ["body", "inspected_date"]
        assert await estate.count("inspection") == 0

    @pytest.mark.parametrize("value", [-1, 100.5, 250])
    async def test_reading_outside_physical_range(self, client: httpx.AsyncClient, estate: Any, home: str,
                                                  value: float) -> None:
        outlet = await estate.asset(home, "water_outlet_sentinel")
        response = await record(client, estate, outlet["id"], "legionella_sentinel_temperature",
                                readings=[{"reading": "hot_water_temperature_c", "value": value}])
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "readings", 0, "value"]
        assert await estate.count("inspection") == 0
        assert await estate.count("inspection_reading") == 0

    async def test_rule_for_another_category(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        boiler = await estate.asset(home, "boiler")
        response = await record(client, estate, boiler["id"], "loler_hoist")
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "rule_id"]

    async def test_reading_the_rule_does_not_take(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        tmv = await estate.asset(home, "tmv", extra={"outlet_use": "bath"})
        response = await record(client, estate, tmv["id"], "tmv_temperature",
                                readings=[{"reading": "cold_water_temperature_c", "value": 12}])
        assert response.json()["errors"][0]["loc"] == ["body", "readings", 0, "reading"]
        missing = await record(client, estate, tmv["id"], "tmv_temperature")
        assert missing.json()["errors"][0]["loc"] == ["body", "readings"]


class TestReadingsAndFails:
    async def test_temperatures_are_judged_against_the_rule(self, client: httpx.AsyncClient, estate: Any,
                                                            home: str) -> None:
        outlet = await estate.asset(home, "water_outlet_sentinel")
        ok = await record(client, estate, outlet["id"], "legionella_sentinel_temperature", readings=[
            {"reading": "hot_water_temperature_c", "value": 50, "label": "Room 4 hot"},
            {"reading": "cold_water_temperature_c", "value": 19.9, "label": "Room 4 cold"}])
        assert ok.status_code == 201, ok.text
        assert ok.json()["outcome"] == "pass"
        assert [r["within_limits"] for r in ok.json()["readings"]] == [True, True]
        assert ok.json()["opened_defect_id"] is None

        cold_too_warm = await record(client, estate, outlet["id"], "legionella_sentinel_temperature", readings=[
            {"reading": "hot_water_temperature_c", "value": 55},
            {"reading": "cold_water_temperature_c", "value": 20}])
        body = cold_too_warm.json()
        assert (body["outcome"], [r["within_limits"] for r in body["readings"]]) == ("fail", [True, False])
        defect = (await client.get(f"/v1/defects/{body['opened_defect_id']}")).json()
        assert (defect["inspection_id"], defect["priority"], defect["took_out_of_service"]) == (body["id"], "P2", False)
        assert (await client.get(f"/v1/assets/{outlet['id']}")).json()["status"] == "in_service"

    async def test_fail_takes_asset_out_of_service_and_opens_defect(self, client: httpx.AsyncClient, estate: Any,
                                                                     home: str) -> None:
        hoist = await estate.asset(home)
        response = await record(client, estate, hoist["id"], "loler_hoist", outcome="fail",
                                defects_found="Boom pivot pin worn beyond limit")
        assert response.status_code == 201
        asset = (await client.get(f"/v1/assets/{hoist['id']}")).json()
        assert (asset["status"], asset["version"]) == ("out_of_service", 2)
        defect = (await client.get(f"/v1/defects/{response.json()['opened_defect_id']}")).json()
        assert (defect["priority"], defect["took_out_of_service"], defect["status"]) == ("P1", True, "open")
        assert defect["description"] == "Boom pivot pin worn beyond limit"
        actions = await estate.count("audit_event", "entity_type <> 'home'")
        assert actions == 4  # asset, inspection, status change, defect

    async def test_a_fail_that_cannot_be_written_leaves_nothing(self, client: httpx.AsyncClient, estate: Any,
                                                                 home: str, assets_app: Any) -> None:
        """If the defect cannot be written the inspection and the status change roll back with it."""
        from sqlalchemy import text

        hoist = await estate.asset(home)
        async with assets_app.state.engine.begin() as conn:
            await conn.execute(text(
                "ALTER TABLE assets.defect ADD CONSTRAINT no_defects_today CHECK (false) NOT VALID"))
        try:
            response = await record(client, estate, hoist["id"], "loler_hoist", outcome="fail")
        finally:
            async with assets_app.state.engine.begin() as conn:
                await conn.execute(text("ALTER TABLE assets.defect DROP CONSTRAINT no_defects_today"))
        assert response.status_code >= 400
        assert await estate.count("inspection") == 0
        assert (await client.get(f"/v1/assets/{hoist['id']}")).json()["status"] == "in_service"

    async def test_lists_by_asset_and_outcome(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        hoist = await estate.asset(home)
        await estate.inspect(hoist["id"], "loler_hoist", TODAY - timedelta(days=400))
        await estate.inspect(hoist["id"], "loler_hoist", TODAY - timedelta(days=200), outcome="pass_with_advisories")
        listed = (await client.get("/v1/inspections", params={"asset_id": hoist["id"]})).json()["items"]
        assert [i["outcome"] for i in listed] == ["pass_with_advisories", "pass"]  # newest first
        passes = (await client.get("/v1/inspections", params={"outcome": "pass"})).json()["items"]
        assert len(passes) == 1
