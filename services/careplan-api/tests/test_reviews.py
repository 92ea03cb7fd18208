"""Section reviews: schedules follow the signed-off plan, a review moves the next date on by
the section's interval, and each home gets its due and overdue list."""

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import text

from careplan_api.reviews.intervals import ReviewInterval, add_months, next_review

CareplanApi = Any  # the `careplan` fixture (conftest.CareplanApi): builds records over HTTP


@pytest.mark.parametrize(("start", "interval", "expected"), [
    (date(2026, 1, 31), ReviewInterval.monthly, date(2026, 2, 28)),
    (date(2028, 1, 31), ReviewInterval.monthly, date(2028, 2, 29)),
    (date(2026, 11, 15), ReviewInterval.quarterly, date(2027, 2, 15)),
    (date(2026, 12, 30), ReviewInterval.weekly, date(2027, 1, 6)),
    (date(2026, 12, 30), ReviewInterval.fortnightly, date(2027, 1, 13)),
])
def test_next_review_dates(start: date, interval: ReviewInterval, expected: date) -> None:
    assert next_review(start, interval) == expected


def test_add_months_across_years() -> None:
    assert add_months(date(2026, 12, 31), 2) == date(2027, 2, 28)


async def _signed_plan(careplan: CareplanApi, **section: Any) -> tuple[str, dict[str, Any]]:
    resident = await careplan.admit()
    version = await careplan.draft(resident["id"], [careplan.section(**section)])
    await careplan.sign_off(resident["id"], version["number"])
    return resident["id"], version["sections"][0]


async def _due(careplan: CareplanApi, **params: Any) -> list[dict[str, Any]]:
    response = await careplan.http.get("/v1/reviews/due", params={"home_id": careplan.HOME, **params},
                                       headers=careplan.as_role("care_worker"))
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


class TestReviews:
    async def test_sign_off_schedules_a_monthly_review(self, careplan: CareplanApi) -> None:
        _, section = await _signed_plan(careplan)
        (due,) = await _due(careplan, within_days=31)
        assert (due["section_id"], due["next_review_date"]) == (section["id"], add_months(date.today(), 1).isoformat())
        assert due["overdue"] is False
        assert due["preferred_name"] == "Peggy"
        assert await _due(careplan, within_days=7) == []

    async def test_review_moves_next_date_and_is_listed(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        resident_id, section = await _signed_plan(careplan, review_interval="weekly")
        response = await careplan.http.post(
            f"/v1/residents/{resident_id}/care-plan/sections/{section['id']}/reviews",
            json={"review_date": date.today().isoformat(), "outcome": "no_change",
                  "summary": "Walking well with the frame; no falls this week."}, headers=careplan.as_role("nurse"))
        assert response.status_code == 201, response.text
        assert response.json()["next_review_date"] == (date.today() + timedelta(days=7)).isoformat()
        reviews = (await careplan.http.get(f"/v1/residents/{resident_id}/reviews", headers=careplan.manager)).json()
        assert [r["outcome"] for r in reviews["items"]] == ["no_change"]
        assert await careplan.count(careplan_app, "audit_event", "entity_type = 'section_review'") == 1

    async def test_overdue_reviews_come_first_and_are_flagged(self, careplan: CareplanApi,
                                                             careplan_app: FastAPI) -> None:
        resident_id, section = await _signed_plan(careplan)
        await careplan.admit(nhs_number=None, given_name="Albert", family_name="Cole")
        async with careplan_app.state.engine.begin() as conn:
            await conn.execute(text("UPDATE careplan.review_schedule SET next_review_date = current_date - 3"))
        (due,) = await _due(careplan, overdue_only=True)
        assert due["overdue"] is True

    async def test_discharged_residents_leave_the_due_list(self, careplan: CareplanApi) -> None:
        resident_id, _ = await _signed_plan(careplan)
        await careplan.http.post(f"/v1/residents/{resident_id}/status-changes", headers=careplan.manager,
                                 json={"status": "discharged", "effective_date": date.today().isoformat()})
        assert await _due(careplan, within_days=90) == []

    async def test_review_of_a_section_not_in_the_current_plan_is_404(self, careplan: CareplanApi) -> None:
        resident = await careplan.admit()
        version = await careplan.draft(resident["id"])  # a draft only: nothing to review yet
        response = await careplan.http.post(
            f"/v1/residents/{resident['id']}/care-plan/sections/{version['sections'][0]['id']}/reviews",
            json={"review_date": date.today().isoformat(), "outcome": "no_change", "summary": "x"},
            headers=careplan.manager)
        assert response.status_code == 404

    @pytest.mark.parametrize("body", [
        {"review_date": (date.today() + timedelta(days=1)).isoformat(), "outcome": "no_change", "summary": "x"},
        {"review_date": date.today().isoformat(), "outcome": "perfect", "summary": "x"},
        {"review_date": date.today().isoformat(), "outcome": "no_change", "summary": ""},
    ])
    async def test_bad_review_is_422_and_writes_nothing(self, careplan: CareplanApi, careplan_app: FastAPI,
                                                        body: dict[str, Any]) -> None:
        resident_id, section = await _signed_plan(careplan)
        response = await careplan.http.post(
            f"/v1/residents/{resident_id}/care-plan/sections/{section['id']}/reviews", json=body,
            headers=careplan.manager)
        assert response.status_code == 422
        assert await careplan.count(careplan_app, "section_review") == 0

    async def test_due_list_of_another_home_is_404(self, careplan: CareplanApi) -> None:
        response = await careplan.http.get("/v1/reviews/due", params={"home_id": careplan.OTHER_HOME},
                                           headers=careplan.as_role("care_worker"))
        assert response.status_code == 404
