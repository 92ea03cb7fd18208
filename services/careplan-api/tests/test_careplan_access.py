"""The careplan permission matrix, cell by cell (generated from the table in code), and home
scoping: a resident in another home is a 404, exactly like one that does not exist."""

import uuid
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import httpx
import pytest

from carehub_kit.auth import ORG_WIDE, Role
from careplan_api.permissions import MATRIX, Action

CareplanApi = Any  # the `careplan` fixture (conftest.CareplanApi): builds records over HTTP
Call = Callable[[Any, dict[str, Any], dict[str, str]], Awaitable[httpx.Response]]
TODAY = date.today().isoformat()


def _r(rec: dict[str, Any]) -> str:
    return f"/v1/residents/{rec['resident_id']}"


async def _read(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.get(_r(rec), headers=h)


async def _admit(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.post("/v1/residents", json=c.resident_body(nhs_number=None), headers=h)


async def _update(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.patch(_r(rec), json={"preferred_name": "Peg"}, headers={**h, "If-Match": '"1"'})


async def _absence(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.post(f"{_r(rec)}/status-changes", json={"status": "in_hospital", "effective_date": TODAY},
                             headers=h)


async def _discharge(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.post(f"{_r(rec)}/status-changes", json={"status": "discharged", "effective_date": TODAY},
                             headers=h)


async def _domain(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.post("/v1/care-domains", params={"home_id": c.HOME}, json={"code": "diabetes", "name": "D"},
                             headers=h)


async def _plan(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.get(f"{_r(rec)}/care-plan", headers=h)


async def _draft(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.post(f"{_r(rec)}/care-plan/versions", headers=h, json={
        "based_on_version": 2, "reason": "Change", "sections": [c.section()]})


async def _sign(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.post(f"{_r(rec)}/care-plan/versions/2/sign-off", json={"involvement": "resident"}, headers=h)


async def _review(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.post(f"{_r(rec)}/care-plan/sections/{rec['section_id']}/reviews", headers=h,
                             json={"review_date": TODAY, "outcome": "no_change", "summary": "Fine."})


async def _due(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.get("/v1/reviews/due", params={"home_id": c.HOME}, headers=h)


async def _notes(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.get(f"{_r(rec)}/notes", headers=h)


async def _note(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.note(rec["resident_id"], headers=h)


async def _audit(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.get(f"{_r(rec)}/audit", headers=h)


async def _risks(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.get(f"{_r(rec)}/risk-assessments", headers=h)


async def _assess(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.post(f"{_r(rec)}/risk-assessments", headers=h, json={
        "tool": "falls", "assessed_at": f"{TODAY}T00:00:00+00:00", "items": {
            "recent_falls": "none_in_12_months", "medications": 0, "psychological": "not_affected", "amts": 10}})


async def _consents(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.get(f"{_r(rec)}/consents", headers=h)


async def _consent(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.post(f"{_r(rec)}/consents", headers=h, json={
        "scope": "care", "decision": "given", "given_by": "resident", "decision_date": TODAY})


async def _dols(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.post(f"{_r(rec)}/dols", headers=h, json={
        "stage": "application", "kind": "standard", "supervisory_body": "Northshire", "event_date": TODAY})


async def _expiring(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.get("/v1/dols/expiring", params={"home_id": c.HOME}, headers=h)


async def _handover(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.get("/v1/handover", headers=h, params={
        "home_id": c.HOME, "from": f"{TODAY}T00:00:00+00:00", "to": f"{TODAY}T12:00:00+00:00"})


async def _fhir(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.get(f"{_r(rec)}/fhir", headers=h)


async def _home_export(c: CareplanApi, rec: dict[str, Any], h: dict[str, str]) -> httpx.Response:
    return await c.http.get(f"/v1/homes/{c.HOME}/export", headers=h)


# In an order where each allowed call leaves the record fit for the next one (reads first,
# the sign-off of v2 before a v3 is drafted on it, discharge last), so one record serves a role.
CALLS: dict[Action, tuple[Call, int]] = {
    Action.resident_read: (_read, 200), Action.plan_read: (_plan, 200), Action.note_read: (_notes, 200),
    Action.review_list: (_due, 200), Action.audit_read: (_audit, 200), Action.risk_read: (_risks, 200),
    Action.risk_assess: (_assess, 201), Action.consent_read: (_consents, 200), Action.dols_list: (_expiring, 200),
    Action.consent_record: (_consent, 201), Action.dols_record: (_dols, 201), Action.handover_read: (_handover, 200),
    Action.record_export: (_fhir, 200), Action.home_export: (_home_export, 200),
    Action.resident_update: (_update, 200),
    Action.note_write: (_note, 201), Action.review_record: (_review, 201), Action.plan_sign_off: (_sign, 200),
    Action.plan_draft: (_draft, 201), Action.domain_define: (_domain, 201), Action.resident_admit: (_admit, 201),
    Action.resident_absence: (_absence, 201), Action.resident_discharge: (_discharge, 201),
}
RECORD_READS = [Action.resident_read, Action.plan_read, Action.note_read, Action.risk_read, Action.consent_read]


def test_every_action_has_a_call_under_test() -> None:
    assert set(CALLS) == set(Action) == set(MATRIX.table)


def test_estates_officers_have_no_care_record_access() -> None:
    assert not any(MATRIX.allows((Role.estates_officer,), action) for action in Action)


def test_integrators_only_read() -> None:
    allowed = {a for a in Action if MATRIX.allows((Role.integrator,), a)}
    assert allowed == {Action.resident_read, Action.plan_read, Action.review_list, Action.note_read,
                       Action.risk_read, Action.consent_read, Action.dols_list, Action.record_export}


@pytest.fixture
async def record(careplan: CareplanApi) -> dict[str, Any]:
    """A resident in HOME with a current plan (v1) and a draft (v2)."""
    resident = await careplan.admit()
    v1 = await careplan.draft(resident["id"])
    await careplan.sign_off(resident["id"], 1)
    await careplan.draft(resident["id"], v1["sections"], based_on=1, reason="Update")
    return {"resident_id": resident["id"], "section_id": v1["sections"][0]["id"]}


@pytest.mark.parametrize("role", list(Role))
async def test_matrix_cells_of_role(careplan: CareplanApi, record: dict[str, Any], role: Role) -> None:
    """Every cell of the role's row, acting in a home it works in: allowed cells succeed, the
    rest are 403. (One record per role keeps 112 cells to seconds; denied calls write nothing.)"""
    wrong = []
    for action, (call, success) in CALLS.items():
        expected = success if MATRIX.allows((role,), action) else 403
        response = await call(careplan, record, careplan.as_role(role))
        if response.status_code != expected:
            wrong.append(f"{role}/{action}: expected {expected}, got {response.status_code} {response.text[:200]}")
    assert wrong == []


class TestHomeScoping:
    @pytest.mark.parametrize("role", sorted(set(Role) - ORG_WIDE - {Role.integrator}))
    @pytest.mark.parametrize("action", RECORD_READS)
    async def test_another_homes_resident_is_404_like_a_missing_one(
        self, careplan: CareplanApi, record: dict[str, Any], role: Role, action: Action,
    ) -> None:
        headers = careplan.as_role(role, home=careplan.OTHER_HOME)
        call, _ = CALLS[action]
        theirs = await call(careplan, record, headers)
        missing = await call(careplan, {"resident_id": str(uuid.uuid4())}, headers)
        assert theirs.status_code == missing.status_code == 404
        assert theirs.json()["detail"] == missing.json()["detail"]

    async def test_cross_home_note_is_404_and_writes_nothing(self, careplan: CareplanApi, record: dict[str, Any],
                                                             careplan_app: Any) -> None:
        response = await careplan.note(record["resident_id"],
                                       headers=careplan.as_role("care_worker", home=careplan.OTHER_HOME))
        assert response.status_code == 404
        assert await careplan.count(careplan_app, "daily_note") == 0

    async def test_cross_home_assessment_is_404_and_writes_nothing(self, careplan: CareplanApi,
                                                                   record: dict[str, Any], careplan_app: Any) -> None:
        response = await _assess(careplan, record, careplan.as_role("nurse", home=careplan.OTHER_HOME))
        assert response.status_code == 404
        assert await careplan.count(careplan_app, "risk_assessment") == 0

    async def test_lists_show_only_own_homes(self, careplan: CareplanApi, record: dict[str, Any]) -> None:
        own = await careplan.http.get("/v1/residents", headers=careplan.as_role("care_worker"))
        other = await careplan.http.get("/v1/residents", headers=careplan.as_role("care_worker",
                                                                                   home=careplan.OTHER_HOME))
        wide = await careplan.http.get("/v1/residents", headers=careplan.issuer.headers("divisional_manager"))
        assert len(own.json()["items"]) == len(wide.json()["items"]) == 1
        assert other.json()["items"] == []

    async def test_no_token_is_401(self, careplan: CareplanApi) -> None:
        assert (await careplan.http.get("/v1/residents")).status_code == 401


class TestResidentAudit:
    async def test_trail_shows_who_viewed_and_changed_without_personal_data(
        self, careplan: CareplanApi, record: dict[str, Any],
    ) -> None:
        await careplan.http.get(_r(record), headers=careplan.as_role("care_worker", sub="carer-7"))
        await careplan.note(record["resident_id"], headers=careplan.as_role("care_worker", sub="carer-7"))
        response = await careplan.http.get(f"{_r(record)}/audit", params={"limit": 200}, headers=careplan.manager)
        assert response.status_code == 200
        events = response.json()["items"]
        seen = [(e["actor_sub"], e["action"], e["entity_type"]) for e in events[:3]]
        assert seen == [("carer-7", "create", "daily_note"), ("carer-7", "view", "resident"),
                        ("home_manager-1", "create", "care_plan_version")]
        assert {e["action"] for e in events} >= {"create", "sign_off", "view"}
        # The whole NHS number, in either spelling: four digits alone turn up in random request ids.
        for personal in ("Peggy", "Ashworth", "9434765919", "943 476 5919"):
            assert personal not in response.text

    async def test_reading_the_trail_is_itself_audited(self, careplan: CareplanApi, record: dict[str, Any]) -> None:
        await careplan.http.get(f"{_r(record)}/audit", headers=careplan.manager)
        second = (await careplan.http.get(f"{_r(record)}/audit", headers=careplan.manager)).json()
        assert second["items"][0]["details"] == {"resident_id": record["resident_id"], "part": "audit"}

    async def test_divisional_manager_reads_any_homes_trail(self, careplan: CareplanApi,
                                                            record: dict[str, Any]) -> None:
        response = await careplan.http.get(f"{_r(record)}/audit", headers=careplan.issuer.headers("divisional_manager"))
        assert response.status_code == 200
