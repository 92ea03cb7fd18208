"""Care plans: versions are immutable, drafts become current by sign-off, any version can be
read as it stood, and two versions can be compared."""

from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import text

CareplanApi = Any  # the `careplan` fixture (conftest.CareplanApi): builds records over HTTP


async def _versions_url(careplan: CareplanApi) -> tuple[str, str]:
    resident = await careplan.admit()
    return resident["id"], f"/v1/residents/{resident['id']}/care-plan/versions"


class TestDraftVersions:
    async def test_first_version_is_a_draft_with_ids_and_domain_titles(self, careplan: CareplanApi) -> None:
        resident_id, _ = await _versions_url(careplan)
        version = await careplan.draft(resident_id, [careplan.section(equipment_asset_ids=[careplan.HOME])])
        assert (version["number"], version["status"], version["author_sub"]) == (1, "draft", "home_manager-1")
        (section,) = version["sections"]
        assert section["title"] == "Mobility and falls"
        assert section["review_interval"] == "monthly"
        assert all([section["id"], section["goals"][0]["id"], section["interventions"][0]["id"]])
        plan = (await careplan.http.get(f"/v1/residents/{resident_id}/care-plan", headers=careplan.manager)).json()
        assert (plan["current_version_number"], plan["latest_version_number"], plan["current"]) == (None, 1, None)

    async def test_sign_off_makes_current_and_supersedes_the_previous(self, careplan: CareplanApi) -> None:
        resident_id, url = await _versions_url(careplan)
        first = await careplan.draft(resident_id)
        signed = await careplan.sign_off(resident_id, 1)
        assert (signed["status"], signed["signed_off_role"], signed["involvement"]) == ("current", "home_manager",
                                                                                        "resident")
        changed = [{**first["sections"][0], "needs": "Needs the frame at all times now."}]
        second = await careplan.draft(resident_id, changed, based_on=1, reason="Fall on 3 December")
        assert second["based_on_number"] == 1
        plan = (await careplan.http.get(f"/v1/residents/{resident_id}/care-plan", headers=careplan.manager)).json()
        assert plan["current"]["number"] == 1  # a draft is not in force until signed off
        await careplan.sign_off(resident_id, 2)
        statuses = [(v["number"], v["status"]) for v in
                    (await careplan.http.get(url, headers=careplan.manager)).json()["items"]]
        assert statuses == [(2, "current"), (1, "superseded")]
        old = (await careplan.http.get(f"{url}/1", headers=careplan.manager)).json()
        assert old["sections"][0]["needs"] == "Unsteady on her feet after a fall in March."  # as it stood

    async def test_edit_to_an_old_version_is_refused_and_writes_nothing(
        self, careplan: CareplanApi, careplan_app: FastAPI,
    ) -> None:
        resident_id, url = await _versions_url(careplan)
        await careplan.draft(resident_id)
        await careplan.sign_off(resident_id, 1)
        await careplan.draft(resident_id, based_on=1, reason="Second")
        await careplan.sign_off(resident_id, 2)
        audit_before = await careplan.count(careplan_app, "audit_event")
        response = await careplan.http.post(url, headers=careplan.manager, json={
            "based_on_version": 1, "reason": "Editing the old one", "sections": [careplan.section()]})
        assert response.status_code == 409
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors"][0]["loc"] == ["body", "based_on_version"]
        assert await careplan.count(careplan_app, "care_plan_version") == 2
        assert await careplan.count(careplan_app, "audit_event") == audit_before

    async def test_no_edit_in_place(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        resident_id, url = await _versions_url(careplan)
        await careplan.draft(resident_id)
        assert (await careplan.http.patch(f"{url}/1", json={}, headers=careplan.manager)).status_code == 405
        assert (await careplan.http.delete(f"{url}/1", headers=careplan.manager)).status_code == 405
        async with careplan_app.state.engine.connect() as conn:
            with pytest.raises(Exception, match="immutable"):
                await conn.execute(text("UPDATE careplan.care_plan_version SET reason = 'sneaky'"))

    async def test_a_new_draft_replaces_an_unsigned_one(self, careplan: CareplanApi) -> None:
        resident_id, url = await _versions_url(careplan)
        await careplan.draft(resident_id)
        await careplan.draft(resident_id, based_on=1, reason="Fixed a typo before sign-off")
        statuses = [v["status"] for v in (await careplan.http.get(url, headers=careplan.manager)).json()["items"]]
        assert statuses == ["draft", "superseded"]
        stale = await careplan.http.post(f"{url}/1/sign-off", json={"involvement": "resident"},
                                         headers=careplan.manager)
        assert stale.status_code == 409

    @pytest.mark.parametrize(("sections", "loc"), [
        ([{"domain": "astrology", "needs": "x"}], ["body", "sections", 0, "domain"]),
        ([{"domain": "sleep", "needs": "x"}, {"domain": "sleep", "needs": "y"}], ["body", "sections", 1, "domain"]),
        ([{"domain": "sleep", "needs": "x", "id": "00000000-0000-4000-8000-000000000009"}],
         ["body", "sections", 0, "id"]),
    ])
    async def test_bad_sections_are_422(self, careplan: CareplanApi, careplan_app: FastAPI,
                                        sections: list[dict[str, Any]], loc: list[Any]) -> None:
        resident_id, url = await _versions_url(careplan)
        response = await careplan.http.post(url, json={"reason": "First", "sections": sections},
                                            headers=careplan.manager)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == loc
        assert await careplan.count(careplan_app, "care_plan") == 0

    @pytest.mark.parametrize("body", [
        {"reason": "x", "sections": []},
        {"reason": "x", "sections": [{"domain": "sleep", "needs": "x", "mood": "y"}]},
        {"reason": "", "sections": [{"domain": "sleep", "needs": "x"}]},
        {"reason": "x", "sections": [{"domain": "sleep", "needs": "x", "equipment_asset_ids": ["not-a-uuid"]}]},
    ])
    async def test_bad_version_body_is_422(self, careplan: CareplanApi, body: dict[str, Any]) -> None:
        _, url = await _versions_url(careplan)
        assert (await careplan.http.post(url, json=body, headers=careplan.manager)).status_code == 422

    async def test_home_defined_domain(self, careplan: CareplanApi) -> None:
        resident_id, _ = await _versions_url(careplan)
        added = await careplan.http.post("/v1/care-domains", params={"home_id": careplan.HOME},
                                         json={"code": "diabetes", "name": "Diabetes care"}, headers=careplan.manager)
        assert added.status_code == 201
        version = await careplan.draft(resident_id, [careplan.section("diabetes")])
        assert version["sections"][0]["title"] == "Diabetes care"
        dup = await careplan.http.post("/v1/care-domains", params={"home_id": careplan.HOME},
                                       json={"code": "sleep", "name": "Sleep"}, headers=careplan.manager)
        assert dup.status_code == 409
        standard = (await careplan.http.get("/v1/care-domains/standard", headers=careplan.manager)).json()
        assert len(standard) == 12


class TestSignOff:
    async def test_care_worker_cannot_sign_off(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        resident_id, url = await _versions_url(careplan)
        await careplan.draft(resident_id)
        response = await careplan.http.post(f"{url}/1/sign-off", json={"involvement": "resident"},
                                            headers=careplan.as_role("care_worker"))
        assert response.status_code == 403
        assert response.headers["content-type"] == "application/problem+json"
        assert await careplan.count(careplan_app, "care_plan_version", "status = 'draft'") == 1
        assert await careplan.count(careplan_app, "audit_event", "action = 'sign_off'") == 0

    @pytest.mark.parametrize("role", ["senior_carer", "nurse", "home_manager"])
    async def test_clinical_roles_sign_off(self, careplan: CareplanApi, role: str) -> None:
        resident_id, url = await _versions_url(careplan)
        await careplan.draft(resident_id)
        response = await careplan.http.post(f"{url}/1/sign-off", json={"involvement": "representative",
                                            "involvement_note": "Daughter (LPA health) by phone."},
                                            headers=careplan.as_role(role))
        assert response.status_code == 200
        assert response.json()["signed_off_role"] == role

    async def test_not_involved_needs_a_reason(self, careplan: CareplanApi) -> None:
        resident_id, url = await _versions_url(careplan)
        await careplan.draft(resident_id)
        response = await careplan.http.post(f"{url}/1/sign-off", json={"involvement": "not_involved"},
                                            headers=careplan.manager)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "involvement_note"]

    async def test_current_version_cannot_be_signed_again(self, careplan: CareplanApi) -> None:
        resident_id, url = await _versions_url(careplan)
        await careplan.draft(resident_id)
        await careplan.sign_off(resident_id, 1)
        again = await careplan.http.post(f"{url}/1/sign-off", json={"involvement": "resident"},
                                         headers=careplan.manager)
        assert again.status_code == 409


class TestDiff:
    async def test_structured_diff_by_section_goal_and_intervention(self, careplan: CareplanApi) -> None:
        resident_id, _ = await _versions_url(careplan)
        first = await careplan.draft(resident_id, [careplan.section(), careplan.section("sleep")])
        mobility, sleep = first["sections"]
        goal = {**mobility["goals"][0], "target_date": "2027-03-01"}
        new_goal = {"description": "Stand from the chair unaided", "measure": "3 times a day"}
        changed = {**mobility, "goals": [goal, new_goal], "interventions": [], "review_interval": "weekly"}
        await careplan.draft(resident_id, [changed, careplan.section("continence")], based_on=1, reason="Review")
        diff = (await careplan.http.get(f"/v1/residents/{resident_id}/care-plan/diff",
                                        params={"from_version": 1, "to_version": 2}, headers=careplan.manager)).json()
        assert [s["domain"] for s in diff["sections_added"]] == ["continence"]
        assert [s["id"] for s in diff["sections_removed"]] == [sleep["id"]]
        (section,) = diff["sections_changed"]
        assert section["fields"] == [{"field": "review_interval", "before": "monthly", "after": "weekly"}]
        assert section["goals"]["changed"] == [{"id": goal["id"], "fields": [
            {"field": "target_date", "before": None, "after": "2027-03-01"}]}]
        assert [g["description"] for g in section["goals"]["added"]] == ["Stand from the chair unaided"]
        assert [i["id"] for i in section["interventions"]["removed"]] == [mobility["interventions"][0]["id"]]

    async def test_unknown_version_is_404(self, careplan: CareplanApi) -> None:
        resident_id, _ = await _versions_url(careplan)
        await careplan.draft(resident_id)
        response = await careplan.http.get(f"/v1/residents/{resident_id}/care-plan/diff",
                                           params={"from_version": 1, "to_version": 7}, headers=careplan.manager)
        assert response.status_code == 404


class TestConcurrentEditors:
    async def test_two_editors_on_the_same_version_one_wins(self, careplan: CareplanApi,
                                                           careplan_app: FastAPI) -> None:
        """No lost update: both base their change on v1; the plan row lock lets one through and
        the other is told its base is no longer the newest."""
        import asyncio

        resident_id, url = await _versions_url(careplan)
        await careplan.draft(resident_id)
        await careplan.sign_off(resident_id, 1)
        bodies = [{"based_on_version": 1, "reason": f"Editor {i}", "sections": [careplan.section("sleep")]}
                  for i in (1, 2)]
        responses = await asyncio.gather(*(careplan.http.post(url, json=b, headers=careplan.manager) for b in bodies))
        assert sorted(r.status_code for r in responses) == [201, 409]
        assert await careplan.count(careplan_app, "care_plan_version") == 2
