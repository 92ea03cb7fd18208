"""The shift handover: a home's incidents, notes flagged for handover, new risk results and
reviews due, for one window; each resident shown gets an audited view."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi import FastAPI

CareplanApi = Any  # the `careplan` fixture (conftest.CareplanApi): builds records over HTTP


def _at(minutes_ago: int) -> str:
    return (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat()


async def _handover(careplan: CareplanApi, hours: int = 12, home: str | None = None, **params: Any) -> Any:
    until = datetime.now(UTC) + timedelta(minutes=1)
    return await careplan.http.get("/v1/handover", headers=careplan.as_role("care_worker"), params={
        "home_id": home or careplan.HOME, "from": (until - timedelta(hours=hours)).isoformat(),
        "to": until.isoformat(), **params})


class TestHandover:
    async def test_what_changed_on_the_shift(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        resident = await careplan.admit()
        version = await careplan.draft(resident["id"], [careplan.section(review_interval="weekly")])
        await careplan.sign_off(resident["id"], version["number"])
        rid, section_id = resident["id"], version["sections"][0]["id"]
        await careplan.note(rid, category="incident", text="Found on the floor by her bed; no injury.",
                            occurred_at=_at(60))
        await careplan.note(rid, text="Daughter visiting at 10 tomorrow.", handover=True, occurred_at=_at(30))
        await careplan.note(rid, text="Enjoyed the quiz.", occurred_at=_at(20))  # not for handover
        await careplan.note(rid, category="incident", text="Earlier shift's fall.", occurred_at=_at(60 * 14))
        await careplan.http.post(f"/v1/residents/{rid}/risk-assessments", headers=careplan.manager, json={
            "tool": "falls", "assessed_at": _at(10), "section_id": section_id, "items": {
                "recent_falls": "in_last_3_months_as_resident", "medications": 3, "psychological": "mildly",
                "amts": 6}})
        response = await _handover(careplan)
        assert response.status_code == 200, response.text
        body = response.json()
        assert [n["text"] for n in body["incidents"]] == ["Found on the floor by her bed; no injury."]
        assert [n["text"] for n in body["handover_notes"]] == ["Daughter visiting at 10 tomorrow."]
        assert [(r["tool"], r["band"], r["preferred_name"]) for r in body["risk_results"]] == [("falls", "high",
                                                                                                 "Peggy")]
        # The high falls result linked to the section made its review due now.
        assert [(d["section_id"], d["next_review_date"]) for d in body["reviews_due"]] == [
            (section_id, date.today().isoformat())]
        assert set(body) >= {"from", "to", "home_id"}
        views = await careplan.count(careplan_app, "audit_event", "details->>'part' = 'handover'")
        assert views == 1

    async def test_flag_is_kept_on_the_note(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        note = await careplan.note(resident["id"], handover=True)
        assert note.json()["handover"] is True
        listed = await careplan.http.get(f"/v1/residents/{resident['id']}/notes", headers=careplan.manager)
        assert listed.json()["items"][0]["handover"] is True

    async def test_window_must_be_a_shift(self, careplan: CareplanApi) -> None:
        too_long = await _handover(careplan, hours=25)
        assert too_long.status_code == 422
        assert too_long.json()["errors"][0]["loc"] == ["query", "to"]
        backwards = await _handover(careplan, hours=-1)
        assert backwards.status_code == 422
        naive = await careplan.http.get("/v1/handover", headers=careplan.manager, params={
            "home_id": careplan.HOME, "from": "2026-12-01T08:00:00", "to": "2026-12-01T20:00:00"})
        assert naive.status_code == 422

    async def test_another_homes_handover_is_404(self, careplan: CareplanApi) -> None:
        assert (await _handover(careplan, home=careplan.OTHER_HOME)).status_code == 404
