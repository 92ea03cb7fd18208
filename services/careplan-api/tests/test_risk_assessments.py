"""Risk assessments: the published scoring rules with their band boundaries exactly, the API
that scores and stores them, a high band bringing the linked section's review forward, and bad
input refused with nothing written."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from careplan_api.assessments.scoring import falls, must, waterlow

CareplanApi = Any  # the `careplan` fixture (conftest.CareplanApi): builds records over HTTP
D = Decimal


class TestWaterlowRules:
    @pytest.mark.parametrize(("total", "band"), [
        (1, "not_at_risk"), (9, "not_at_risk"), (10, "at_risk"), (14, "at_risk"), (15, "high_risk"),
        (19, "high_risk"), (20, "very_high_risk"), (45, "very_high_risk")])
    def test_band_boundaries(self, total: int, band: str) -> None:
        assert waterlow.band(total) == band

    @pytest.mark.parametrize(("bmi", "points"), [
        ("19.9", 3), ("19.96", 0), ("20.0", 0), ("24.9", 0), ("25.0", 1), ("29.9", 1), ("30.0", 2), ("45.0", 2)])
    def test_build_bmi(self, bmi: str, points: int) -> None:
        assert waterlow.bmi_score(D(bmi)) == points

    @pytest.mark.parametrize(("age", "points"), [
        (14, 1), (49, 1), (50, 2), (64, 2), (65, 3), (74, 3), (75, 4), (80, 4), (81, 5), (101, 5)])
    def test_age(self, age: int, points: int) -> None:
        assert waterlow.age_score(age) == points

    def test_malnutrition_screen(self) -> None:
        w, a = waterlow.WeightLost, waterlow.WeightLossAmount
        assert waterlow.nutrition_score(w.yes, a.over_15_kg, True) == 5
        assert waterlow.nutrition_score(w.yes, a.unsure, False) == 2
        assert waterlow.nutrition_score(w.unsure, None, True) == 3
        assert waterlow.nutrition_score(w.no, None, False) == 0

    def _score(self, **special: Any) -> waterlow.Result:
        base: dict[str, Any] = {
            "bmi": D("22"), "skin": [waterlow.Skin.healthy], "female_or_unknown": False, "age": 40,
            "weight_lost": waterlow.WeightLost.no, "weight_loss_amount": None, "eating_poorly": False,
            "continence": waterlow.Continence.complete_or_catheterised, "mobility": waterlow.Mobility.fully,
            "tissue_malnutrition": [], "neurological_deficit": {}, "surgery": [], "medication": []}
        return waterlow.score(**{**base, **special})

    def test_special_risk_category_caps(self) -> None:
        assert self._score().score == 2  # male 1 + age 1
        neuro = self._score(neurological_deficit={"diabetes_ms_cva": 6, "paraplegia": 5})
        assert neuro.item_scores["neurological_deficit"] == 6
        drugs = self._score(medication=list(waterlow.Medication))
        assert drugs.item_scores["medication"] == 4
        tissue = self._score(tissue_malnutrition=[waterlow.TissueMalnutrition.anaemia,
                                                  waterlow.TissueMalnutrition.smoking])
        assert tissue.item_scores["tissue_malnutrition"] == 3
        surgery = self._score(surgery=[waterlow.Surgery.orthopaedic_spinal, waterlow.Surgery.on_table_over_6h])
        assert (surgery.item_scores["major_surgery_or_trauma"], surgery.score) == (13, 15)
        assert surgery.band == "high_risk"
        assert surgery.high_risk

    def test_several_skin_types_add_up(self) -> None:
        result = self._score(skin=[waterlow.Skin.dry, waterlow.Skin.oedematous, waterlow.Skin.discoloured_grade_1])
        assert result.item_scores["skin_type"] == 4


class TestMustRules:
    @pytest.mark.parametrize(("bmi", "points"), [
        ("20.1", 0), ("20.0", 1), ("18.5", 1), ("18.4", 2), ("32.0", 0), ("20.04", 1), ("20.05", 0)])
    def test_bmi_boundaries(self, bmi: str, points: int) -> None:
        assert must.bmi_score(D(bmi)) == points

    @pytest.mark.parametrize(("weight", "loss", "points"), [
        ("95", "5", 1), ("95.1", "4.9", 0), ("90", "10", 1), ("89.9", "10.1", 2), ("60", "0", 0)])
    def test_weight_loss_boundaries(self, weight: str, loss: str, points: int) -> None:
        # Percentages of the weight 3-6 months ago (weight + loss): 5 %, 4.9 %, 10 %, 10.1 %, 0 %.
        assert must.weight_loss_score(D(weight), D(loss)) == points

    @pytest.mark.parametrize(("total", "band"), [(0, "low"), (1, "medium"), (2, "high"), (6, "high")])
    def test_bands_and_actions(self, total: int, band: str) -> None:
        assert must.band(total) == band
        assert "monthly" in must.ACTIONS[band]

    def test_bmi_from_weight_and_height(self) -> None:
        assert must.bmi_of(D("50"), D("165")) == D("18.4")

    def test_acute_disease_alone_is_high(self) -> None:
        result = must.score(bmi=D("23"), weight_kg=D("70"), weight_loss_kg=D("0"), acutely_ill_no_intake=True)
        assert (result.score, result.band, result.high_risk) == (2, "high", True)
        assert "dietitian" in result.action


class TestFallsRules:
    @pytest.mark.parametrize(("total", "band"), [(5, "low"), (11, "low"), (12, "medium"), (15, "medium"),
                                                 (16, "high"), (20, "high")])
    def test_band_boundaries(self, total: int, band: str) -> None:
        assert falls.band(total, automatic_high=False) == band

    def test_automatic_high(self) -> None:
        assert falls.band(5, automatic_high=True) == "high"

    @pytest.mark.parametrize(("count", "points"), [(0, 1), (1, 2), (2, 3), (3, 4), (9, 4)])
    def test_medications(self, count: int, points: int) -> None:
        assert falls.medication_score(count) == points

    @pytest.mark.parametrize(("amts", "points"), [(10, 1), (9, 1), (8, 2), (7, 2), (6, 3), (5, 3), (4, 4), (0, 4)])
    def test_cognition(self, amts: int, points: int) -> None:
        assert falls.cognition_score(amts) == points

    def test_presented_as_a_prompt_not_a_prediction(self) -> None:
        for action in falls.ACTIONS.values():
            assert "does not predict" in action
            assert "multifactorial" in action


# --- the API ---------------------------------------------------------------------------------

def _now() -> str:
    return (datetime.now().astimezone() - timedelta(minutes=5)).isoformat()


def waterlow_body(**items: Any) -> dict[str, Any]:
    return {"tool": "waterlow", "assessed_at": _now(), "judgement": "Skin on heels looks dry.", "items": {
        "bmi": "19.5", "skin": ["dry", "tissue_paper"], "weight_lost_recently": "yes",
        "weight_loss_amount": "5_to_10_kg", "eating_poorly": True, "continence": "urine_incontinence",
        "mobility": "restricted", **items}}


def must_body(**items: Any) -> dict[str, Any]:
    return {"tool": "must", "assessed_at": _now(), "items": {
        "weight_kg": "52.0", "height_cm": "160", "unplanned_weight_loss_kg": "3.0", **items}}


def falls_body(**items: Any) -> dict[str, Any]:
    return {"tool": "falls", "assessed_at": _now(), "items": {
        "recent_falls": "in_last_3_months_as_resident", "medications": 2, "psychological": "mildly", "amts": 8,
        **items}}


async def _signed(careplan: CareplanApi, interval: str = "monthly") -> tuple[str, str]:
    resident = await careplan.admit()
    version = await careplan.draft(resident["id"], [careplan.section("skin_integrity", review_interval=interval)])
    await careplan.sign_off(resident["id"], version["number"])
    return resident["id"], version["sections"][0]["id"]


async def _assess(careplan: CareplanApi, resident_id: str, body: dict[str, Any], role: str = "nurse") -> Any:
    return await careplan.http.post(f"/v1/residents/{resident_id}/risk-assessments", json=body,
                                    headers=careplan.as_role(role))


async def _due_today(careplan: CareplanApi) -> list[str]:
    response = await careplan.http.get("/v1/reviews/due", params={"home_id": careplan.HOME, "within_days": 0},
                                       headers=careplan.manager)
    return [item["section_id"] for item in response.json()["items"]]


class TestRecordAssessment:
    async def test_waterlow_scored_by_the_server_with_sex_and_age_from_the_record(self,
                                                                                careplan: CareplanApi) -> None:
        resident_id, _ = await _signed(careplan)
        response = await _assess(careplan, resident_id, waterlow_body())
        assert response.status_code == 201, response.text
        body = response.json()
        age = 88 if (date.today().month, date.today().day) >= (4, 12) else 87  # born 12 April 1938
        assert body["items"]["age"] == age
        assert body["items"]["sex"] == "female"
        assert body["item_scores"] == {
            "build_bmi": 3, "skin_type": 2, "sex": 2, "age": 5, "malnutrition_screen": 3, "continence": 1,
            "mobility": 3, "tissue_malnutrition": 0, "neurological_deficit": 0, "major_surgery_or_trauma": 0,
            "medication": 0}
        assert (body["score"], body["band"], body["high_risk"]) == (19, "high_risk", True)

    async def test_must_works_out_bmi_and_weight_loss(self, careplan: CareplanApi) -> None:
        resident_id, _ = await _signed(careplan)
        body = (await _assess(careplan, resident_id, must_body())).json()
        # 52 kg / 1.60 m² = 20.3 (0); 3 kg of 55 kg = 5.5 % (1): medium, observe.
        assert body["items"]["bmi_used"] == "20.3"
        assert (body["item_scores"], body["score"], body["band"]) == ({"bmi": 0, "weight_loss": 1,
                                                                        "acute_disease": 0}, 1, "medium")
        assert body["action"].startswith("Observe")

    async def test_must_takes_an_estimated_bmi_when_height_cannot_be_measured(self, careplan: CareplanApi) -> None:
        resident_id, _ = await _signed(careplan)
        response = await _assess(careplan, resident_id, must_body(height_cm=None, bmi="18.0"))
        assert (response.json()["item_scores"]["bmi"], response.json()["band"]) == (2, "high")

    async def test_falls_is_a_prompt(self, careplan: CareplanApi) -> None:
        resident_id, _ = await _signed(careplan)
        body = (await _assess(careplan, resident_id, falls_body())).json()
        assert (body["score"], body["band"]) == (8 + 3 + 2 + 2, "medium")
        assert "does not predict" in body["action"]

    async def test_high_band_makes_the_linked_section_due_now(self, careplan: CareplanApi) -> None:
        resident_id, section_id = await _signed(careplan)
        assert await _due_today(careplan) == []
        await _assess(careplan, resident_id, {**must_body(), "section_id": section_id})  # medium: no change
        assert await _due_today(careplan) == []
        response = await _assess(careplan, resident_id, {**falls_body(), "section_id": section_id,
                                                         "items": {**falls_body()["items"], "amts": 3}})
        assert response.json()["band"] == "high"
        assert await _due_today(careplan) == [section_id]

    async def test_list_filter_read_and_audit(self, careplan: CareplanApi) -> None:
        resident_id, _ = await _signed(careplan)
        made = [(await _assess(careplan, resident_id, body)).json()
                for body in (waterlow_body(), must_body(), falls_body())]
        url = f"/v1/residents/{resident_id}/risk-assessments"
        carer = careplan.as_role("care_worker", sub="carer-3")
        listed = (await careplan.http.get(url, headers=carer)).json()["items"]
        assert [a["tool"] for a in listed] == ["falls", "must", "waterlow"]
        only = (await careplan.http.get(url, params={"tool": "must"}, headers=carer)).json()["items"]
        assert [a["id"] for a in only] == [made[1]["id"]]
        one = await careplan.http.get(f"{url}/{made[0]['id']}", headers=carer)
        assert one.status_code == 200
        assert one.json()["item_scores"]["age"] == 5
        trail = (await careplan.http.get(f"/v1/residents/{resident_id}/audit", headers=careplan.manager)).json()
        parts = [e["details"].get("part") for e in trail["items"] if e["actor_sub"] == "carer-3"]
        assert parts == ["risk_assessment", "risk_assessments", "risk_assessments"]
        created = [e for e in trail["items"] if e["entity_type"] == "risk_assessment"]
        assert {e["details"]["band"] for e in created} == {"high_risk", "medium"}

    async def test_idempotency_key_replays_without_a_second_row(self, careplan: CareplanApi,
                                                                careplan_app: FastAPI) -> None:
        resident_id, _ = await _signed(careplan)
        body, headers = falls_body(), {**careplan.as_role("nurse"), "Idempotency-Key": "falls-ward-round-1"}
        url = f"/v1/residents/{resident_id}/risk-assessments"
        first = await careplan.http.post(url, json=body, headers=headers)
        again = await careplan.http.post(url, json=body, headers=headers)
        assert (first.status_code, again.status_code) == (201, 201)
        assert first.json()["id"] == again.json()["id"]
        assert await careplan.count(careplan_app, "risk_assessment") == 1

    async def test_unknown_assessment_is_404(self, careplan: CareplanApi) -> None:
        resident_id, _ = await _signed(careplan)
        response = await careplan.http.get(
            f"/v1/residents/{resident_id}/risk-assessments/00000000-0000-4000-8000-00000000000f",
            headers=careplan.manager)
        assert response.status_code == 404

    async def test_append_only_in_the_database(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        resident_id, _ = await _signed(careplan)
        await _assess(careplan, resident_id, falls_body())
        async with careplan_app.state.engine.connect() as conn:
            with pytest.raises(DBAPIError, match="append-only"):
                await conn.execute(text("UPDATE careplan.risk_assessment SET score = 1"))


BAD_INPUT = [
    ("bmi_300_must", must_body(height_cm=None, bmi="300"), ["body", "must", "items", "bmi"]),
    ("bmi_300_waterlow", waterlow_body(bmi="300"), ["body", "waterlow", "items", "bmi"]),
    ("loss_over_body_weight", must_body(weight_kg="50", unplanned_weight_loss_kg="60"),
     ["body", "must", "items", "unplanned_weight_loss_kg"]),
    ("unknown_waterlow_item", waterlow_body(skin=["purple"]), ["body", "waterlow", "items", "skin", 0]),
    ("unknown_waterlow_field", waterlow_body(heart_rate=80), ["body", "waterlow", "items", "heart_rate"]),
    ("exclusive_surgery", waterlow_body(major_surgery_or_trauma=["on_table_over_2h", "on_table_over_6h"]),
     ["body", "waterlow", "items", "major_surgery_or_trauma"]),
    ("neuro_out_of_range", waterlow_body(neurological_deficit={"paraplegia": 9}),
     ["body", "waterlow", "items", "neurological_deficit", "paraplegia"]),
    ("height_and_bmi", must_body(bmi="20.0"), ["body", "must", "items", "bmi"]),
    ("unknown_tool", {**falls_body(), "tool": "braden"}, ["body"]),
]


class TestBadInput:
    @pytest.mark.parametrize(("case", "body", "loc"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
    async def test_refused_with_the_field_named_and_nothing_written(
        self, careplan: CareplanApi, careplan_app: FastAPI, case: str, body: dict[str, Any], loc: list[Any],
    ) -> None:
        resident_id, _ = await _signed(careplan)
        audit_before = await careplan.count(careplan_app, "audit_event")
        response = await _assess(careplan, resident_id, body)
        assert response.status_code == 422, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["errors"][0]["loc"][:len(loc)] == loc
        assert await careplan.count(careplan_app, "risk_assessment") == 0
        assert await careplan.count(careplan_app, "audit_event") == audit_before

    async def test_section_not_in_the_plan(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        resident_id, _ = await _signed(careplan)
        response = await _assess(careplan, resident_id,
                                 {**falls_body(), "section_id": "00000000-0000-4000-8000-0000000000aa"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "section_id"]
        assert await careplan.count(careplan_app, "risk_assessment") == 0

    async def test_future_assessment(self, careplan: CareplanApi) -> None:
        resident_id, _ = await _signed(careplan)
        later = (datetime.now().astimezone() + timedelta(hours=1)).isoformat()
        response = await _assess(careplan, resident_id, {**falls_body(), "assessed_at": later})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "assessed_at"]
