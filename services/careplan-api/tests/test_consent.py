"""Consent, Mental Capacity Act assessments, best-interest decisions and DoLS: append-only records,
the rules that refuse bad input with nothing written, and a home's DoLS expiring list."""

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi import FastAPI

CareplanApi = Any  # the `careplan` fixture (conftest.CareplanApi): builds records over HTTP
TODAY = date.today()


def _url(resident_id: str, part: str) -> str:
    return f"/v1/residents/{resident_id}/{part}"


def capacity_body(**overrides: Any) -> dict[str, Any]:
    return {"decision": "Whether to move to a ground-floor room", "assessed_on": TODAY.isoformat(),
            "impairment": "Dementia (Alzheimer's type)", "can_understand": True, "can_retain": False,
            "can_use_or_weigh": False, "can_communicate": True, "outcome": "lacks_capacity",
            "reasoning": "Could not retain the choice for more than a minute.", **overrides}


def authorisation(starts: date, expires: date, **overrides: Any) -> dict[str, Any]:
    return {"stage": "authorisation", "kind": "standard", "supervisory_body": "Northshire County Council",
            "reference": "DOLS-2026-0412", "event_date": min(starts, TODAY).isoformat(),
            "starts_on": starts.isoformat(), "expires_on": expires.isoformat(),
            "conditions": ["Family may take her out on Sundays."], **overrides}


async def _post(careplan: CareplanApi, resident_id: str, part: str, body: dict[str, Any]) -> Any:
    return await careplan.http.post(_url(resident_id, part), json=body, headers=careplan.manager)


async def _expiring(careplan: CareplanApi, **params: Any) -> Any:
    return await careplan.http.get("/v1/dols/expiring", params={"home_id": careplan.HOME, **params},
                                   headers=careplan.as_role("care_worker"))


class TestConsent:
    async def test_given_then_withdrawn_keeps_both(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        for decision, day in (("given", TODAY - timedelta(days=5)), ("withdrawn", TODAY)):
            response = await _post(careplan, resident["id"], "consents", {
                "scope": "information_sharing", "decision": decision, "given_by": "resident",
                "decision_date": day.isoformat()})
            assert response.status_code == 201, response.text
        listed = (await careplan.http.get(_url(resident["id"], "consents"), headers=careplan.manager)).json()
        assert [c["decision"] for c in listed["items"]] == ["withdrawn", "given"]
        trail = (await careplan.http.get(_url(resident["id"], "audit"), headers=careplan.manager)).json()["items"]
        assert trail[0]["details"] == {"resident_id": resident["id"], "part": "consent"}
        assert trail[1]["details"] == {"resident_id": resident["id"], "scope": "information_sharing",
                                       "decision": "withdrawn"}


class TestCapacity:
    async def test_decision_specific_assessment_and_best_interests(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        assessment = await _post(careplan, resident["id"], "capacity-assessments", capacity_body())
        assert assessment.status_code == 201, assessment.text
        decision = await _post(careplan, resident["id"], "best-interest-decisions", {
            "capacity_assessment_id": assessment.json()["id"], "decision": "Move to room 3 on the ground floor",
            "decided_on": TODAY.isoformat(), "decision_maker": "Sam Okafor (home manager)",
            "consulted": [{"name": "Jean Ashworth", "relationship": "daughter", "views": "Supports the move."},
                          {"name": "Dr Patel", "relationship": "GP"}],
            "outcome": "Move agreed; familiar furniture goes with her."})
        assert decision.status_code == 201, decision.text
        assert [c["relationship"] for c in decision.json()["consulted"]] == ["daughter", "GP"]

    @pytest.mark.parametrize(("overrides", "field"), [
        ({"decision": None}, "decision"), ({"decision": "   "}, "decision"),
        ({"outcome": "has_capacity"}, "outcome"),
        ({"can_retain": True, "can_use_or_weigh": True}, "outcome"),
        ({"assessed_on": (TODAY + timedelta(days=1)).isoformat()}, "assessed_on"),
    ], ids=["no_decision", "blank_decision", "capacity_despite_failing", "lacks_despite_passing", "future"])
    async def test_bad_assessment_is_refused(self, careplan: CareplanApi, careplan_app: FastAPI,
                                             overrides: dict[str, Any], field: str) -> None:
        resident = await careplan.admit()
        body = {k: v for k, v in capacity_body(**overrides).items() if v is not None}
        response = await _post(careplan, resident["id"], "capacity-assessments", body)
        assert response.status_code == 422
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["errors"][0]["loc"] == ["body", field]
        assert await careplan.count(careplan_app, "capacity_assessment") == 0

    async def test_best_interests_need_a_finding_of_incapacity_and_someone_consulted(
        self, careplan: CareplanApi, careplan_app: FastAPI,
    ) -> None:
        resident = await careplan.admit()
        capable = await _post(careplan, resident["id"], "capacity-assessments", capacity_body(
            can_retain=True, can_use_or_weigh=True, outcome="has_capacity"))
        body = {"capacity_assessment_id": capable.json()["id"], "decision": "Move rooms",
                "decided_on": TODAY.isoformat(), "decision_maker": "Sam Okafor",
                "consulted": [{"name": "Jean Ashworth", "relationship": "daughter"}], "outcome": "Move."}
        refused = await _post(careplan, resident["id"], "best-interest-decisions", body)
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["loc"] == ["body", "capacity_assessment_id"]
        nobody = await _post(careplan, resident["id"], "best-interest-decisions", {**body, "consulted": []})
        assert nobody.json()["errors"][0]["loc"] == ["body", "consulted"]
        assert await careplan.count(careplan_app, "best_interest_decision") == 0


class TestDols:
    @pytest.mark.parametrize(("body", "field"), [
        (authorisation(TODAY, TODAY - timedelta(days=1)), "expires_on"),
        (authorisation(TODAY, TODAY + timedelta(days=400)), "expires_on"),
        (authorisation(TODAY, TODAY + timedelta(days=15), kind="urgent"), "expires_on"),
        ({**authorisation(TODAY, TODAY), "stage": "application"}, "starts_on"),
        ({**authorisation(TODAY, TODAY), "starts_on": None}, "starts_on"),
    ], ids=["ends_before_start", "standard_over_12_months", "urgent_over_14_days", "dates_on_application",
            "no_start"])
    async def test_bad_dates_are_refused(self, careplan: CareplanApi, careplan_app: FastAPI, body: dict[str, Any],
                                         field: str) -> None:
        resident = await careplan.admit()
        response = await _post(careplan, resident["id"], "dols", body)
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["loc"] == ["body", field]
        assert await careplan.count(careplan_app, "dols_record") == 0

    async def test_expiring_within_28_days_soonest_first_until_renewed(self, careplan: CareplanApi) -> None:
        soon, later, far = [await careplan.admit(nhs_number=None) for _ in range(3)]
        for resident, days in ((soon, 3), (later, 27), (far, 40)):
            response = await _post(careplan, resident["id"], "dols",
                                   authorisation(TODAY - timedelta(days=300), TODAY + timedelta(days=days)))
            assert response.status_code == 201, response.text
        listed = (await _expiring(careplan)).json()["items"]
        assert [(i["resident_id"], i["days_left"]) for i in listed] == [(soon["id"], 3), (later["id"], 27)]
        assert (await _expiring(careplan, within_days=3)).json()["items"][0]["resident_id"] == soon["id"]
        await _post(careplan, soon["id"], "dols", authorisation(TODAY + timedelta(days=3), TODAY + timedelta(days=200)))
        assert [i["resident_id"] for i in (await _expiring(careplan)).json()["items"]] == [later["id"]]

    async def test_another_homes_list_is_404(self, careplan: CareplanApi) -> None:
        response = await careplan.http.get("/v1/dols/expiring", params={"home_id": careplan.OTHER_HOME},
                                           headers=careplan.as_role("care_worker"))
        assert response.status_code == 404

    async def test_application_then_history(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        await _post(careplan, resident["id"], "dols", {"stage": "application", "kind": "standard",
                                                       "supervisory_body": "Northshire County Council",
                                                       "event_date": TODAY.isoformat()})
        history = (await careplan.http.get(_url(resident["id"], "dols"), headers=careplan.manager)).json()["items"]
        assert [(h["stage"], h["expires_on"], h["conditions"]) for h in history] == [("application", None, [])]
