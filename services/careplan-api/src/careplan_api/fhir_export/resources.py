"""The care record as FHIR R4 resources (UK Core where one applies), as plain JSON-ready dicts:
building them directly is several times cheaper than through validating models, and the tests
validate every resource with the `fhir.resources` R4B models (R4B is R4-compatible for these
resources; the package ships R4B and STU3, not R4 itself).

UK Core: the NHS number is an identifier with system https://fhir.nhs.uk/Id/nhs-number and the
Extension-UKCore-NHSNumberVerificationStatus extension (codes of UKCore-NHSNumberVerificationStatusEngland)."""

from datetime import date, datetime
from typing import Any

from careplan_api.assessments.models import RiskAssessment
from careplan_api.careplans.models import CarePlanVersion
from careplan_api.consent.models import Consent, ConsentDecision, ConsentScope
from careplan_api.residents.models import NhsNumberStatus, Resident, Sex

NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number"
VERIFICATION_EXTENSION = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus"
VERIFICATION_CODES = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland"
# 01 present and verified; 02 present but not traced. (03 "trace required" has no number to carry.)
VERIFICATION = {NhsNumberStatus.verified: ("01", "Number present and verified"),
                NhsNumberStatus.unverified: ("02", "Number present but not traced")}
GENDER = {Sex.female: "female", Sex.male: "male", Sex.indeterminate: "other", Sex.not_known: "unknown"}
SNOMED = "http://snomed.info/sct"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
CONSENT_CATEGORY = "http://loinc.org"
TOOL_NAMES = {"waterlow": "Waterlow pressure ulcer risk score", "must": "Malnutrition Universal Screening Tool score",
              "falls": "Falls Risk Assessment Tool (FRAT) part 1 score"}


def _ref(kind: str, id_: Any) -> dict[str, str]:
    return {"reference": f"{kind}/{id_}"}


def _instant(at: datetime) -> str:
    return at.isoformat()


def patient(resident: Resident) -> dict[str, Any]:
    name: dict[str, Any] = {"use": "official", "family": resident.family_name, "given": [resident.given_name]}
    names = [name] + ([{"use": "nickname", "given": [resident.preferred_name]}] if resident.preferred_name else [])
    out: dict[str, Any] = {"resourceType": "Patient", "id": str(resident.id), "name": names,
                           "gender": GENDER[resident.sex], "birthDate": resident.date_of_birth.isoformat()}
    if resident.nhs_number and resident.nhs_number_status in VERIFICATION:
        code, display = VERIFICATION[resident.nhs_number_status]
        out["identifier"] = [{"system": NHS_NUMBER, "value": resident.nhs_number, "extension": [{
            "url": VERIFICATION_EXTENSION, "valueCodeableConcept": {"coding": [{
                "system": VERIFICATION_CODES, "code": code, "display": display}]}}]}]
    return out


def _goal(resident: Resident, section: dict[str, Any], goal: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "resourceType": "Goal", "id": goal["id"], "lifecycleStatus": "active",
        "description": {"text": goal["description"]}, "subject": _ref("Patient", resident.id),
        "category": [{"text": section.get("title") or section["domain"]}],
        "note": [{"text": f"Measure: {goal['measure']}"}]}
    if goal.get("target_date"):
        out["target"] = [{"measure": {"text": goal["measure"]}, "dueDate": goal["target_date"]}]
    return out


def goals(resident: Resident, version: CarePlanVersion | None) -> list[dict[str, Any]]:
    if version is None:
        return []
    return [_goal(resident, s, g) for s in version.sections for g in s.get("goals", [])]


def care_plan(resident: Resident, version: CarePlanVersion | None) -> dict[str, Any] | None:
    if version is None:
        return None
    activities = [{"detail": {"status": "in-progress", "description": f"{i['what']} ({i['how_often']}; {i['by_whom']})",
                              "reasonCode": [{"text": s.get("title") or s["domain"]}]}}
                  for s in version.sections for i in s.get("interventions", [])]
    signed = version.signed_off_at or version.created_at
    return {
        "resourceType": "CarePlan", "id": str(version.id), "status": "active", "intent": "plan",
        "category": [{"coding": [{"system": SNOMED, "code": "734163000", "display": "Care plan"}]}],
        "title": f"Care plan, version {version.number}", "subject": _ref("Patient", resident.id),
        "period": {"start": _instant(signed)}, "created": _instant(version.created_at),
        "goal": [_ref("Goal", g["id"]) for s in version.sections for g in s.get("goals", [])],
        "activity": activities,
    }


def observation(resident: Resident, assessment: RiskAssessment) -> dict[str, Any]:
    name = TOOL_NAMES[assessment.tool.value]
    out: dict[str, Any] = {
        "resourceType": "Observation", "id": str(assessment.id), "status": "final",
        "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}],
        "code": {"text": name}, "subject": _ref("Patient", resident.id),
        "effectiveDateTime": _instant(assessment.assessed_at), "valueInteger": assessment.score,
        "interpretation": [{"text": assessment.band.replace("_", " ")}],
        "component": [{"code": {"text": item.replace("_", " ")}, "valueInteger": points}
                      for item, points in assessment.item_scores.items()],
        "performer": [{"display": assessment.assessor_name}],
    }
    if assessment.judgement:
        out["note"] = [{"text": assessment.judgement}]
    return out


_CONSENT_STATUS = {ConsentDecision.given: "active", ConsentDecision.refused: "rejected",
                   ConsentDecision.withdrawn: "inactive"}
_SCOPE = {ConsentScope.care: ("treatment", "Treatment"), ConsentScope.information_sharing: ("patient-privacy",
                                                                                          "Privacy Consent")}


def consent(resident: Resident, record: Consent) -> dict[str, Any]:
    code, display = _SCOPE[record.scope]
    return {
        "resourceType": "Consent", "id": str(record.id), "status": _CONSENT_STATUS[record.decision],
        "scope": {"coding": [{"system": CONSENT_SCOPE, "code": code, "display": display}]},
        "category": [{"coding": [{"system": CONSENT_CATEGORY, "code": "59284-0", "display": "Patient Consent"}]}],
        "patient": _ref("Patient", resident.id), "dateTime": _day(record.decision_date),
        "policyRule": {"text": "Mental Capacity Act 2005; UK GDPR" if record.scope is ConsentScope.information_sharing
                       else "Mental Capacity Act 2005"},
        "provision": {"type": "deny" if record.decision is not ConsentDecision.given else "permit"},
    }


def _day(day: date) -> str:
    return day.isoformat()


def bundle(bundle_id: str, at: datetime, resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "id": bundle_id, "type": "collection", "timestamp": _instant(at),
            "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources]}
