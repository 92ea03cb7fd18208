"""Compliance per home and estate-wide: the counts, the percentage as documented, and the lists."""

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from carehub_kit.testing import TokenIssuer

TODAY = date.today()


@pytest.fixture
async def scenario(estate: Any) -> dict[str, Any]:
    home, other = (await estate.home())["id"], (await estate.home("Millbrow"))["id"]
    a = await estate.asset(home, name="A in date")
    b = await estate.asset(home, name="B due soon")
    c = await estate.asset(home, name="C overdue")
    d = await estate.asset(home, name="D never inspected")
    e = await estate.asset(home, "boiler", name="E failed gas")
    f = await estate.asset(home, "tmv", name="F tmv", extra={"outlet_use": "bath"})
    g = await estate.asset(other, name="G other home")
    await estate.inspect(a["id"], "loler_hoist", TODAY - timedelta(days=10))
    b_done = date(TODAY.year - (TODAY.month <= 6), (TODAY.month - 7) % 12 + 1, min(TODAY.day, 28)) + timedelta(10)
    await estate.inspect(b["id"], "loler_hoist", b_done)
    await estate.inspect(c["id"], "loler_hoist", TODAY - timedelta(days=200))
    await estate.inspect(e["id"], "gas_safety_check", TODAY - timedelta(days=1), outcome="fail")
    await estate.inspect(f["id"], "tmv_temperature", TODAY, readings=[
        {"reading": "mixed_water_temperature_c", "value": 41}])
    await estate.inspect(g["id"], "loler_hoist", TODAY)
    return {"home": home, "other": other, **{k: v["id"] for k, v in zip("abcdefg", (a, b, c, d, e, f, g), strict=True)}}


def counts(block: dict[str, Any]) -> tuple[int, ...]:
    return tuple(block[k] for k in ("required", "in_date", "due_soon", "overdue", "never_inspected", "failed"))


class TestSummary:
    async def test_one_home(self, client: httpx.AsyncClient, scenario: dict[str, Any]) -> None:
        response = await client.get("/v1/compliance/summary", params={"home_id": scenario["home"]})
        assert response.status_code == 200
        summary = response.json()
        assert summary["as_of"] == str(TODAY)
        # required: 4 hoists in service (the failed boiler is out of service; TMV checks are not statutory)
        assert counts(summary["totals"]) == (4, 2, 2, 1, 1, 1)
        assert summary["totals"]["compliance_percent"] == 50.0
        by_rule = {r["code"]: r for r in summary["by_rule"]}
        assert counts(by_rule["loler_hoist"]) == (4, 2, 2, 1, 1, 0)
        assert counts(by_rule["gas_safety_check"]) == (0, 0, 0, 0, 0, 1)
        assert by_rule["tmv_temperature"]["compliance_percent"] is None
        by_category = {c["code"]: c for c in summary["by_category"]}
        assert by_category["hoist"]["name"] == "Hoist"
        assert [h["home_id"] for h in summary["by_home"]] == [scenario["home"]]

    async def test_whole_estate(self, client: httpx.AsyncClient, scenario: dict[str, Any]) -> None:
        summary = (await client.get("/v1/compliance/summary")).json()
        assert summary["home_id"] is None
        assert (summary["totals"]["required"], summary["totals"]["in_date"]) == (5, 3)
        assert summary["totals"]["compliance_percent"] == 60.0
        assert {h["name"]: h["compliance_percent"] for h in summary["by_home"]} == {
            "Naughton Fields": 50.0, "Millbrow": 100.0}

    async def test_home_scoped_people_see_their_homes_only(self, anonymous: httpx.AsyncClient,
                                                           scenario: dict[str, Any], token_issuer: TokenIssuer) -> None:
        manager = token_issuer.headers("home_manager", homes=(scenario["other"],))
        summary = (await anonymous.get("/v1/compliance/summary", headers=manager)).json()
        assert (summary["totals"]["required"], [h["name"] for h in summary["by_home"]]) == (1, ["Millbrow"])


class TestItems:
    async def _items(self, client: httpx.AsyncClient, **params: Any) -> list[str]:
        response = await client.get("/v1/compliance/items", params=params)
        assert response.status_code == 200, response.text
        return [i["asset_name"] for i in response.json()["items"]]

    async def test_lists_behind_the_counts(self, client: httpx.AsyncClient, scenario: dict[str, Any]) -> None:
        home = scenario["home"]
        assert await self._items(client, home_id=home, state="overdue") == ["C overdue"]
        assert await self._items(client, home_id=home, state="failed") == ["E failed gas"]
        assert await self._items(client, home_id=home, state="never_inspected") == ["D never inspected"]
        assert await self._items(client, home_id=home, state="due_soon") == ["D never inspected", "B due soon"]
        assert await self._items(client, state="due_soon", limit=1) == ["D never inspected"]

    async def test_a_passing_reinspection_clears_a_fail(self, client: httpx.AsyncClient, estate: Any,
                                                        scenario: dict[str, Any]) -> None:
        await estate.inspect(scenario["e"], "gas_safety_check", TODAY)
        assert await self._items(client, state="failed") == []

    async def test_state_is_required(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/compliance/items")).status_code == 422
        assert (await client.get("/v1/compliance/items", params={"state": "fine"})).status_code == 422


class TestAssetSchedule:
    async def _states(self, client: httpx.AsyncClient, asset_id: str) -> list[tuple[str, list[str]]]:
        response = await client.get(f"/v1/assets/{asset_id}/schedule")
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["asset_id"], body["as_of"]) == (asset_id, str(TODAY))
        return [(e["last_outcome"], e["states"]) for e in body["entries"]]

    async def test_each_rule_with_its_due_date_and_states(self, client: httpx.AsyncClient,
                                                          scenario: dict[str, Any]) -> None:
        assert await self._states(client, scenario["a"]) == [("pass", [])]
        assert await self._states(client, scenario["c"]) == [("pass", ["overdue"])]
        assert await self._states(client, scenario["d"]) == [(None, ["due_soon", "never_inspected"])]
        assert ("fail", ["failed"]) in await self._states(client, scenario["e"])
        entry = (await client.get(f"/v1/assets/{scenario['a']}/schedule")).json()["entries"][0]
        assert entry["last_inspected_date"] == str(TODAY - timedelta(days=10))
        assert entry["due_date"] > str(TODAY)  # a thorough examination every six months
        assert entry["statutory"] is True

    async def test_another_homes_asset_is_not_found(self, anonymous: httpx.AsyncClient, client: httpx.AsyncClient,
                                                    scenario: dict[str, Any], token_issuer: TokenIssuer) -> None:
        manager = token_issuer.headers("home_manager", homes=(scenario["other"],))
        hidden = await anonymous.get(f"/v1/assets/{scenario['a']}/schedule", headers=manager)
        missing = await client.get("/v1/assets/00000000-0000-4000-8000-000000000000/schedule")
        assert (hidden.status_code, missing.status_code) == (404, 404)
        assert hidden.json()["detail"] == missing.json()["detail"]
        own = await anonymous.get(f"/v1/assets/{scenario['g']}/schedule", headers=manager)
        assert own.status_code == 200
