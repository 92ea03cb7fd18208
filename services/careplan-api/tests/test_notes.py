"""Daily notes: append-only, corrections as new notes, nothing after discharge, fluid totals."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import text

from careplan_api import clock

CareplanApi = Any  # the `careplan` fixture (conftest.CareplanApi): builds records over HTTP


def _at(day: date, hour: int) -> str:
    return datetime(day.year, day.month, day.day, hour, tzinfo=clock.LONDON).isoformat()


class TestAddNote:
    async def test_care_worker_adds_a_note_audited_without_its_text(
        self, careplan: CareplanApi, careplan_app: FastAPI,
    ) -> None:
        resident = await careplan.admit()
        response = await careplan.note(resident["id"], headers=careplan.as_role("care_worker"))
        assert response.status_code == 201, response.text
        note = response.json()
        assert (note["category"], note["author_name"], note["corrected_by_note_id"]) == (
            "mood_and_wellbeing", "Test User", None)
        async with careplan_app.state.engine.connect() as conn:
            details = (await conn.execute(text(
                "SELECT details FROM careplan.audit_event WHERE entity_type = 'daily_note'"))).scalar_one()
        assert details == {"resident_id": resident["id"], "category": "mood_and_wellbeing", "corrects": False}

    async def test_note_after_discharge_is_refused_and_writes_nothing(
        self, careplan: CareplanApi, careplan_app: FastAPI,
    ) -> None:
        resident = await careplan.admit()
        discharged_on = date.today() - timedelta(days=2)
        await careplan.http.post(f"/v1/residents/{resident['id']}/status-changes", headers=careplan.manager,
                                 json={"status": "discharged", "effective_date": discharged_on.isoformat()})
        late = await careplan.note(resident["id"], occurred_at=_at(discharged_on + timedelta(days=1), 9))
        assert late.status_code == 422
        assert late.headers["content-type"] == "application/problem+json"
        assert late.json()["errors"][0]["loc"] == ["body", "occurred_at"]
        assert await careplan.count(careplan_app, "daily_note") == 0
        on_the_day = await careplan.note(resident["id"], occurred_at=_at(discharged_on, 9))
        assert on_the_day.status_code == 201  # written up on the day of discharge

    @pytest.mark.parametrize(("overrides", "field"), [
        ({"category": "fluids"}, "fluid_ml"),
        ({"category": "food", "fluid_ml": 200}, "fluid_ml"),
        ({"category": "fluids", "fluid_ml": 0}, "fluid_ml"),
        ({"category": "fluids", "fluid_ml": 5000}, "fluid_ml"),
        ({"category": "gossip"}, "category"),
        ({"text": ""}, "text"),
        ({"text": "x" * 2001}, "text"),
        ({"occurred_at": "2026-12-01T09:00:00"}, "occurred_at"),  # no offset
        ({"occurred_at": (datetime.now(UTC) + timedelta(hours=2)).isoformat()}, "occurred_at"),
        ({"occurred_at": "2001-01-01T09:00:00Z"}, "occurred_at"),  # before admission
        ({"section_id": "00000000-0000-4000-8000-000000000009"}, "section_id"),
        ({"corrects_note_id": "00000000-0000-4000-8000-000000000009"}, "corrects_note_id"),
        ({"mood": "happy"}, "mood"),
    ])
    async def test_bad_note_is_422_naming_the_field(self, careplan: CareplanApi, careplan_app: FastAPI,
                                                    overrides: dict[str, Any], field: str) -> None:
        resident = await careplan.admit()
        response = await careplan.note(resident["id"], **overrides)
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["loc"] == ["body", field]
        assert await careplan.count(careplan_app, "daily_note") == 0

    async def test_note_linked_to_a_current_section(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        version = await careplan.draft(resident["id"])
        await careplan.sign_off(resident["id"], 1)
        response = await careplan.note(resident["id"], category="activity", text="Walked to lunch with frame.",
                                       section_id=version["sections"][0]["id"])
        assert response.status_code == 201

    async def test_notes_cannot_be_changed(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        resident = await careplan.admit()
        note = (await careplan.note(resident["id"])).json()
        url = f"/v1/residents/{resident['id']}/notes/{note['id']}"
        assert (await careplan.http.patch(url, json={"text": "x"}, headers=careplan.manager)).status_code in (404, 405)
        async with careplan_app.state.engine.connect() as conn:
            with pytest.raises(Exception, match="append-only"):
                await conn.execute(text("DELETE FROM careplan.daily_note"))


class TestCorrections:
    async def test_correction_is_a_new_note_and_totals_use_it(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit(fluid_target_ml=1500)
        today = clock.today()
        now = datetime.now(UTC)  # not a minute ago: just after midnight that is yesterday
        wrong = (await careplan.note(resident["id"], category="fluids", fluid_ml=1200, text="Tea",
                                     occurred_at=now.isoformat())).json()
        await careplan.note(resident["id"], category="fluids", fluid_ml=300, text="Juice", occurred_at=now.isoformat())
        fixed = await careplan.note(resident["id"], category="fluids", fluid_ml=200, text="Tea: 200 ml, not 1200",
                                    occurred_at=now.isoformat(), corrects_note_id=wrong["id"])
        assert fixed.status_code == 201
        notes = (await careplan.http.get(f"/v1/residents/{resident['id']}/notes",
                                         params={"date": today.isoformat()}, headers=careplan.manager)).json()
        by_id = {n["id"]: n for n in notes["items"]}
        assert by_id[wrong["id"]]["corrected_by_note_id"] == fixed.json()["id"]
        assert by_id[wrong["id"]]["fluid_ml"] == 1200  # the original stays as written
        totals = (await careplan.http.get(f"/v1/residents/{resident['id']}/fluid-totals",
                                          headers=careplan.manager)).json()
        assert totals["target_source"] == "resident"
        assert totals["days"] == [{"date": today.isoformat(), "total_ml": 500, "target_ml": 1500,
                                   "percent_of_target": 33, "target_met": False}]
        twice = await careplan.note(resident["id"], category="fluids", fluid_ml=250, text="Again",
                                    occurred_at=now.isoformat(), corrects_note_id=wrong["id"])
        assert twice.status_code == 409

    async def test_cannot_correct_another_residents_note(self, careplan: CareplanApi) -> None:
        first = await careplan.admit()
        second = await careplan.admit(nhs_number=None, given_name="Albert")
        note = (await careplan.note(first["id"])).json()
        response = await careplan.note(second["id"], corrects_note_id=note["id"])
        assert response.status_code == 422


class TestReadNotes:
    async def test_one_day_in_order_by_category_and_paged(self, careplan: CareplanApi,
                                                          careplan_app: FastAPI) -> None:
        resident = await careplan.admit()
        yesterday = clock.today() - timedelta(days=1)
        for hour, category in [(8, "personal_care"), (12, "food"), (15, "activity"), (20, "sleep")]:
            response = await careplan.note(resident["id"], category=category, occurred_at=_at(yesterday, hour))
            assert response.status_code == 201
        await careplan.note(resident["id"])  # today: not in yesterday's list
        url = f"/v1/residents/{resident['id']}/notes"
        params = {"date": yesterday.isoformat(), "sort": "occurred_at", "limit": 3}
        first = (await careplan.http.get(url, params=params, headers=careplan.manager)).json()
        assert [n["category"] for n in first["items"]] == ["personal_care", "food", "activity"]
        rest = (await careplan.http.get(url, params={**params, "cursor": first["next_cursor"]},
                                        headers=careplan.manager)).json()
        assert [n["category"] for n in rest["items"]] == ["sleep"]
        food = (await careplan.http.get(url, params={"category": "food"}, headers=careplan.manager)).json()
        assert len(food["items"]) == 1
        views = await careplan.count(careplan_app, "audit_event",
                                     "action = 'view' AND details->>'part' = 'daily_notes'")
        assert views == 3

    async def test_default_fluid_target_by_sex(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit(sex="male")
        totals = (await careplan.http.get(f"/v1/residents/{resident['id']}/fluid-totals",
                                          headers=careplan.manager)).json()
        assert (totals["target_ml"], totals["target_source"]) == (2000, "default")

    async def test_fluid_range_is_bounded(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        response = await careplan.http.get(f"/v1/residents/{resident['id']}/fluid-totals",
                                           params={"from_date": "2026-01-01", "to_date": "2026-03-01"},
                                           headers=careplan.manager)
        assert response.status_code == 422
