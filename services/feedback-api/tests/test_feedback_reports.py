"""The recommendations report: JSON with flags that name their rule, and a printable page."""

import httpx
from feedback_support import HOME_A, HOME_B, STAFFING, As, admin, assert_problem, item_body, year_of_returns


class TestRecommendations:
    async def test_flags_name_their_rules(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        await year_of_returns(feedback_http, feedback_as("home_manager"))  # turnover 25.0 > 24.7 nationally
        late = await feedback_http.post("/v1/actions", headers=admin(feedback_as), json={
            "title": "Fix the sluice door", "home_id": HOME_A, "owner": "Estates", "raised_on": "2026-01-05",
            "due_date": "2026-02-01"})
        assert late.status_code == 201
        for _ in range(3):
            await feedback_http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING),
                                     headers=feedback_as("home_manager"))
        report = await feedback_http.get("/v1/reports/recommendations", headers=feedback_as("divisional_manager"),
                                         params={"period_to": "2026-05-31", "period_from": "2026-03-01"})
        assert report.status_code == 200, report.text
        body = report.json()
        rules = {(f["rule"], f["indicator"], f["home_id"]) for f in body["flags"]}
        assert ("above_national_benchmark", "turnover_rate", HOME_A) in rules
        assert ("above_national_benchmark", "turnover_rate", None) in rules  # the council, added up
        assert ("overdue_actions", None, None) in rules
        assert body["workforce"]["turnover_rate"] == 25.0
        assert body["actions"]["overdue"] == 1
        assert body["actions"]["overdue_actions"][0]["title"] == "Fix the sluice door"

    async def test_home_report_is_scoped(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        assert_problem(await feedback_http.get("/v1/reports/recommendations", params={"home_id": HOME_B},
                                               headers=feedback_as("home_manager")), 404)
        own = await feedback_http.get("/v1/reports/recommendations", params={"home_id": HOME_A},
                                      headers=feedback_as("home_manager"))
        assert own.status_code == 200
        assert_problem(await feedback_http.get("/v1/reports/recommendations", params={
            "period_from": "2026-05-01", "period_to": "2026-01-01"}, headers=admin(feedback_as)), 422,
            ["query", "period_from"])

    async def test_printable_html_escapes_what_people_wrote(self, feedback_http: httpx.AsyncClient,
                                                             feedback_as: As) -> None:
        await feedback_http.post("/v1/actions", headers=admin(feedback_as), json={
            "title": "<script>alert(1)</script> rota", "home_id": HOME_A, "owner": "Me & you",
            "raised_on": "2026-01-05", "due_date": "2026-02-01"})
        page = await feedback_http.get("/v1/reports/recommendations.html", headers=admin(feedback_as))
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert "<script>alert(1)</script>" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; rota" in page.text
        assert "Recommendations report" in page.text
