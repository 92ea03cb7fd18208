"""The feedback-api permission matrix, cell by cell (generated from the table in code), and
home scoping: another home's record is 404, never 403."""

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from feedback_support import (
    HOME_A,
    HOME_B,
    STAFFING,
    As,
    admin,
    answers,
    close_survey,
    create_survey,
    item_body,
    return_body,
    survey_body,
)

from carehub_kit.auth import Role
from feedback_api.permissions import MATRIX, Action

Headers = dict[str, str]
Call = Callable[[httpx.AsyncClient, Headers, Headers], Awaitable[httpx.Response]]


async def _item(http: httpx.AsyncClient, boss: Headers) -> dict[str, Any]:
    response = await http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING), headers=boss)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def _action(http: httpx.AsyncClient, boss: Headers) -> dict[str, Any]:
    response = await http.post("/v1/actions", headers=boss, json={
        "title": "Rota review", "home_id": HOME_A, "owner": "Manager", "due_date": "2099-01-01"})
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def _submit(http: httpx.AsyncClient, me: Headers, boss: Headers) -> httpx.Response:
    await http.put(f"/v1/home-settings/{HOME_A}", json={"all_staff_may_submit": True},
                   headers={**boss, "If-Match": '"0"'})
    return await http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING), headers=me)


async def _conversation(http: httpx.AsyncClient, me: Headers, boss: Headers) -> httpx.Response:
    item = await _item(http, boss)
    return await http.post("/v1/conversations/lookup", json={"reply_code": item["reply_code"]}, headers=me)


async def _survey_respond(http: httpx.AsyncClient, me: Headers, boss: Headers) -> httpx.Response:
    survey = await create_survey(http, boss)
    return await http.post(f"/v1/surveys/{survey['id']}/responses", json=answers(survey), headers=me)


async def _survey_results(http: httpx.AsyncClient, me: Headers, boss: Headers) -> httpx.Response:
    survey = await create_survey(http, boss)
    await close_survey(http, boss, survey)
    return await http.get(f"/v1/surveys/{survey['id']}/results", headers=me)


async def _benchmark_update(http: httpx.AsyncClient, me: Headers, boss: Headers) -> httpx.Response:
    items = (await http.get("/v1/benchmarks", headers=boss)).json()["items"]
    return await http.patch(f"/v1/benchmarks/{items[0]['id']}", json={"value": "7.1"},
                            headers={**me, "If-Match": '"1"'})


async def _get(url: str, http: httpx.AsyncClient, me: Headers) -> httpx.Response:
    return await http.get(url, headers=me)


CALLS: dict[Action, tuple[Call, int]] = {
    Action.theme_read: (lambda h, me, _b: _get("/v1/themes", h, me), 200),
    Action.theme_manage: (lambda h, me, _b: h.post("/v1/themes", json={"code": "night_care", "name": "Night care"},
                                                   headers=me), 201),
    Action.home_setting_read: (lambda h, me, _b: _get(f"/v1/home-settings/{HOME_A}", h, me), 200),
    Action.home_setting_manage: (lambda h, me, _b: h.put(f"/v1/home-settings/{HOME_A}", json={
        "all_staff_may_submit": True}, headers={**me, "If-Match": '"0"'}), 200),
    Action.item_submit: (_submit, 201),
    Action.item_read_own: (lambda h, me, _b: _get("/v1/my-feedback", h, me), 200),
    Action.item_read: (lambda h, me, b: _then(_item(h, b), lambda i: _get(f"/v1/feedback-items/{i['id']}", h, me)),
                       200),
    Action.item_reply: (lambda h, me, b: _then(_item(h, b), lambda i: h.post(
        f"/v1/feedback-items/{i['id']}/messages", json={"body": "Thank you"}, headers=me)), 201),
    Action.item_triage: (lambda h, me, b: _then(_item(h, b), lambda i: h.patch(
        f"/v1/feedback-items/{i['id']}", json={"tags": ["rota"]}, headers={**me, "If-Match": '"1"'})), 200),
    Action.conversation_use: (_conversation, 200),
    Action.action_read: (lambda h, me, b: _then(_action(h, b), lambda a: _get(f"/v1/actions/{a['id']}", h, me)),
                         200),
    Action.action_manage: (lambda h, me, _b: h.post("/v1/actions", json={
        "title": "Rota review", "home_id": HOME_A, "owner": "Manager", "due_date": "2099-01-01"}, headers=me), 201),
    Action.board_read: (lambda h, me, _b: _get(f"/v1/board?home_id={HOME_A}", h, me), 200),
    Action.survey_read: (lambda h, me, _b: _get("/v1/surveys", h, me), 200),
    Action.survey_respond: (_survey_respond, 201),
    Action.survey_manage: (lambda h, me, _b: h.post("/v1/surveys", json=survey_body(), headers=me), 201),
    Action.survey_results: (_survey_results, 200),
    Action.workforce_read: (lambda h, me, _b: _get(f"/v1/workforce/returns?home_id={HOME_A}", h, me), 200),
    Action.workforce_submit: (lambda h, me, _b: h.post("/v1/workforce/returns", json=return_body(
        HOME_A, "2026-05-01"), headers=me), 201),
    Action.workforce_indicators: (lambda h, me, _b: _get(f"/v1/workforce/indicators?home_id={HOME_A}", h, me), 200),
    Action.benchmark_read: (lambda h, me, _b: _get("/v1/benchmarks", h, me), 200),
    Action.benchmark_manage: (_benchmark_update, 200),
    Action.report_read: (lambda h, me, _b: _get(f"/v1/reports/recommendations?home_id={HOME_A}", h, me), 200),
}


async def _then(first: Awaitable[dict[str, Any]],
                then: Callable[[dict[str, Any]], Awaitable[httpx.Response]]) -> httpx.Response:
    return await then(await first)


CELLS = [(role, action, MATRIX.allows((role,), action)) for role in Role for action in Action]


def test_every_action_has_a_call_under_test() -> None:
    assert set(CALLS) == set(Action) == set(MATRIX.table)


@pytest.mark.parametrize(("role", "action", "allowed"), CELLS,
                         ids=[f"{r}-{a}-{'allow' if ok else 'deny'}" for r, a, ok in CELLS])
async def test_matrix_cell(feedback_http: httpx.AsyncClient, feedback_as: As, role: Role, action: Action,
                           allowed: bool) -> None:
    """Each role acting in a home it works in: allowed cells succeed, the rest are 403."""
    me = feedback_as(role, homes=(HOME_A,), sub=f"{role}-1")
    call, success = CALLS[action]
    if not allowed:
        call = _without_setup(action, call)
    response = await call(feedback_http, me, admin(feedback_as))
    assert response.status_code == (success if allowed else 403), response.text


def _without_setup(action: Action, call: Call) -> Call:
    """A denied call is refused before it looks at any record: aim it at a random id."""
    missing = str(uuid.uuid4())
    urls = {Action.item_read: ("GET", f"/v1/feedback-items/{missing}"),
            Action.item_reply: ("POST", f"/v1/feedback-items/{missing}/messages"),
            Action.item_triage: ("PATCH", f"/v1/feedback-items/{missing}"),
            Action.action_read: ("GET", f"/v1/actions/{missing}"),
            Action.survey_results: ("GET", f"/v1/surveys/{missing}/results"),
            Action.survey_respond: ("POST", f"/v1/surveys/{missing}/responses"),
            Action.conversation_use: ("POST", "/v1/conversations/lookup")}
    if action not in urls:
        return call
    method, url = urls[action]

    async def denied(http: httpx.AsyncClient, me: Headers, _boss: Headers) -> httpx.Response:
        return await http.request(method, url, headers={**me, "If-Match": '"1"'}, json={})

    return denied


class TestHomeScoping:
    @pytest.mark.parametrize("url", [
        f"/v1/board?home_id={HOME_B}", f"/v1/home-settings/{HOME_B}", f"/v1/workforce/indicators?home_id={HOME_B}",
        f"/v1/workforce/series?home_id={HOME_B}", f"/v1/reports/recommendations?home_id={HOME_B}",
        f"/v1/feedback-items?home_id={HOME_B}", f"/v1/actions?home_id={HOME_B}",
        f"/v1/surveys/scores?home_id={HOME_B}",
    ])
    async def test_another_home_is_404(self, feedback_http: httpx.AsyncClient, feedback_as: As, url: str) -> None:
        response = await feedback_http.get(url, headers=feedback_as("home_manager", homes=(HOME_A,)))
        assert response.status_code == 404, response.text

    async def test_another_homes_item_is_404_like_a_missing_one(self, feedback_http: httpx.AsyncClient,
                                                                feedback_as: As) -> None:
        item = (await feedback_http.post("/v1/feedback-items", json=item_body(HOME_B, STAFFING),
                                         headers=admin(feedback_as))).json()
        me = feedback_as("home_manager", homes=(HOME_A,))
        theirs = await feedback_http.get(f"/v1/feedback-items/{item['id']}", headers=me)
        missing = await feedback_http.get(f"/v1/feedback-items/{uuid.uuid4()}", headers=me)
        assert theirs.status_code == missing.status_code == 404
        assert theirs.json()["detail"] == missing.json()["detail"]

    async def test_no_token_is_401(self, feedback_http: httpx.AsyncClient) -> None:
        response = await feedback_http.get("/v1/board")
        assert response.status_code == 401
