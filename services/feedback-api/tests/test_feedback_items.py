"""Giving feedback, reading it, triage, merging, and the conversation."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from feedback_support import HOME_A, HOME_B, STAFFING, TRAINING, As, admin, assert_problem, count, item_body


async def submit(http: httpx.AsyncClient, headers: dict[str, str], home: str | None = HOME_A,
                 **overrides: Any) -> dict[str, Any]:
    response = await http.post("/v1/feedback-items", json=item_body(home, STAFFING, **overrides), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


class TestSubmitItem:
    async def test_manager_submits_named_item(self, feedback_http: httpx.AsyncClient, feedback_as: As,
                                              feedback_app: FastAPI) -> None:
        response = await feedback_http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING),
                                            headers=feedback_as("home_manager", sub="hm-1", name="Jo Bloggs"))
        assert response.status_code == 201, response.text
        item = response.json()
        assert (item["author_name"], item["anonymous"], item["status"]) == ("Jo Bloggs", False, "new")
        assert len(item["reply_code"]) >= 24
        assert response.headers["etag"] == '"1"'
        assert response.headers["location"] == f"/v1/feedback-items/{item['id']}"
        assert await count(feedback_app, "audit_event", "actor_sub = 'hm-1'") == 1
        assert await count(feedback_app, "feedback_item", f"reply_code_hash LIKE '%{item['reply_code']}%'") == 0

    async def test_staff_need_the_home_to_allow_it(self, feedback_http: httpx.AsyncClient, feedback_as: As,
                                                   feedback_app: FastAPI) -> None:
        carer = feedback_as("care_worker", sub="cw-1")
        refused = await feedback_http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING), headers=carer)
        assert_problem(refused, 403)
        put = await feedback_http.put(f"/v1/home-settings/{HOME_A}", json={"all_staff_may_submit": True},
                                      headers={**feedback_as("home_manager"), "If-Match": '"0"'})
        assert put.status_code == 200
        assert put.headers["etag"] == '"1"'
        await submit(feedback_http, carer)
        assert await count(feedback_app, "feedback_item") == 1

    async def test_another_home_is_404(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        response = await feedback_http.post("/v1/feedback-items", json=item_body(HOME_B, STAFFING),
                                            headers=feedback_as("home_manager"))
        assert_problem(response, 404)

    async def test_department_item_from_a_department_manager(self, feedback_http: httpx.AsyncClient,
                                                             feedback_as: As) -> None:
        item = await submit(feedback_http, feedback_as("estates_officer", homes=()), home=None, department="Estates")
        assert (item["home_id"], item["department"]) == (None, "Estates")

    @pytest.mark.parametrize(("change", "loc"), [
        ({"kind": "grumble"}, ["body", "kind"]),
        ({"importance": "huge"}, ["body", "importance"]),
        ({"summary": ""}, ["body", "summary"]),
        ({"summary": "x" * 201}, ["body", "summary"]),
        ({"author": "me"}, ["body", "author"]),
        ({"theme_id": "00000000-0000-4000-8000-000000000000"}, ["body", "theme_id"]),
        ({"home_id": None}, ["body"]),
    ])
    async def test_bad_input_is_422_and_nothing_written(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI,
        change: dict[str, Any], loc: list[str],
    ) -> None:
        response = await feedback_http.post("/v1/feedback-items", json={**item_body(HOME_A, STAFFING), **change},
                                            headers=feedback_as("home_manager"))
        assert_problem(response, 422, loc)
        assert await count(feedback_app, "feedback_item") == 0
        assert await count(feedback_app, "audit_event") == 0

    async def test_same_key_other_body_is_refused(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        headers = {**feedback_as("home_manager"), "Idempotency-Key": "k-1"}
        first = await feedback_http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING), headers=headers)
        assert first.status_code == 201
        other = await feedback_http.post("/v1/feedback-items", json=item_body(HOME_A, TRAINING), headers=headers)
        assert_problem(other, 422, ["header", "Idempotency-Key"])


class TestReadItems:
    async def test_home_managers_see_their_homes_triagers_all(
        self, feedback_http: httpx.AsyncClient, feedback_as: As,
    ) -> None:
        mine = await submit(feedback_http, feedback_as("home_manager", homes=(HOME_A,), sub="hm-a"))
        theirs = await submit(feedback_http, feedback_as("home_manager", homes=(HOME_B,), sub="hm-b"), home=HOME_B)
        listed = await feedback_http.get("/v1/feedback-items", headers=feedback_as("home_manager"))
        assert [i["id"] for i in listed.json()["items"]] == [mine["id"]]
        hidden = await feedback_http.get(f"/v1/feedback-items/{theirs['id']}", headers=feedback_as("home_manager"))
        assert_problem(hidden, 404)
        everyone = await feedback_http.get("/v1/feedback-items", headers=feedback_as("divisional_manager", homes=()))
        assert len(everyone.json()["items"]) == 2

    async def test_my_feedback_lists_named_items_only(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        me = feedback_as("home_manager", sub="hm-a")
        named = await submit(feedback_http, me)
        await submit(feedback_http, me, anonymous=True)
        mine = await feedback_http.get("/v1/my-feedback", headers=me)
        assert [i["id"] for i in mine.json()["items"]] == [named["id"]]

    async def test_pages_and_filters(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        me = feedback_as("home_manager")
        for _ in range(3):
            await submit(feedback_http, me)
        await feedback_http.post("/v1/feedback-items", json=item_body(HOME_A, TRAINING), headers=me)
        reader = feedback_as("divisional_manager", homes=())
        first = await feedback_http.get("/v1/feedback-items", params={"limit": 2, "theme_id": STAFFING},
                                        headers=reader)
        second = await feedback_http.get("/v1/feedback-items", headers=reader,
                                         params={"limit": 2, "theme_id": STAFFING,
                                                 "cursor": first.json()["next_cursor"]})
        ids = [i["id"] for i in first.json()["items"] + second.json()["items"]]
        assert len(set(ids)) == 3
        assert second.json()["next_cursor"] is None
        for bad in ({"limit": 0}, {"limit": 201}, {"sort": "summary"}, {"cursor": "junk"}):
            assert_problem(await feedback_http.get("/v1/feedback-items", params=bad, headers=reader), 422)


class TestTriage:
    async def test_tags_theme_and_status_with_if_match(self, feedback_http: httpx.AsyncClient, feedback_as: As,
                                                       feedback_app: FastAPI) -> None:
        item = await submit(feedback_http, feedback_as("home_manager"))
        triager = feedback_as("divisional_manager", homes=(), sub="dm-1")
        url = f"/v1/feedback-items/{item['id']}"
        assert_problem(await feedback_http.patch(url, json={"tags": ["rota"]}, headers=triager), 428)
        response = await feedback_http.patch(url, json={"tags": ["Rota", "nights", "rota"], "theme_id": TRAINING},
                                             headers={**triager, "If-Match": '"1"'})
        assert response.status_code == 200, response.text
        assert (response.json()["tags"], response.json()["status"]) == (["nights", "rota"], "triaged")
        stale = await feedback_http.patch(url, json={"status": "closed"}, headers={**triager, "If-Match": '"1"'})
        assert_problem(stale, 412)
        tagged = await feedback_http.get("/v1/feedback-items", params={"tag": "rota"}, headers=triager)
        assert [i["id"] for i in tagged.json()["items"]] == [item["id"]]
        assert await count(feedback_app, "audit_event", "action = 'triage' AND actor_sub = 'dm-1'") == 1

    async def test_merge_duplicates(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        first = await submit(feedback_http, feedback_as("home_manager", sub="a"))
        dup = await submit(feedback_http, feedback_as("home_manager", sub="b"))
        triager = {**feedback_as("divisional_manager", homes=()), "If-Match": '"1"'}
        itself = await feedback_http.post(f"/v1/feedback-items/{dup['id']}/merge", json={"into_id": dup["id"]},
                                          headers=triager)
        assert_problem(itself, 422, ["body", "into_id"])
        merged = await feedback_http.post(f"/v1/feedback-items/{dup['id']}/merge", json={"into_id": first["id"]},
                                          headers=triager)
        assert merged.status_code == 200, merged.text
        assert (merged.json()["status"], merged.json()["merged_into_id"]) == ("merged", first["id"])
        chained = await feedback_http.post(f"/v1/feedback-items/{first['id']}/merge", json={"into_id": dup["id"]},
                                           headers=triager)
        assert_problem(chained, 422, ["body", "into_id"])


class TestConversation:
    async def test_staff_reply_and_submitter_answer_in_order(self, feedback_http: httpx.AsyncClient,
                                                             feedback_as: As) -> None:
        me = feedback_as("home_manager", sub="hm-1", name="Jo")
        item = await submit(feedback_http, me)
        await feedback_http.post(f"/v1/feedback-items/{item['id']}/messages", json={"body": "Which nights?"},
                                 headers=admin(feedback_as))
        await feedback_http.post("/v1/conversations/messages", json={"reply_code": item["reply_code"],
                                                                     "body": "Weekends"}, headers=me)
        thread = await feedback_http.get(f"/v1/feedback-items/{item['id']}/messages", headers=me)
        assert [(m["seq"], m["author_name"], m["body"]) for m in thread.json()["items"]] == [
            (1, "Ada Admin", "Which nights?"), (2, "Jo", "Weekends")]
        bad = await feedback_http.post("/v1/conversations/messages", json={"reply_code": item["reply_code"],
                                                                           "body": ""}, headers=me)
        assert_problem(bad, 422, ["body", "body"])
