"""The UK rule library, rule changes, and homes' overrides (shorter intervals only)."""

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

TODAY = date.today()


class TestLibrary:
    async def test_every_required_rule_is_seeded_with_its_basis(self, client: httpx.AsyncClient) -> None:
        listed = (await client.get("/v1/inspection-rules", params={"limit": 200})).json()["items"]
        rules = {r["code"]: r for r in listed}
        expected = {
            "loler_hoist": (6, "months", "LOLER 1998 reg 9"), "loler_sling": (6, "months", "LOLER 1998 reg 9"),
            "loler_bath_lift": (6, "months", "LOLER"), "loler_stand_aid": (6, "months", "LOLER"),
            "gas_safety_check": (12, "months", "reg 36"), "eicr": (60, "months", "BS 7671"),
            "fire_alarm_service": (6, "months", "BS 5839-1"), "fire_alarm_weekly_test": (7, "days", "BS 5839-1"),
            "emergency_light_monthly": (1, "months", "BS 5266-1"),
            "emergency_light_annual": (12, "months", "BS 5266-1"),
            "extinguisher_monthly": (1, "months", "BS 5306-3"), "extinguisher_annual": (12, "months", "BS 5306-3"),
            "legionella_sentinel_temperature": (1, "months", "HSG274 Part 2"),
            "legionella_flush": (7, "days", "ACOP L8"), "tmv_temperature": (6, "months", "HTM 04-01"),
            "pat": (12, "months", "IET Code of Practice"),
        }
        for code, (value, unit, basis) in expected.items():
            rule = rules[code]
            assert (rule["interval_value"], rule["interval_unit"]) == (value, unit), code
            assert basis in rule["basis"], code
        sentinel = {t["reading"]: t for t in rules["legionella_sentinel_temperature"]["thresholds"]}
        assert (sentinel["hot_water_temperature_c"]["min"], sentinel["cold_water_temperature_c"]["max"]) == ("50", "20")
        assert sentinel["cold_water_temperature_c"]["max_inclusive"] is False
        assert rules["loler_hoist"]["fail_takes_out_of_service"] is True


class TestRuleChanges:
    async def test_new_rule_applies_to_existing_assets(self, client: httpx.AsyncClient, estate: Any) -> None:
        home = (await estate.home())["id"]
        asset = await estate.asset(home, "wheelchair")
        assert asset["next_due_date"] is None  # the library has no wheelchair rule
        response = await client.post("/v1/inspection-rules", json={
            "code": "wheelchair_service", "category_id": asset["category_id"], "inspection_type": "Wheelchair service",
            "interval_value": 12, "interval_unit": "months", "warning_days": 30, "basis": "PUWER 1998 reg 5",
            "statutory": False, "fail_takes_out_of_service": True})
        assert response.status_code == 201, response.text
        assert (await client.get(f"/v1/assets/{asset['id']}")).json()["next_due_date"] == str(TODAY)

    async def test_interval_change_moves_due_dates(self, client: httpx.AsyncClient, estate: Any) -> None:
        home = (await estate.home())["id"]
        asset = await estate.asset(home)
        when = TODAY - timedelta(days=20)
        await estate.inspect(asset["id"], "loler_hoist", when)
        rule_id = await estate.rule_id("loler_hoist")
        response = await client.patch(f"/v1/inspection-rules/{rule_id}", json={"interval_value": 30,
                                                                               "interval_unit": "days"},
                                      headers={"If-Match": '"1"'})
        assert response.status_code == 200
        assert (await client.get(f"/v1/assets/{asset['id']}")).json()["next_due_date"] == str(when + timedelta(30))

    @pytest.mark.parametrize("thresholds", [
        [{"reading": "hot_water_temperature_c", "min": 150}],  # beyond boiling
        [{"reading": "hot_water_temperature_c"}],  # no limit at all
        [{"reading": "mixed_water_temperature_c", "min": 46, "max": 38}],
        [{"reading": "humidity", "min": 1}],
    ])
    async def test_bad_thresholds_are_422(self, client: httpx.AsyncClient, estate: Any,
                                          thresholds: list[dict[str, Any]]) -> None:
        response = await client.post("/v1/inspection-rules", json={
            "code": "x_rule", "category_id": await estate.category_id("tmv"), "inspection_type": "X",
            "interval_value": 1, "interval_unit": "months", "warning_days": 7, "basis": "x", "statutory": False,
            "fail_takes_out_of_service": False, "thresholds": thresholds})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"][:3] == ["body", "thresholds", 0]


class TestOverrides:
    async def _override(self, client: httpx.AsyncClient, estate: Any, home: str, value: int,
                        unit: str) -> httpx.Response:
        return await client.post("/v1/rule-overrides", json={
            "home_id": home, "rule_id": await estate.rule_id("pat"), "interval_value": value,
            "interval_unit": unit, "reason": "Risk assessment: kitchen kettles in heavy use"})

    @pytest.mark.parametrize(("value", "unit"), [(12, "months"), (24, "months"), (366, "days"), (400, "days")])
    async def test_may_not_lengthen(self, client: httpx.AsyncClient, estate: Any, value: int, unit: str) -> None:
        home = (await estate.home())["id"]
        response = await self._override(client, estate, home, value, unit)
        assert response.status_code == 422
        assert response.json()["errors"][0]["type"] == "interval_not_shorter"
        assert await estate.count("rule_override") == 0

    async def test_shortens_due_dates_in_that_home_only(self, client: httpx.AsyncClient, estate: Any) -> None:
        home, other = (await estate.home())["id"], (await estate.home("Millbrow"))["id"]
        kettle, their_kettle = await estate.asset(home, "portable_appliance"), await estate.asset(
            other, "portable_appliance")
        when = TODAY - timedelta(days=5)
        for asset in (kettle, their_kettle):
            await estate.inspect(asset["id"], "pat", when)
        response = await self._override(client, estate, home, 3, "months")
        assert response.status_code == 201, response.text
        mine = (await client.get(f"/v1/assets/{kettle['id']}")).json()["next_due_date"]
        theirs = (await client.get(f"/v1/assets/{their_kettle['id']}")).json()["next_due_date"]
        assert date.fromisoformat(mine) < date.fromisoformat(theirs)
        assert (date.fromisoformat(mine) - when).days in range(89, 93)
        assert (await self._override(client, estate, home, 2, "months")).status_code == 409
        override = response.json()
        archived = await client.delete(f"/v1/rule-overrides/{override['id']}", headers={"If-Match": '"1"'})
        assert archived.status_code == 200
        assert (await client.get(f"/v1/assets/{kettle['id']}")).json()["next_due_date"] == theirs

    async def test_rule_shortened_below_override_still_wins(self, client: httpx.AsyncClient, estate: Any) -> None:
        home = (await estate.home())["id"]
        kettle = await estate.asset(home, "portable_appliance")
        when = TODAY - timedelta(days=5)
        await estate.inspect(kettle["id"], "pat", when)
        assert (await self._override(client, estate, home, 6, "months")).status_code == 201
        rule_id = await estate.rule_id("pat")
        await client.patch(f"/v1/inspection-rules/{rule_id}", json={"interval_value": 30, "interval_unit": "days"},
                           headers={"If-Match": '"1"'})
        assert (await client.get(f"/v1/assets/{kettle['id']}")).json()["next_due_date"] == str(when + timedelta(30))
