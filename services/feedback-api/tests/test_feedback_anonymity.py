"""Proof that an anonymous item (and a survey response) cannot be traced to the person: after
they act, no table of the schema, no audit row and no log line the service wrote holds their
sub, their name or their reply code, and no stored time is finer than the day."""

import logging
from datetime import time
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from feedback_support import HOME_A, STAFFING, As, admin, answers, create_survey, item_body, sql

SUB = "kc-7f3c9d2e-anonymous-person"
NAME = "Priya Shah-Whitfield"


async def _every_text_value(app: FastAPI) -> str:
    """Every column of every row of every table in the schema, as text."""
    tables = [r[0] for r in await sql(app, "SELECT tablename FROM pg_tables WHERE schemaname = 'feedback'")]
    dump = []
    for table in tables:
        rows = await sql(app, f"SELECT t::text FROM feedback.{table} t")
        dump += [r[0] for r in rows]
    return "\n".join(dump)


@pytest.fixture
def feedback_logs(capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> Any:
    """Everything the service logs, plus every SQL statement and its parameters (SQLAlchemy's
    engine log), so what is sent to the database is searched too."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")

    def read() -> str:
        captured = capsys.readouterr()
        return captured.out + captured.err + "\n".join(r.getMessage() for r in caplog.records)

    return read


class TestAnonymousItem:
    async def test_nothing_stored_or_logged_joins_the_item_to_its_author(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI, feedback_logs: Any,
    ) -> None:
        me = feedback_as("home_manager", sub=SUB, name=NAME)
        headers = {**me, "Idempotency-Key": "anon-key-1", "X-Request-ID": "req-anon-1"}
        response = await feedback_http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING, anonymous=True),
                                            headers=headers)
        assert response.status_code == 201, response.text
        item = response.json()
        code = item["reply_code"]
        assert item["author_name"] is None
        # A retry replays the same item and code; an idempotency row would have held the sub.
        again = await feedback_http.post("/v1/feedback-items",
                                         json=item_body(HOME_A, STAFFING, anonymous=True), headers=headers)
        assert (again.json()["id"], again.json()["reply_code"]) == (item["id"], code)
        assert again.headers["idempotent-replayed"] == "true"
        # The conversation goes on: a manager replies, the submitter answers with the code.
        reply = await feedback_http.post(f"/v1/feedback-items/{item['id']}/messages", json={"body": "Thanks - when?"},
                                         headers=admin(feedback_as))
        assert reply.status_code == 201
        answer = await feedback_http.post("/v1/conversations/messages", json={"reply_code": code, "body": "Nights"},
                                          headers={**me, "X-Request-ID": "req-anon-2"})
        assert answer.status_code == 201, answer.text
        assert answer.json()["author_name"] is None

        stored = await _every_text_value(feedback_app)
        for secret in (SUB, NAME, code, code.replace("-", ""), "req-anon-1", "req-anon-2", "anon-key-1"):
            assert secret not in stored, f"{secret!r} is stored"
        logs = feedback_logs()
        assert "INSERT INTO feedback.feedback_item" in logs  # the capture works
        assert secret_free(logs, SUB, NAME, code)

        (created_at,) = (await sql(feedback_app, "SELECT created_at FROM feedback.feedback_item"))[0]
        assert created_at.time() == time(0)
        audit = await sql(feedback_app, "SELECT actor_sub, actor_name, request_id, at, entity_type"
                                        " FROM feedback.audit_event WHERE actor_sub <> 'admin-1' ORDER BY entity_type")
        assert [(a[0], a[2], a[3].time(), a[4]) for a in audit] == [
            ("system:anonymous", None, time(0), "feedback_item"),
            ("system:anonymous", None, time(0), "feedback_message"),
        ]
        messages = await sql(feedback_app, "SELECT created_at FROM feedback.feedback_message WHERE from_submitter")
        assert [m[0].time() for m in messages] == [time(0)]

    async def test_the_reply_code_opens_the_conversation(
        self, feedback_http: httpx.AsyncClient, feedback_as: As,
    ) -> None:
        me = feedback_as("home_manager", sub=SUB)
        item = (await feedback_http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING, anonymous=True),
                                         headers=me)).json()
        await feedback_http.post(f"/v1/feedback-items/{item['id']}/messages", json={"body": "We hear you."},
                                 headers=admin(feedback_as))
        lookup = await feedback_http.post("/v1/conversations/lookup",
                                          json={"reply_code": item["reply_code"].lower()}, headers=me)
        assert lookup.status_code == 200
        assert [m["body"] for m in lookup.json()["messages"]] == ["We hear you."]
        wrong = await feedback_http.post("/v1/conversations/lookup", json={"reply_code": "A" * 24}, headers=me)
        assert wrong.status_code == 404


    async def test_the_same_search_finds_a_named_author(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI,
    ) -> None:
        """The control: the search above would catch a leak."""
        me = feedback_as("home_manager", sub=SUB, name=NAME)
        response = await feedback_http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING), headers=me)
        assert response.status_code == 201
        stored = await _every_text_value(feedback_app)
        assert SUB in stored
        assert NAME in stored


class TestAnonymousSurveyResponse:
    async def test_response_is_kept_apart_from_the_person(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI, feedback_logs: Any,
    ) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        me = feedback_as("care_worker", sub=SUB, name=NAME)
        response = await feedback_http.post(f"/v1/surveys/{survey['id']}/responses",
                                            json=answers(survey, comment="More hoists on the first floor"),
                                            headers={**me, "X-Request-ID": "req-survey-1"})
        assert response.status_code == 201, response.text
        stored = await _every_text_value(feedback_app)
        assert SUB not in stored
        assert NAME not in stored
        assert "req-survey-1" not in stored
        assert secret_free(feedback_logs(), SUB, NAME)
        # The receipt cannot be joined to the answers: it has no response id and no time.
        columns = await sql(feedback_app, "SELECT column_name FROM information_schema.columns"
                                          " WHERE table_schema = 'feedback' AND table_name = 'survey_receipt'")
        assert sorted(c[0] for c in columns) == ["key_hash", "receipt_hash", "survey_id"]


def secret_free(logs: str, *secrets: str) -> bool:
    return not any(s in logs for s in secrets)
