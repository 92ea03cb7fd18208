"""Recalls / field safety notices: matching assets by make, model and serial range, actions on
each affected asset, closing, and open recalls in the compliance summary."""

from datetime import date
from typing import Any

import httpx
import pytest

from carehub_kit.testing import TokenIssuer

NOTICE = {"reference": "MHRA FSN 2026/011", "title": "Spreader bar pin may shear", "make": "Arjo",
          "model": "Maxi Move", "issued_date": "2026-11-20", "action_required": "Check the pin; replace if worn."}


@pytest.fixture
async def recall_home(estate: Any) -> str:
    return (await estate.home())["id"]  # type: ignore[no-any-return]


async def _hoist(estate: Any, home: str, serial: str, make: str = "Arjo", model: str = "Maxi Move") -> str:
    return (await estate.asset(home, make=make, model=model, serial=serial))["id"]  # type: ignore[no-any-return]


async def _act(http: httpx.AsyncClient, recall: str, asset: str, action: str,
               headers: dict[str, str] | None = None) -> httpx.Response:
    return await http.patch(f"/v1/recalls/{recall}/assets/{asset}", json={"action": action},
                            headers={**(headers or {}), "If-Match": '"1"'})


class TestIssueRecall:
    async def test_marks_every_matching_asset_whatever_the_case(self, client: httpx.AsyncClient, estate: Any,
                                                                recall_home: str) -> None:
        other_home = (await estate.home("Millbrow"))["id"]
        hit = {await _hoist(estate, recall_home, "SN-100"), await _hoist(estate, other_home, "SN-200", "ARJO",
                                                                          "maxi move")}
        await _hoist(estate, recall_home, "SN-300", model="Maxi Twin")  # another model: untouched
        response = await client.post("/v1/recalls", json=NOTICE)
        assert response.status_code == 201, response.text
        recall = response.json()
        assert (recall["affected"], recall["pending"], recall["status"]) == (2, 2, "open")
        listed = (await client.get(f"/v1/recalls/{recall['id']}/assets")).json()["items"]
        assert {a["asset_id"] for a in listed} == hit
        assert {a["action"] for a in listed} == {"pending"}

    async def test_a_serial_range_limits_the_assets(self, client: httpx.AsyncClient, estate: Any,
                                                    recall_home: str) -> None:
        inside = await _hoist(estate, recall_home, "SN-150")
        for serial in ("SN-099", "SN-201"):
            await _hoist(estate, recall_home, serial)
        recall = (await client.post("/v1/recalls", json={**NOTICE, "serial_from": "SN-100",
                                                         "serial_to": "SN-200"})).json()
        listed = (await client.get(f"/v1/recalls/{recall['id']}/assets")).json()["items"]
        assert [a["asset_id"] for a in listed] == [inside]

    @pytest.mark.parametrize(("field", "value"), [("make", ""), ("issued_date", "yesterday"), ("serial_to", "A"),
                                                  ("unknown", 1), ("reference", "x" * 101)])
    async def test_bad_input_writes_nothing(self, client: httpx.AsyncClient, estate: Any, recall_home: str,
                                            field: str, value: Any) -> None:
        await _hoist(estate, recall_home, "SN-1")
        body = {**NOTICE, "serial_from": "B", field: value}
        response = await client.post("/v1/recalls", json=body)
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert await estate.count("recall") == 0
        assert await estate.count("recall_asset") == 0


class TestRecallActions:
    async def test_withdrawn_takes_the_asset_out_of_service_and_the_recall_closes_when_all_done(
        self, client: httpx.AsyncClient, estate: Any, recall_home: str,
    ) -> None:
        first, second = await _hoist(estate, recall_home, "SN-1"), await _hoist(estate, recall_home, "SN-2")
        recall = (await client.post("/v1/recalls", json=NOTICE)).json()
        assert (await _act(client, recall["id"], first, "withdrawn")).status_code == 200
        assert (await client.get(f"/v1/assets/{first}")).json()["status"] == "out_of_service"
        close = await client.patch(f"/v1/recalls/{recall['id']}", json={"status": "closed"},
                                   headers={"If-Match": '"1"'})
        assert close.status_code == 409  # the second hoist is still pending
        assert (await _act(client, recall["id"], second, "checked")).json()["actioned_by"] == "estates-1"
        closed = await client.patch(f"/v1/recalls/{recall['id']}", json={"status": "closed"},
                                    headers={"If-Match": '"1"'})
        assert closed.status_code == 200, closed.text
        assert (closed.json()["status"], closed.json()["pending"]) == ("closed", 0)
        assert (await _act(client, recall["id"], second, "modified")).status_code in (409, 412)

    async def test_a_stale_version_is_refused(self, client: httpx.AsyncClient, estate: Any, recall_home: str) -> None:
        hoist = await _hoist(estate, recall_home, "SN-1")
        recall = (await client.post("/v1/recalls", json=NOTICE)).json()
        assert (await _act(client, recall["id"], hoist, "checked")).status_code == 200
        assert (await _act(client, recall["id"], hoist, "modified")).status_code == 412
        missing = await client.patch(f"/v1/recalls/{recall['id']}/assets/{hoist}", json={"action": "checked"})
        assert missing.status_code == 428

    @pytest.mark.parametrize("body", [{"action": "pending"}, {"action": "fixed"}, {"action": "checked", "x": 1}])
    async def test_bad_action(self, client: httpx.AsyncClient, estate: Any, recall_home: str,
                              body: dict[str, Any]) -> None:
        hoist = await _hoist(estate, recall_home, "SN-1")
        recall = (await client.post("/v1/recalls", json=NOTICE)).json()
        response = await client.patch(f"/v1/recalls/{recall['id']}/assets/{hoist}", json=body,
                                      headers={"If-Match": '"1"'})
        assert response.status_code == 422
        assert (await client.get(f"/v1/recalls/{recall['id']}")).json()["pending"] == 1

    async def test_home_staff_see_only_their_homes_assets(self, anonymous: httpx.AsyncClient, estate: Any,
                                                          recall_home: str, token_issuer: TokenIssuer) -> None:
        mine = await _hoist(estate, recall_home, "SN-1")
        elsewhere = (await estate.home("Millbrow"))["id"]
        theirs = await _hoist(estate, elsewhere, "SN-2")
        recall = (await estate.http.post("/v1/recalls", json=NOTICE)).json()
        manager = token_issuer.headers("home_manager", homes=(recall_home,), sub="manager-1")
        seen = (await anonymous.get(f"/v1/recalls/{recall['id']}", headers=manager)).json()
        assert (seen["affected"], seen["pending"]) == (1, 1)
        listed = (await anonymous.get(f"/v1/recalls/{recall['id']}/assets", headers=manager)).json()["items"]
        assert [a["asset_id"] for a in listed] == [mine]
        assert (await _act(anonymous, recall["id"], theirs, "checked", manager)).status_code == 404


class TestRecallsInCompliance:
    async def test_summary_counts_open_recalls_and_pending_assets(self, client: httpx.AsyncClient, estate: Any,
                                                                  recall_home: str) -> None:
        hoist = await _hoist(estate, recall_home, "SN-1")
        await _hoist(estate, recall_home, "SN-2")
        recall = (await client.post("/v1/recalls", json=NOTICE)).json()
        await _act(client, recall["id"], hoist, "checked")
        summary = (await client.get("/v1/compliance/summary", params={"home_id": recall_home})).json()
        assert (summary["open_recalls"], summary["recall_assets_pending"]) == (1, 1)

    async def test_list_filters_by_status_newest_first(self, client: httpx.AsyncClient, estate: Any,
                                                       recall_home: str) -> None:
        await _hoist(estate, recall_home, "SN-1")
        older = (await client.post("/v1/recalls", json=NOTICE)).json()
        newer = (await client.post("/v1/recalls", json={**NOTICE, "issued_date": str(date(2026, 12, 1))})).json()
        listed = (await client.get("/v1/recalls", params={"status": "open", "limit": 1})).json()
        assert [r["id"] for r in listed["items"]] == [newer["id"]]
        rest = (await client.get("/v1/recalls", params={"status": "open", "cursor": listed["next_cursor"]})).json()
        assert [r["id"] for r in rest["items"]] == [older["id"]]
        assert (await client.get("/v1/recalls", params={"status": "closed"})).json()["items"] == []
