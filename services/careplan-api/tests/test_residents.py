"""Residents over HTTP: admission, NHS numbers, reading (audited), changes, status changes,
contacts and allergies."""

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

CareplanApi = Any  # the `careplan` fixture (conftest.CareplanApi): builds records over HTTP

PROBLEM = "application/problem+json"


class TestAdmitResident:
    async def test_admits_shows_nhs_3_3_4_and_audits(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        response = await careplan.http.post("/v1/residents", json=careplan.resident_body(nhs_number="9434765919"),
                                            headers=careplan.manager)
        assert response.status_code == 201
        resident = response.json()
        assert resident["nhs_number"] == careplan.VALID_NHS
        assert resident["nhs_number_status"] == "unverified"
        assert (resident["status"], resident["version"]) == ("active", 1)
        assert [s["status"] for s in resident["status_history"]] == ["active"]
        assert response.headers["location"] == f"/v1/residents/{resident['id']}"
        assert await careplan.count(careplan_app, "audit_event", "action = 'create'") == 1

    async def test_admitted_before_the_number_is_known(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit(nhs_number=None)
        assert (resident["nhs_number"], resident["nhs_number_status"]) == (None, "trace_required")
        second = await careplan.admit(nhs_number=None, given_name="Albert")
        assert second["id"] != resident["id"]

    @pytest.mark.parametrize(("field", "value"), [
        ("nhs_number", "943 476 5918"),  # wrong check digit
        ("nhs_number", "0000000000"), ("nhs_number", "2222222222"), ("nhs_number", "94347659"),
        ("date_of_birth", (date.today() + timedelta(days=1)).isoformat()),  # in the future
        ("date_of_birth", "1850-01-01"),
        ("admission_date", "1930-01-01"),  # before birth
        ("admission_date", (date.today() + timedelta(days=3)).isoformat()),
        ("sex", "robot"), ("given_name", ""), ("family_name", "x" * 101), ("gp_practice_code", "12345"),
        ("fluid_target_ml", 100), ("unexpected", "field"),
    ])
    async def test_bad_field_is_422_naming_it_and_writes_nothing(
        self, careplan: CareplanApi, careplan_app: FastAPI, field: str, value: Any,
    ) -> None:
        response = await careplan.http.post("/v1/residents", json=careplan.resident_body(**{field: value}),
                                            headers=careplan.manager)
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM
        assert [e["loc"] for e in response.json()["errors"]] == [["body", field]]
        if field == "nhs_number":
            assert value not in response.text  # what was sent is never echoed back
        assert await careplan.count(careplan_app, "resident") == 0
        assert await careplan.count(careplan_app, "audit_event") == 0

    async def test_nhs_status_must_match_the_number(self, careplan: CareplanApi) -> None:
        response = await careplan.http.post(
            "/v1/residents", json=careplan.resident_body(nhs_number=None, nhs_number_status="verified"),
            headers=careplan.manager)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "nhs_number_status"]

    async def test_nhs_number_is_unique(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        await careplan.admit()
        response = await careplan.http.post("/v1/residents", json=careplan.resident_body(given_name="Joan"),
                                            headers=careplan.manager)
        assert response.status_code == 409
        assert response.json()["errors"][0]["loc"] == ["body", "nhs_number"]
        assert await careplan.count(careplan_app, "resident") == 1

    async def test_home_outside_the_callers_homes_is_refused(self, careplan: CareplanApi) -> None:
        response = await careplan.http.post("/v1/residents", json=careplan.resident_body(home_id=str(uuid.uuid4())),
                                            headers=careplan.manager)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "home_id"]

    async def test_idempotency_key_replays_without_a_second_admission(
        self, careplan: CareplanApi, careplan_app: FastAPI,
    ) -> None:
        headers = {**careplan.manager, "Idempotency-Key": "admit-peggy"}
        first = await careplan.http.post("/v1/residents", json=careplan.resident_body(), headers=headers)
        again = await careplan.http.post("/v1/residents", json=careplan.resident_body(), headers=headers)
        assert (first.status_code, again.status_code) == (201, 201)
        assert again.json() == first.json()
        assert again.headers["idempotent-replayed"] == "true"
        assert await careplan.count(careplan_app, "resident") == 1


class TestReadResident:
    async def test_read_is_audited_as_a_view(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        resident = await careplan.admit()
        response = await careplan.http.get(f"/v1/residents/{resident['id']}", headers=careplan.as_role("care_worker"))
        assert response.status_code == 200
        assert response.headers["etag"] == '"1"'
        assert response.json()["what_matters_to_me"] == "My cat Smudge and a proper cup of tea."
        assert await careplan.count(careplan_app, "audit_event",
                                    "action = 'view' AND actor_sub = 'care_worker-1'") == 1

    async def test_list_pages_by_family_name_and_is_not_a_record_view(
        self, careplan: CareplanApi, careplan_app: FastAPI,
    ) -> None:
        for name in ("Cole", "Ashworth", "Baines"):
            await careplan.admit(family_name=name, nhs_number=None)
        first = await careplan.http.get("/v1/residents", params={"limit": 2}, headers=careplan.manager)
        body = first.json()
        assert [r["family_name"] for r in body["items"]] == ["Ashworth", "Baines"]
        rest = await careplan.http.get("/v1/residents", params={"limit": 2, "cursor": body["next_cursor"]},
                                       headers=careplan.manager)
        assert [r["family_name"] for r in rest.json()["items"]] == ["Cole"]
        assert "nhs_number" not in body["items"][0]
        assert await careplan.count(careplan_app, "audit_event", "action = 'view'") == 0

    async def test_search_by_name_prefixes_or_nhs_number_with_a_count(self, careplan: CareplanApi) -> None:
        await careplan.admit(given_name="Margaret", family_name="Jones", preferred_name="Peggy", nhs_number=None)
        await careplan.admit(given_name="Mark", family_name="Jolley", preferred_name=None, nhs_number="9434765919")
        await careplan.admit(given_name="Arthur", family_name="Marsh", preferred_name="Art", nhs_number=None)

        async def found(q: str) -> tuple[list[str], int]:
            response = await careplan.http.get("/v1/residents", params={"q": q, "count": "true"},
                                               headers=careplan.manager)
            assert response.status_code == 200, response.text
            body = response.json()
            return [r["family_name"] for r in body["items"]], body["total"]

        assert await found("mar") == (["Jolley", "Jones", "Marsh"], 3)
        assert await found("mar jo") == (["Jolley", "Jones"], 2)
        assert await found("peg") == (["Jones"], 1)
        assert await found("943 476 5919") == (["Jolley"], 1)
        assert await found("943-476") == (["Jolley"], 1)
        assert await found("zed") == ([], 0)
        plain = (await careplan.http.get("/v1/residents", headers=careplan.manager)).json()
        assert plain["total"] is None  # counted only when asked

    @pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 201}, {"sort": "date_of_birth"}, {"cursor": "x"},
                                        {"q": "x" * 101}])
    async def test_bad_list_params_are_422(self, careplan: CareplanApi, params: dict[str, Any]) -> None:
        response = await careplan.http.get("/v1/residents", params=params, headers=careplan.manager)
        assert response.status_code == 422


class TestUpdateResident:
    async def test_patch_with_if_match_and_audit_names_fields_only(
        self, careplan: CareplanApi, careplan_app: FastAPI,
    ) -> None:
        resident = await careplan.admit(nhs_number=None)
        url = f"/v1/residents/{resident['id']}"
        change = {"nhs_number": "4010232137", "how_to_communicate_with_me": "Sit on my left: I hear better."}
        assert (await careplan.http.patch(url, json=change, headers=careplan.manager)).status_code == 428
        stale = await careplan.http.patch(url, json=change, headers={**careplan.manager, "If-Match": '"9"'})
        assert stale.status_code == 412
        response = await careplan.http.patch(url, json=change, headers={**careplan.manager, "If-Match": '"1"'})
        assert response.status_code == 200
        assert (response.json()["nhs_number"], response.json()["nhs_number_status"]) == ("401 023 2137", "unverified")
        assert response.headers["etag"] == '"2"'
        async with careplan_app.state.engine.connect() as conn:
            from sqlalchemy import text
            details = (await conn.execute(text(
                "SELECT details FROM careplan.audit_event WHERE action = 'update'"))).scalar_one()
        assert details["fields"] == ["how_to_communicate_with_me", "nhs_number", "nhs_number_status"]
        assert "401" not in str(details)

    async def test_wrong_check_digit_on_change_writes_nothing(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        url = f"/v1/residents/{resident['id']}"
        response = await careplan.http.patch(url, json={"nhs_number": "4010232138"},
                                             headers={**careplan.manager, "If-Match": '"1"'})
        assert response.status_code == 422
        assert (await careplan.http.get(url, headers=careplan.manager)).json()["nhs_number"] == careplan.VALID_NHS

    async def test_required_fields_cannot_be_cleared(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        response = await careplan.http.patch(f"/v1/residents/{resident['id']}", json={"family_name": None},
                                             headers={**careplan.manager, "If-Match": '"1"'})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "family_name"]


class TestStatusChanges:
    async def test_hospital_return_and_discharge_with_dates(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        url = f"/v1/residents/{resident['id']}/status-changes"
        today = date.today()
        steps = [("in_hospital", today - timedelta(days=10), "nurse"), ("active", today - timedelta(days=5), "nurse"),
                 ("discharged", today - timedelta(days=1), "home_manager")]
        for status, when, role in steps:
            response = await careplan.http.post(url, json={"status": status, "effective_date": when.isoformat()},
                                                headers=careplan.as_role(role))
            assert response.status_code == 201, response.text
        final = response.json()
        assert (final["status"], final["status_date"]) == ("discharged", (today - timedelta(days=1)).isoformat())
        assert [s["status"] for s in final["status_history"]] == ["active", "in_hospital", "active", "discharged"]
        again = await careplan.http.post(url, json={"status": "active", "effective_date": today.isoformat()},
                                         headers=careplan.manager)
        assert again.status_code == 409

    async def test_discharge_needs_a_manager(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        response = await careplan.http.post(
            f"/v1/residents/{resident['id']}/status-changes",
            json={"status": "discharged", "effective_date": date.today().isoformat()},
            headers=careplan.as_role("nurse"))
        assert response.status_code == 403


class TestContactsAndAllergies:
    async def test_next_of_kin_with_lpa_and_archive(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        resident = await careplan.admit()
        url = f"/v1/residents/{resident['id']}/contacts"
        response = await careplan.http.post(url, headers=careplan.manager, json={
            "name": "Susan Ashworth", "relationship": "daughter", "phone": "07700 900123", "is_next_of_kin": True,
            "lpa_roles": ["property_and_financial_affairs", "health_and_welfare"]})
        assert response.status_code == 201, response.text
        contact = response.json()
        assert contact["lpa_roles"] == ["health_and_welfare", "property_and_financial_affairs"]
        listed = (await careplan.http.get(url, headers=careplan.manager)).json()["items"]
        assert [c["name"] for c in listed] == ["Susan Ashworth"]
        archived = await careplan.http.delete(f"{url}/{contact['id']}", headers={**careplan.manager, "If-Match": '"1"'})
        assert archived.status_code == 200
        assert (await careplan.http.get(url, headers=careplan.manager)).json()["items"] == []
        assert await careplan.count(careplan_app, "contact") == 1  # archived, never deleted

    @pytest.mark.parametrize("body", [
        {"name": "Sue", "relationship": "daughter", "lpa_roles": ["health_and_welfare", "health_and_welfare"]},
        {"name": "Sue", "relationship": "daughter", "lpa_roles": ["power_of_everything"]},
        {"name": "Sue", "relationship": "daughter", "phone": "call me"},
    ])
    async def test_bad_contact_is_422(self, careplan: CareplanApi, body: dict[str, Any]) -> None:
        resident = await careplan.admit()
        response = await careplan.http.post(f"/v1/residents/{resident['id']}/contacts", json=body,
                                            headers=careplan.manager)
        assert response.status_code == 422

    async def test_allergy_recorded_and_changed(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        url = f"/v1/residents/{resident['id']}/allergies"
        created = await careplan.http.post(url, headers=careplan.as_role("nurse"), json={
            "substance": "Penicillin", "category": "medication", "reaction": "Rash", "severity": "moderate"})
        assert created.status_code == 201
        changed = await careplan.http.patch(f"{url}/{created.json()['id']}", json={"severity": "severe"},
                                            headers={**careplan.as_role("nurse"), "If-Match": '"1"'})
        assert changed.json()["severity"] == "severe"
        page = (await careplan.http.get(url, headers=careplan.as_role("care_worker"))).json()
        assert [a["substance"] for a in page["items"]] == ["Penicillin"]


async def test_unknown_resident_is_404(careplan_http: httpx.AsyncClient, careplan: CareplanApi) -> None:
    response = await careplan_http.get(f"/v1/residents/{uuid.uuid4()}", headers=careplan.manager)
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
