"""Actions: dates, the status path with a public reason for "not doing", overdue lists."""

from datetime import date, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from feedback_support import HOME_A, HOME_B, STAFFING, As, admin, assert_problem, count, item_body


def action_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"title": "Recruit two night carers", "home_id": HOME_A, "theme_id": STAFFING,
                            "owner": "Home manager", "due_date": (date.today() + timedelta(days=30)).isoformat()}
    body.update(overrides)
    return body


async def create(http: httpx.AsyncClient, headers: dict[str, str], **overrides: Any) -> dict[str, Any]:
    response = await http.post("/v1/actions", json=action_body(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


class TestCreateAction:
    async def test_due_date_before_raised_is_422_and_nothing_written(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI,
    ) -> None:
        response = await feedback_http.post("/v1/actions", headers=admin(feedback_as), json=action_body(
            raised_on="2026-03-10", due_date="2026-03-09"))
        assert_problem(response, 422, ["body", "due_date"])
        assert await count(feedback_app, "feedback_action") == 0
        assert await count(feedback_app, "audit_event") == 0

    async def test_links_items_and_rejects_unknown_ones(self, feedback_http: httpx.AsyncClient, feedback_as: As,
                                                        feedback_app: FastAPI) -> None:
        item = (await feedback_http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING),
                                         headers=feedback_as("home_manager"))).json()
        missing = "00000000-0000-4000-8000-000000000099"
        bad = await feedback_http.post("/v1/actions", json=action_body(item_ids=[item["id"], missing]),
                                       headers=admin(feedback_as))
        assert_problem(bad, 422, ["body", "item_ids", 1])
        assert await count(feedback_app, "feedback_action") == 0
        action = await create(feedback_http, admin(feedback_as), item_ids=[item["id"]])
        assert (action["item_ids"], action["status"], action["overdue"]) == ([item["id"]], "proposed", False)


class TestActionStatus:
    async def test_path_to_done_needs_an_outcome(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        action = await create(feedback_http, admin(feedback_as))
        url, version = f"/v1/actions/{action['id']}", 1

        async def move(body: dict[str, Any]) -> httpx.Response:
            nonlocal version
            response = await feedback_http.patch(url, json=body,
                                                 headers={**admin(feedback_as), "If-Match": f'"{version}"'})
            if response.status_code == 200:
                version = int(response.headers["etag"].strip('"'))
            return response

        assert_problem(await move({"status": "done", "outcome": "x"}), 409, ["body", "status"])
        assert (await move({"status": "agreed"})).status_code == 200
        assert (await move({"status": "in_progress"})).status_code == 200
        assert_problem(await move({"status": "done"}), 422, ["body", "outcome"])
        done = await move({"status": "done", "outcome": "Two night carers started in May."})
        assert done.status_code == 200
        assert done.json()["completed_on"] == date.today().isoformat()
        assert_problem(await move({"status": "agreed"}), 409)

    async def test_not_doing_needs_a_reason_everyone_can_read(self, feedback_http: httpx.AsyncClient,
                                                              feedback_as: As) -> None:
        action = await create(feedback_http, admin(feedback_as))
        url = f"/v1/actions/{action['id']}"
        headers = {**admin(feedback_as), "If-Match": '"1"'}
        assert_problem(await feedback_http.patch(url, json={"status": "not_doing"}, headers=headers), 422,
                       ["body", "not_doing_reason"])
        reason = "The council is replacing the rota system in the spring."
        response = await feedback_http.patch(url, json={"status": "not_doing", "not_doing_reason": reason},
                                             headers=headers)
        assert response.status_code == 200
        board = await feedback_http.get("/v1/board", params={"home_id": HOME_A},
                                        headers=feedback_as("care_worker"))
        assert board.json()["actions"][0]["not_doing_reason"] == reason

    async def test_stale_and_missing_if_match(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        action = await create(feedback_http, admin(feedback_as))
        url = f"/v1/actions/{action['id']}"
        assert_problem(await feedback_http.patch(url, json={"owner": "x"}, headers=admin(feedback_as)), 428)
        assert_problem(await feedback_http.patch(url, json={"owner": "x"},
                                                 headers={**admin(feedback_as), "If-Match": '"9"'}), 412)

    async def test_moving_due_date_before_raised_is_refused(self, feedback_http: httpx.AsyncClient,
                                                            feedback_as: As) -> None:
        action = await create(feedback_http, admin(feedback_as), raised_on="2026-01-10", due_date="2026-02-01")
        response = await feedback_http.patch(f"/v1/actions/{action['id']}", json={"due_date": "2026-01-09"},
                                             headers={**admin(feedback_as), "If-Match": '"1"'})
        assert_problem(response, 422, ["body", "due_date"])


class TestOverdue:
    async def test_overdue_list_and_home_scoping(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        late = await create(feedback_http, admin(feedback_as), raised_on="2026-01-01", due_date="2026-02-01")
        await create(feedback_http, admin(feedback_as))
        other = await create(feedback_http, admin(feedback_as), home_id=HOME_B, raised_on="2026-01-01",
                             due_date="2026-02-01")
        overdue = await feedback_http.get("/v1/actions", params={"overdue": True},
                                          headers=feedback_as("home_manager"))
        assert [a["id"] for a in overdue.json()["items"]] == [late["id"]]
        assert overdue.json()["items"][0]["overdue"] is True
        assert_problem(await feedback_http.get(f"/v1/actions/{other['id']}", headers=feedback_as("home_manager")),
                       404)
        everyone = await feedback_http.get("/v1/actions", params={"overdue": True},
                                           headers=feedback_as("divisional_manager", homes=()))
        assert {a["id"] for a in everyone.json()["items"]} == {late["id"], other["id"]}
