"""Defects and work orders: anyone in the home reports, status flow, return-to-service check."""

from datetime import date
from typing import Any

import httpx
import pytest

from carehub_kit.testing import TokenIssuer

TODAY = date.today()


@pytest.fixture
async def home(estate: Any) -> str:
    return (await estate.home())["id"]  # type: ignore[no-any-return]


async def patch(client: httpx.AsyncClient, defect: dict[str, Any], **body: Any) -> httpx.Response:
    current = await client.get(f"/v1/defects/{defect['id']}")
    return await client.patch(f"/v1/defects/{defect['id']}", json=body, headers={"If-Match": current.headers["etag"]})


class TestRaiseDefect:
    async def test_a_care_worker_reports_a_broken_hoist(self, anonymous: httpx.AsyncClient, estate: Any, home: str,
                                                        token_issuer: TokenIssuer) -> None:
        hoist = await estate.asset(home)
        carer = token_issuer.headers("care_worker", homes=(home,), sub="carer-7")
        response = await anonymous.post("/v1/defects", headers=carer, json={
            "asset_id": hoist["id"], "title": "Hoist will not lower", "priority": "P1", "take_out_of_service": True})
        assert response.status_code == 201, response.text
        defect = response.json()
        assert (defect["status"], defect["raised_by"], defect["took_out_of_service"]) == ("open", "carer-7", True)
        asset = (await anonymous.get(f"/v1/assets/{hoist['id']}", headers=carer)).json()
        assert asset["status"] == "out_of_service"

    @pytest.mark.parametrize(("field", "value"), [("priority", "P5"), ("title", ""), ("asset_id", "nope"),
                                                  ("status", "closed")])
    async def test_bad_input(self, client: httpx.AsyncClient, estate: Any, home: str, field: str, value: Any) -> None:
        hoist = await estate.asset(home)
        response = await client.post("/v1/defects", json={"asset_id": hoist["id"], "title": "Broken",
                                                           "priority": "P2", field: value})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", field]
        assert await estate.count("defect") == 0


class TestWorkflow:
    async def test_status_flow(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        defect = await estate._post("/v1/defects", {"asset_id": (await estate.asset(home))["id"],
                                                    "title": "Loose castor", "priority": "P3"})
        assert (await patch(client, defect, status="in_progress", contractor="Medequip Ltd")).status_code == 200
        resolved = await patch(client, defect, status="resolved", cost="85.50", resolution="Castor replaced")
        assert (resolved.json()["status"], resolved.json()["cost"]) == ("resolved", "85.50")
        assert resolved.json()["resolved_at"] is not None
        assert (await patch(client, defect, status="closed")).json()["closed_at"] is not None
        refused = await patch(client, defect, status="open")
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["type"] == "bad_transition"

    async def test_resolving_an_out_of_service_defect_needs_a_return_check(
        self, client: httpx.AsyncClient, estate: Any, home: str,
    ) -> None:
        hoist = await estate.asset(home)
        defect = await estate._post("/v1/defects", {"asset_id": hoist["id"], "title": "Sling bar cracked",
                                                    "priority": "P1", "take_out_of_service": True})
        response = await patch(client, defect, status="resolved")
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "return_check"]
        assert (await client.get(f"/v1/assets/{hoist['id']}")).json()["status"] == "out_of_service"
        response = await patch(client, defect, status="resolved", return_check={
            "checked_by": "K. Jones, maintenance", "return_to_service": True, "notes": "New sling bar fitted"})
        assert response.status_code == 200, response.text
        assert response.json()["returned_to_service"] is True
        assert (await client.get(f"/v1/assets/{hoist['id']}")).json()["status"] == "in_service"

    async def test_a_failed_inspection_needs_a_passing_reinspection_first(
        self, client: httpx.AsyncClient, estate: Any, home: str,
    ) -> None:
        hoist = await estate.asset(home)
        failed = await estate.inspect(hoist["id"], "loler_hoist", TODAY, outcome="fail")
        defect = {"id": failed["opened_defect_id"]}
        check = {"checked_by": "K. Jones", "return_to_service": True}
        response = await patch(client, defect, status="resolved", return_check=check)
        assert response.status_code == 409
        assert (await client.get(f"/v1/assets/{hoist['id']}")).json()["status"] == "out_of_service"
        await estate.inspect(hoist["id"], "loler_hoist", TODAY)
        assert (await patch(client, defect, status="resolved", return_check=check)).status_code == 200
        assert (await client.get(f"/v1/assets/{hoist['id']}")).json()["status"] == "in_service"

    async def test_asset_cannot_be_put_back_in_service_by_hand(self, client: httpx.AsyncClient, estate: Any,
                                                               home: str) -> None:
        hoist = await estate.asset(home)
        await estate._post("/v1/defects", {"asset_id": hoist["id"], "title": "Unsafe", "priority": "P1",
                                           "take_out_of_service": True})
        current = await client.get(f"/v1/assets/{hoist['id']}")
        response = await client.patch(f"/v1/assets/{hoist['id']}", json={"status": "in_service"},
                                      headers={"If-Match": current.headers["etag"]})
        assert response.status_code == 409

    async def test_lists_open_defects_by_priority(self, client: httpx.AsyncClient, estate: Any, home: str) -> None:
        asset = (await estate.asset(home))["id"]
        for priority in ("P3", "P1", "P2"):
            await estate._post("/v1/defects", {"asset_id": asset, "title": f"{priority} job", "priority": priority})
        listed = (await client.get("/v1/defects", params={"status": "open", "sort": "priority"})).json()["items"]
        assert [d["priority"] for d in listed] == ["P1", "P2", "P3"]
