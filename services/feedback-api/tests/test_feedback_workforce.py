"""Workforce returns: bad figures refused with nothing written; indicators and time series
against hand-computed figures; benchmarks kept by admins."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from feedback_support import HOME_A, HOME_B, As, admin, assert_problem, count, return_body, year_of_returns


async def post_return(http: httpx.AsyncClient, headers: dict[str, str], home: str, month: str,
                      **overrides: Any) -> dict[str, Any]:
    response = await http.post("/v1/workforce/returns", json=return_body(home, month, **overrides), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


class TestReturns:
    async def test_create_totals_the_roles(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        created = await post_return(feedback_http, feedback_as("home_manager"), HOME_A, "2026-05-17")
        assert (created["month"], created["headcount"], created["fte"], created["vacancies"]) == (
            "2026-05-01", 40, 32.5, 4.0)

    @pytest.mark.parametrize(("change", "loc"), [
        ({"roles": [{"role": "care_worker", "headcount": -1, "fte": "1", "vacancies": "0"}]},
         ["body", "roles", 0, "headcount"]),
        ({"leavers_voluntary": 30, "leavers_involuntary": 11}, ["body", "leavers_voluntary"]),
        ({"first_year_leavers": 2}, ["body", "first_year_leavers"]),
        ({"level2_qualified": 41}, ["body", "level2_qualified"]),
        ({"sickness_days": "-3"}, ["body", "sickness_days"]),
        ({"roles": [{"role": "chef", "headcount": 1, "fte": "1", "vacancies": "0"}]}, ["body", "roles", 0, "role"]),
        ({"roles": [{"role": "nurse", "headcount": 1, "fte": "1", "vacancies": "0"}] * 2}, ["body", "roles"]),
        ({"agency_hours": "12.34"}, ["body", "agency_hours"]),
        ({"month": "2099-01-01"}, ["body", "month"]),
    ])
    async def test_bad_figures_are_422_and_nothing_written(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI,
        change: dict[str, Any], loc: list[Any],
    ) -> None:
        body = {**return_body(HOME_A, "2026-05-01"), **change}
        response = await feedback_http.post("/v1/workforce/returns", json=body, headers=feedback_as("home_manager"))
        assert_problem(response, 422, loc)
        assert await count(feedback_app, "workforce_return") == 0
        assert await count(feedback_app, "workforce_role_line") == 0
        assert await count(feedback_app, "audit_event") == 0

    async def test_one_return_per_home_and_month(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        await post_return(feedback_http, feedback_as("home_manager"), HOME_A, "2026-05-01")
        again = await feedback_http.post("/v1/workforce/returns", json=return_body(HOME_A, "2026-05-31"),
                                         headers=feedback_as("home_manager"))
        assert_problem(again, 409, ["body", "month"])

    async def test_correct_a_return_with_if_match(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        created = await post_return(feedback_http, feedback_as("home_manager"), HOME_A, "2026-05-01")
        figures = {k: v for k, v in return_body(HOME_A, "x", starters=3).items() if k not in ("home_id", "month")}
        url = f"/v1/workforce/returns/{created['id']}"
        assert_problem(await feedback_http.put(url, json=figures, headers=feedback_as("home_manager")), 428)
        ok = await feedback_http.put(url, json=figures, headers={**feedback_as("home_manager"), "If-Match": '"1"'})
        assert (ok.status_code, ok.json()["starters"], ok.headers["etag"]) == (200, 3, '"2"')

    async def test_other_homes_returns_are_hidden(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        theirs = await post_return(feedback_http, admin(feedback_as), HOME_B, "2026-05-01")
        assert_problem(await feedback_http.get(f"/v1/workforce/returns/{theirs['id']}",
                                               headers=feedback_as("home_manager")), 404)
        assert_problem(await feedback_http.post("/v1/workforce/returns", json=return_body(HOME_B, "2026-06-01"),
                                                headers=feedback_as("home_manager")), 404)
        mine = await feedback_http.get("/v1/workforce/returns", headers=feedback_as("home_manager"))
        assert mine.json()["items"] == []


class TestIndicators:
    async def test_against_hand_computed_figures_and_benchmarks(self, feedback_http: httpx.AsyncClient,
                                                                 feedback_as: As) -> None:
        await year_of_returns(feedback_http, feedback_as("home_manager"))
        body = (await feedback_http.get("/v1/workforce/indicators", params={"month": "2026-05-01"},
                                        headers=feedback_as("home_manager"))).json()
        (home,) = body["items"]
        assert home["months_covered"] == 12
        assert home["turnover_rate"] == 25.0  # 10 / 40
        assert home["vacancy_rate"] == 6.7  # 3 / (42 + 3)
        assert home["first_year_leaver_rate"] == 20.0  # 2 / 10
        assert home["sickness_days_per_fte"] == 8.0  # 12 x 20 days / 30 FTE
        assert home["agency_share_of_hours"] == 4.8  # 250 / (5000 + 250)
        assert home["level2_share"] == 71.4  # 30 / 42
        compared = {c["indicator"]: c for c in home["comparisons"]}
        assert compared["turnover_rate"]["benchmark"] == 24.7
        assert compared["turnover_rate"]["worse_than_benchmark"] is True
        assert compared["vacancy_rate"]["worse_than_benchmark"] is False

    async def test_series_by_month(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        await year_of_returns(feedback_http, feedback_as("home_manager"))
        series = (await feedback_http.get("/v1/workforce/series", headers=feedback_as("integrator"), params={
            "home_id": HOME_A, "month_from": "2026-04-01", "month_to": "2026-06-01"})).json()
        assert [(p["month"], p["turnover_rate"], p["vacancy_rate"]) for p in series["points"]] == [
            ("2026-04-01", None, 6.7), ("2026-05-01", 25.0, 6.7), ("2026-06-01", None, None)]
        # Every indicator, the same figures as /indicators for that month.
        may = series["points"][1]
        indicators = (await feedback_http.get("/v1/workforce/indicators", headers=feedback_as("integrator"), params={
            "home_id": HOME_A, "month": "2026-05-01"})).json()["items"][0]
        for key in ("first_year_leaver_rate", "sickness_days_per_fte", "agency_share_of_hours", "level2_share"):
            assert may[key] == indicators[key], key
        assert may["level2_share"] is not None
        bad = await feedback_http.get("/v1/workforce/series", headers=feedback_as("integrator"),
                                      params={"month_from": "2026-06-01", "month_to": "2026-01-01"})
        assert_problem(bad, 422, ["query", "month_from"])


class TestBenchmarks:
    async def test_seeded_with_the_national_figures(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        items = (await feedback_http.get("/v1/benchmarks", headers=feedback_as("care_worker"))).json()["items"]
        assert {(b["indicator"], b["value"], b["year"]) for b in items} == {
            ("turnover_rate", 24.7, "2024/25"), ("vacancy_rate", 7.0, "2024/25")}
        assert all("Skills for Care" in b["source"] for b in items)

    async def test_admins_update_them(self, feedback_http: httpx.AsyncClient, feedback_as: As,
                                      feedback_app: FastAPI) -> None:
        items = (await feedback_http.get("/v1/benchmarks", headers=admin(feedback_as))).json()["items"]
        vacancy = next(b for b in items if b["indicator"] == "vacancy_rate")
        response = await feedback_http.patch(f"/v1/benchmarks/{vacancy['id']}", json={"value": "6.8",
                                             "year": "2025/26"}, headers={**admin(feedback_as), "If-Match": '"1"'})
        assert (response.status_code, response.json()["value"]) == (200, 6.8)
        assert await count(feedback_app, "audit_event", "entity_type = 'benchmark'") == 1
        bad = await feedback_http.post("/v1/benchmarks", headers=admin(feedback_as), json={
            "indicator": "happiness", "name": "x", "value": "1", "source": "x", "year": "2025"})
        assert_problem(bad, 422, ["body", "indicator"])


@pytest.mark.parametrize("url", [
    "/v1/workforce/indicators?month=0001-01-01", "/v1/workforce/series?month_to=9999-12-01",
    "/v1/reports/recommendations?period_from=0001-01-05&period_to=0001-01-10", "/v1/board?period_to=9999-12-31",
])
async def test_dates_out_of_range_are_422_not_500(feedback_http: httpx.AsyncClient, feedback_as: As,
                                                   url: str) -> None:
    assert_problem(await feedback_http.get(url, headers=admin(feedback_as)), 422)
