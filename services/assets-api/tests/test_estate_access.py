"""The estate permission matrix cell by cell (generated from the table in code), and home scoping
for every estate resource: a record in a home the caller does not work in is a 404."""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from assets_api.assets import service as assets_service
from assets_api.assets.schemas import AssetCreate
from assets_api.defects import service as defects_service
from assets_api.defects.models import Priority
from assets_api.defects.schemas import DefectCreate
from assets_api.homes import service as homes_service
from assets_api.homes.schemas import HomeCreate
from assets_api.inspections import service as inspections_service
from assets_api.inspections.models import Outcome
from assets_api.inspections.schemas import InspectionCreate
from assets_api.locations import service as locations_service
from assets_api.locations.models import LocationKind
from assets_api.locations.schemas import LocationCreate
from assets_api.permissions import MATRIX, Action
from assets_api.recalls import service as recalls_service
from assets_api.recalls.schemas import RecallCreate
from carehub_kit.auth import ORG_WIDE, Role
from carehub_kit.identity import Actor
from carehub_kit.testing import TokenIssuer

YESTERDAY = date.today() - timedelta(days=1)


@dataclass
class World:
    home: str
    building: str
    asset: str
    defect: str
    inspection: str
    recall: str
    estate: Any


Call = Callable[[httpx.AsyncClient, World, dict[str, str]], Awaitable[httpx.Response]]


async def _post(http: httpx.AsyncClient, url: str, body: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await http.post(url, json=body, headers=h)


async def _new_asset(http: httpx.AsyncClient, w: World, h: dict[str, str]) -> httpx.Response:
    return await _post(http, "/v1/assets", {"home_id": w.home, "category_id": await w.estate.category_id("boiler"),
                                            "name": "Boiler 2"}, h)


async def _inspect(http: httpx.AsyncClient, w: World, h: dict[str, str]) -> httpx.Response:
    return await _post(http, "/v1/inspections", {
        "asset_id": w.asset, "rule_id": await w.estate.rule_id("loler_hoist"), "inspected_date": str(YESTERDAY),
        "outcome": "pass", "inspector_name": "A. Engineer"}, h)


async def _new_rule(http: httpx.AsyncClient, w: World, h: dict[str, str]) -> httpx.Response:
    return await _post(http, "/v1/inspection-rules", {
        "code": "hoist_service", "category_id": await w.estate.category_id("hoist"),
        "inspection_type": "Hoist service", "interval_value": 12, "interval_unit": "months", "warning_days": 30,
        "basis": "Manufacturer's instructions; PUWER 1998 reg 5", "statutory": False,
        "fail_takes_out_of_service": False}, h)


async def _override(http: httpx.AsyncClient, w: World, h: dict[str, str]) -> httpx.Response:
    return await _post(http, "/v1/rule-overrides", {
        "home_id": w.home, "rule_id": await w.estate.rule_id("pat"), "interval_value": 6,
        "interval_unit": "months", "reason": "Risk assessment 2026: heavy use in the laundry"}, h)


async def _import(http: httpx.AsyncClient, w: World, h: dict[str, str]) -> httpx.Response:
    return await http.post("/v1/imports", data={"home_id": w.home}, headers=h,
                           files={"file": ("register.csv", b"name,category,safe_working_load_kg\nHoist,hoist,180\n")})


RECALL = RecallCreate(reference="MHRA FSN 2026/011", title="Spreader bar pin may shear", make="Arjo",
                      model="Maxi Move", issued_date=YESTERDAY, action_required="Check the pin; replace if worn.")

CALLS: dict[Action, tuple[Call, int]] = {
    Action.location_read: (lambda http, w, h: http.get(f"/v1/locations/{w.building}", headers=h), 200),
    Action.location_manage: (lambda http, w, h: _post(http, "/v1/locations", {
        "home_id": w.home, "parent_id": w.building, "kind": "floor", "name": "Ground floor"}, h), 201),
    Action.category_read: (lambda http, w, h: http.get("/v1/categories", headers=h), 200),
    Action.category_manage: (lambda http, w, h: _post(http, "/v1/categories", {
        "code": "dishwasher", "name": "Dishwasher"}, h), 201),
    Action.rule_read: (lambda http, w, h: http.get("/v1/inspection-rules", headers=h), 200),
    Action.rule_manage: (_new_rule, 201),
    Action.rule_override_manage: (_override, 201),
    Action.asset_read: (lambda http, w, h: http.get(f"/v1/assets/{w.asset}", headers=h), 200),
    Action.asset_manage: (_new_asset, 201),
    Action.inspection_read: (lambda http, w, h: http.get(f"/v1/inspections/{w.inspection}", headers=h), 200),
    Action.inspection_record: (_inspect, 201),
    Action.defect_read: (lambda http, w, h: http.get(f"/v1/defects/{w.defect}", headers=h), 200),
    Action.defect_raise: (lambda http, w, h: _post(http, "/v1/defects", {
        "asset_id": w.asset, "title": "Hoist battery will not charge", "priority": "P2"}, h), 201),
    Action.defect_manage: (lambda http, w, h: http.patch(f"/v1/defects/{w.defect}", json={
        "status": "in_progress"}, headers={**h, "If-Match": '"1"'}), 200),
    Action.compliance_read: (lambda http, w, h: http.get("/v1/compliance/summary", params={"home_id": w.home},
                                                        headers=h), 200),
    Action.recall_read: (lambda http, w, h: http.get(f"/v1/recalls/{w.recall}", headers=h), 200),
    Action.recall_manage: (lambda http, w, h: _post(http, "/v1/recalls", RECALL.model_dump(mode="json"), h), 201),
    Action.recall_action: (lambda http, w, h: http.patch(f"/v1/recalls/{w.recall}/assets/{w.asset}", json={
        "action": "checked"}, headers={**h, "If-Match": '"1"'}), 200),
    Action.asset_export: (lambda http, w, h: http.get("/v1/exports/assets", params={"home_id": w.home},
                                                     headers=h), 200),
    Action.asset_label: (lambda http, w, h: http.get(f"/v1/labels/assets/{w.asset}", headers=h), 200),
    Action.asset_import: (_import, 202),
}
ESTATE_ACTIONS = [a for a in Action if not a.name.startswith("home_")]
CELLS = [(role, action, MATRIX.allows((role,), action)) for role in Role for action in ESTATE_ACTIONS]


def test_every_action_has_a_call_under_test() -> None:
    assert set(CALLS) == set(ESTATE_ACTIONS)
    assert set(MATRIX.table) == set(Action)


async def _world(estate: Any) -> World:
    """One home with a building, a hoist, an inspection and a defect, written through the services
    in a single transaction (quicker than five HTTP calls; this runs for every cell)."""
    officer = Actor(sub="estates-1", name="Estates", roles=("estates_officer",))
    async with estate.app.state.sessionmaker() as session, session.begin():
        home = await homes_service.create(session, officer, HomeCreate(
            name="Naughton Fields", address_line1="Naughton Road", town="Widnes", postcode="WA8 3BW",
            registered_beds=40))
        building = await locations_service.create(session, officer, LocationCreate(
            home_id=home.id, kind=LocationKind.building, name="Main house"))
        hoist = await assets_service.create(session, officer, AssetCreate(
            home_id=home.id, category_id=uuid.UUID(await estate.category_id("hoist")), name="Hoist",
            location_id=building.id, make="Arjo", model="Maxi Move", extra={"safe_working_load_kg": 180}))
        inspection, _ = await inspections_service.record(session, officer, InspectionCreate(
            asset_id=hoist.id, rule_id=uuid.UUID(await estate.rule_id("loler_hoist")), outcome=Outcome.pass_,
            inspected_date=YESTERDAY - timedelta(days=30), inspector_name="A. Engineer"))
        defect = await defects_service.raise_defect(session, officer, DefectCreate(
            asset_id=hoist.id, title="Frayed strap", priority=Priority.P3))
        recall = await recalls_service.issue(session, officer, RECALL)
    return World(str(home.id), str(building.id), str(hoist.id), str(defect.id), str(inspection.id), str(recall.id),
                 estate)


@pytest.fixture
async def world(estate: Any) -> World:
    return await _world(estate)


@pytest.mark.parametrize(("role", "action", "allowed"), CELLS,
                         ids=[f"{r}-{a}-{'allow' if ok else 'deny'}" for r, a, ok in CELLS])
async def test_matrix_cell(anonymous: httpx.AsyncClient, token_issuer: TokenIssuer, world: World,
                           role: Role, action: Action, allowed: bool) -> None:
    """Each role acting in a home it works in: allowed cells succeed, the rest are 403."""
    headers = token_issuer.headers(role, homes=(world.home,), sub=f"{role}-1")
    call, success = CALLS[action]
    response = await call(anonymous, world, headers)
    assert response.status_code == (success if allowed else 403), response.text


class TestEstateHomeScoping:
    """Someone working in another home sees none of this home's estate: 404s and empty lists."""

    @pytest.fixture
    async def outsider(self, estate: Any, token_issuer: TokenIssuer) -> dict[str, str]:
        elsewhere = (await estate.home("Millbrow"))["id"]
        return token_issuer.headers("home_manager", homes=(elsewhere,), sub="manager-elsewhere")

    async def test_records_in_another_home_are_404(self, anonymous: httpx.AsyncClient, world: World,
                                                   outsider: dict[str, str]) -> None:
        for url in (f"/v1/locations/{world.building}", f"/v1/assets/{world.asset}",
                    f"/v1/inspections/{world.inspection}", f"/v1/defects/{world.defect}",
                    f"/v1/recalls/{world.recall}", f"/v1/labels/assets/{world.asset}"):
            response = await anonymous.get(url, headers=outsider)
            assert response.status_code == 404, url
            missing = await anonymous.get(url.rsplit("/", 1)[0] + f"/{uuid.uuid4()}", headers=outsider)
            assert response.json()["detail"] == missing.json()["detail"]  # no existence leak

    async def test_lists_and_summaries_for_another_home_are_404(
        self, anonymous: httpx.AsyncClient, world: World, outsider: dict[str, str],
    ) -> None:
        for url in ("/v1/locations", "/v1/assets", "/v1/inspections", "/v1/defects", "/v1/rule-overrides",
                    "/v1/compliance/summary", "/v1/recalls", "/v1/exports/assets", "/v1/labels/sheet"):
            assert (await anonymous.get(url, params={"home_id": world.home}, headers=outsider)).status_code == 404

    async def test_unfiltered_lists_leave_out_other_homes(
        self, anonymous: httpx.AsyncClient, world: World, outsider: dict[str, str],
    ) -> None:
        for url in ("/v1/locations", "/v1/assets", "/v1/inspections", "/v1/defects", "/v1/recalls"):
            assert (await anonymous.get(url, headers=outsider)).json()["items"] == [], url
        assert (await anonymous.get(f"/v1/recalls/{world.recall}/assets", headers=outsider)).status_code == 404
        exported = await anonymous.get("/v1/exports/assets", headers=outsider)
        assert exported.text.strip().count("\n") == 0  # the header row only
        summary = (await anonymous.get("/v1/compliance/summary", headers=outsider)).json()
        assert summary["totals"]["required"] == 0

    async def test_changes_in_another_home_are_404_and_write_nothing(
        self, anonymous: httpx.AsyncClient, world: World, outsider: dict[str, str],
    ) -> None:
        before = await world.estate.count("audit_event")
        writes = [
            anonymous.patch(f"/v1/assets/{world.asset}", json={"name": "Mine now"},
                            headers={**outsider, "If-Match": '"1"'}),
            anonymous.patch(f"/v1/locations/{world.building}", json={"name": "Mine"},
                            headers={**outsider, "If-Match": '"1"'}),
            anonymous.patch(f"/v1/defects/{world.defect}", json={"status": "closed"},
                            headers={**outsider, "If-Match": '"1"'}),
            _inspect(anonymous, world, outsider),
            _post(anonymous, "/v1/locations", {"home_id": world.home, "kind": "building", "name": "Annex"}, outsider),
            _override(anonymous, world, outsider),
            anonymous.patch(f"/v1/recalls/{world.recall}/assets/{world.asset}", json={"action": "withdrawn"},
                            headers={**outsider, "If-Match": '"1"'}),
            _import(anonymous, world, outsider),
        ]
        for write in writes:
            assert (await write).status_code == 404
        assert await world.estate.count("audit_event") == before

    async def test_another_homes_import_job_is_404(self, anonymous: httpx.AsyncClient, world: World,
                                                   outsider: dict[str, str], token_issuer: TokenIssuer) -> None:
        officer = token_issuer.headers("estates_officer", sub="estates-1")
        job = (await _import(anonymous, world, officer)).headers["location"]
        assert (await anonymous.get(job, headers=officer)).status_code == 200
        assert (await anonymous.get(job, headers=outsider)).status_code == 404

    async def test_defect_for_asset_in_a_home_they_do_not_work_in_is_404(
        self, anonymous: httpx.AsyncClient, world: World, token_issuer: TokenIssuer, estate: Any,
    ) -> None:
        elsewhere = (await estate.home("St Luke's"))["id"]
        carer = token_issuer.headers("care_worker", homes=(elsewhere,), sub="carer-elsewhere")
        before = await estate.count("defect")
        response = await anonymous.post("/v1/defects", json={"asset_id": world.asset, "title": "Broken",
                                                             "priority": "P1"}, headers=carer)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert await estate.count("defect") == before

    @pytest.mark.parametrize("role", sorted(ORG_WIDE))
    async def test_org_wide_roles_see_every_home(self, anonymous: httpx.AsyncClient, world: World,
                                                 token_issuer: TokenIssuer, role: Role) -> None:
        listed = (await anonymous.get("/v1/assets", headers=token_issuer.headers(role))).json()["items"]
        assert [a["id"] for a in listed] == [world.asset]
