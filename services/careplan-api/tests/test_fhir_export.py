"""The FHIR R4 export: every resource in the Bundle validates against the fhir.resources R4B
models (R4-compatible for these resources), the UK Core NHS number identifier is right, and the
export is audited."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class

CareplanApi = Any  # the `careplan` fixture (conftest.CareplanApi): builds records over HTTP


async def _full_record(careplan: CareplanApi) -> str:
    resident = await careplan.admit()
    rid = resident["id"]
    section = careplan.section(goals=[{"description": "Walk to the dining room", "measure": "Daily, no falls",
                                       "target_date": "2027-03-01"}])
    version = await careplan.draft(rid, [section, careplan.section("nutrition_and_hydration", goals=[])])
    await careplan.sign_off(rid, version["number"])
    at = (datetime.now(UTC) - timedelta(minutes=5)).isoformat()
    for body in ({"tool": "falls", "assessed_at": at, "judgement": "Unsteady at night.", "items": {
                     "recent_falls": "in_last_3_months", "medications": 1, "psychological": "mildly", "amts": 9}},
                 {"tool": "must", "assessed_at": at, "items": {"weight_kg": "55", "height_cm": "158"}}):
        assert (await careplan.http.post(f"/v1/residents/{rid}/risk-assessments", json=body,
                                         headers=careplan.manager)).status_code == 201
    for scope, decision in (("care", "given"), ("information_sharing", "refused")):
        await careplan.http.post(f"/v1/residents/{rid}/consents", headers=careplan.manager, json={
            "scope": scope, "decision": decision, "given_by": "resident", "decision_date": "2026-11-02"})
    return rid


async def _export(careplan: CareplanApi, rid: str, role: str = "integrator") -> Any:
    return await careplan.http.get(f"/v1/residents/{rid}/fhir", headers=careplan.as_role(role))


class TestFhirExport:
    async def test_bundle_validates_resource_by_resource(self, careplan: CareplanApi) -> None:
        rid = await _full_record(careplan)
        response = await _export(careplan, rid)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/fhir+json")
        bundle = response.json()
        get_fhir_model_class("Bundle").model_validate(bundle)
        kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
        assert (bundle["type"], kinds) == ("collection", ["Patient", "CarePlan", "Goal", "Observation",
                                                          "Observation", "Consent", "Consent"])
        for entry in bundle["entry"]:
            resource = entry["resource"]
            get_fhir_model_class(resource["resourceType"]).model_validate(resource)

    async def test_uk_core_patient_and_plan(self, careplan: CareplanApi) -> None:
        rid = await _full_record(careplan)
        entries = (await _export(careplan, rid)).json()["entry"]
        resources = {e["resource"]["resourceType"]: e["resource"] for e in entries}
        (identifier,) = resources["Patient"]["identifier"]
        assert (identifier["system"], identifier["value"]) == ("https://fhir.nhs.uk/Id/nhs-number", "9434765919")
        (extension,) = identifier["extension"]
        assert extension["url"].endswith("Extension-UKCore-NHSNumberVerificationStatus")
        assert extension["valueCodeableConcept"]["coding"][0]["code"] == "02"  # present, not yet traced
        plan = resources["CarePlan"]
        assert (plan["status"], plan["intent"], plan["subject"]["reference"]) == ("active", "plan", f"Patient/{rid}")
        assert plan["goal"] == [{"reference": f"Goal/{resources['Goal']['id']}"}]
        assert len(plan["activity"]) == 2
        assert "start" in plan["period"]
        assert resources["Goal"]["target"][0]["dueDate"] == "2027-03-01"

    async def test_risk_scores_are_survey_observations_with_components(self, careplan: CareplanApi) -> None:
        rid = await _full_record(careplan)
        bundle = (await _export(careplan, rid)).json()
        falls = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation")
        assert falls["category"][0]["coding"][0]["code"] == "survey"
        assert falls["valueInteger"] == 6 + 2 + 2 + 1
        assert falls["interpretation"] == [{"text": "low"}]  # 11: the top of low
        assert {c["code"]["text"]: c["valueInteger"] for c in falls["component"]} == {
            "recent falls": 6, "medications": 2, "psychological": 2, "cognitive status": 1}

    async def test_export_is_audited_without_personal_data(self, careplan: CareplanApi) -> None:
        rid = await _full_record(careplan)
        await _export(careplan, rid, role="nurse")
        trail = (await careplan.http.get(f"/v1/residents/{rid}/audit", headers=careplan.manager)).json()["items"]
        export = next(e for e in trail if e["action"] == "export")
        assert export["details"]["format"] == "fhir_r4_bundle"
        assert export["details"]["resources"] == 7
        assert export["actor_sub"] == "nurse-1"

    async def test_patient_without_a_traced_number_has_no_identifier(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit(nhs_number=None)
        bundle = (await _export(careplan, resident["id"])).json()
        assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Patient"]
        assert "identifier" not in bundle["entry"][0]["resource"]
        get_fhir_model_class("Patient").model_validate(bundle["entry"][0]["resource"])

    @pytest.mark.parametrize("role", ["care_worker", "estates_officer"])
    async def test_not_for_every_role(self, careplan: CareplanApi, role: str) -> None:
        resident = await careplan.admit()
        assert (await _export(careplan, resident["id"], role=role)).status_code == 403

    async def test_another_homes_resident_is_404(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        response = await careplan.http.get(f"/v1/residents/{resident['id']}/fhir",
                                           headers=careplan.as_role("nurse", home=careplan.OTHER_HOME))
        assert response.status_code == 404
