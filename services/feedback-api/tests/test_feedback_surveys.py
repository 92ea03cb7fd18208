"""Pulse surveys: one response per person, closed surveys refuse answers, results suppressed
below the minimum group size (4 vs 5 at the edge) and against differencing."""

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from feedback_support import (
    HOME_A,
    HOME_B,
    As,
    admin,
    answers,
    assert_problem,
    close_survey,
    count,
    create_survey,
    return_body,
    survey_body,
)

HOME_C = "cccccccc-0000-4000-8000-000000000003"


async def respond(http: httpx.AsyncClient, feedback_as: As, survey: dict[str, Any], sub: str,
                  home: str = HOME_A, **kwargs: Any) -> httpx.Response:
    return await http.post(f"/v1/surveys/{survey['id']}/responses", json=answers(survey, **kwargs),
                           headers=feedback_as("care_worker", homes=(home,), sub=sub))


async def many(http: httpx.AsyncClient, feedback_as: As, survey: dict[str, Any], home: str, scores: list[int],
               **kwargs: Any) -> None:
    for n, score in enumerate(scores):
        response = await respond(http, feedback_as, survey, f"{home}-{n}", home, recommend=score, **kwargs)
        assert response.status_code == 201, response.text


class TestCreateSurvey:
    @pytest.mark.parametrize("size", [2, 0, -1])
    async def test_threshold_below_3_is_refused(self, feedback_http: httpx.AsyncClient, feedback_as: As,
                                                feedback_app: FastAPI, size: int) -> None:
        response = await feedback_http.post("/v1/surveys", json=survey_body(min_group_size=size),
                                            headers=admin(feedback_as))
        assert_problem(response, 422, ["body", "min_group_size"])
        assert await count(feedback_app, "survey") == 0

    async def test_threshold_cannot_be_lowered_later(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        response = await feedback_http.patch(f"/v1/surveys/{survey['id']}", json={"min_group_size": 2},
                                             headers={**admin(feedback_as), "If-Match": '"1"'})
        assert_problem(response, 422, ["body", "min_group_size"])

    @pytest.mark.parametrize(("change", "loc"), [
        ({"questions": [{"kind": "single_choice", "text": "Pick", "options": ["Only"]}]}, ["body", "questions", 0]),
        ({"questions": [{"kind": "likert", "text": "Agree?", "options": ["a", "b"]}]}, ["body", "questions", 0]),
        ({"questions": []}, ["body", "questions"]),
        ({"roles": ["chef"]}, ["body", "roles", 0]),
        ({"closes_at": "2020-01-01T00:00:00Z"}, ["body"]),
    ])
    async def test_bad_definitions(self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI,
                                   change: dict[str, Any], loc: list[Any]) -> None:
        response = await feedback_http.post("/v1/surveys", json=survey_body(**change), headers=admin(feedback_as))
        assert_problem(response, 422, loc)
        assert await count(feedback_app, "survey") == 0


class TestRespond:
    async def test_second_response_from_the_same_person_is_409(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI,
    ) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        first = await respond(feedback_http, feedback_as, survey, "cw-1")
        assert first.status_code == 201
        assert set(first.json()) == {"survey_id", "submitted_on", "message"}
        second = await respond(feedback_http, feedback_as, survey, "cw-1", recommend=0)
        assert_problem(second, 409)
        assert await count(feedback_app, "survey_response") == 1
        assert await count(feedback_app, "survey_answer") == 3

    async def test_two_at_once_from_the_same_person_make_one_response(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI,
    ) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        first, second = await asyncio.gather(respond(feedback_http, feedback_as, survey, "cw-1", recommend=10),
                                             respond(feedback_http, feedback_as, survey, "cw-1", recommend=0))
        assert sorted([first.status_code, second.status_code]) == [201, 409]
        assert await count(feedback_app, "survey_response") == 1

    async def test_retry_with_the_same_key_is_replayed_not_refused(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI,
    ) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        headers = {**feedback_as("care_worker", sub="cw-1"), "Idempotency-Key": "retry-1"}
        url = f"/v1/surveys/{survey['id']}/responses"
        assert (await feedback_http.post(url, json=answers(survey), headers=headers)).status_code == 201
        again = await feedback_http.post(url, json=answers(survey), headers=headers)
        assert again.status_code == 201
        assert again.headers["idempotent-replayed"] == "true"
        assert await count(feedback_app, "survey_response") == 1

    async def test_a_closed_survey_cannot_be_reopened(self, feedback_http: httpx.AsyncClient,
                                                       feedback_as: As) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        await close_survey(feedback_http, admin(feedback_as), survey)
        later = (datetime.now(UTC) + timedelta(days=5)).isoformat()
        response = await feedback_http.patch(f"/v1/surveys/{survey['id']}", json={"closes_at": later},
                                             headers={**admin(feedback_as), "If-Match": '"2"'})
        assert_problem(response, 409, ["body", "closes_at"])

    async def test_a_retried_close_is_replayed(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        headers = {**admin(feedback_as), "If-Match": '"1"', "Idempotency-Key": "close-1"}
        first = await feedback_http.post(f"/v1/surveys/{survey['id']}/close", headers=headers)
        again = await feedback_http.post(f"/v1/surveys/{survey['id']}/close", headers=headers)
        assert (first.status_code, again.status_code) == (200, 200)
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json()["status"] == "closed"

    async def test_closed_and_scheduled_surveys_refuse_responses(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI,
    ) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        await close_survey(feedback_http, admin(feedback_as), survey)
        assert_problem(await respond(feedback_http, feedback_as, survey, "cw-1"), 409)
        later = datetime.now(UTC) + timedelta(days=3)
        scheduled = await create_survey(feedback_http, admin(feedback_as), opens_at=later.isoformat(),
                                        closes_at=(later + timedelta(days=7)).isoformat())
        assert_problem(await respond(feedback_http, feedback_as, scheduled, "cw-1"), 409)
        assert await count(feedback_app, "survey_receipt") == 0
        assert await count(feedback_app, "survey_response") == 0

    async def test_answers_are_checked_against_the_questions(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, feedback_app: FastAPI,
    ) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        out_of_range = await respond(feedback_http, feedback_as, survey, "cw-1", likert=6)
        assert_problem(out_of_range, 422, ["body", "answers", 1, "score"])
        bad_choice = await respond(feedback_http, feedback_as, survey, "cw-1", choice="Lates")
        assert_problem(bad_choice, 422, ["body", "answers", 2, "choice"])
        missing = await feedback_http.post(f"/v1/surveys/{survey['id']}/responses", headers=feedback_as(
            "care_worker", sub="cw-1"), json={"answers": answers(survey)["answers"][:1]})
        assert_problem(missing, 422, ["body", "answers"])
        assert await count(feedback_app, "survey_receipt") == 0

    async def test_audience_by_home_and_role(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as), home_ids=[HOME_B], roles=["nurse"])
        assert_problem(await respond(feedback_http, feedback_as, survey, "cw-1", home=HOME_B), 404)
        nurse = feedback_as("nurse", homes=(HOME_B,), sub="n-1")
        listed = await feedback_http.get("/v1/surveys", headers=nurse)
        assert [s["id"] for s in listed.json()["items"]] == [survey["id"]]
        ok = await feedback_http.post(f"/v1/surveys/{survey['id']}/responses", json=answers(survey), headers=nurse)
        assert ok.status_code == 201


class TestResults:
    async def test_results_wait_for_the_close(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        assert_problem(await feedback_http.get(f"/v1/surveys/{survey['id']}/results", headers=admin(feedback_as)),
                       409)

    @pytest.mark.parametrize(("responses", "shown"), [(4, False), (5, True)])
    async def test_minimum_group_size_edge(self, feedback_http: httpx.AsyncClient, feedback_as: As,
                                           responses: int, shown: bool) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        await many(feedback_http, feedback_as, survey, HOME_A, [10] * responses, comment="Better rotas")
        await close_survey(feedback_http, admin(feedback_as), survey)
        body = (await feedback_http.get(f"/v1/surveys/{survey['id']}/results", headers=admin(feedback_as))).json()
        total, home = body["groups"]
        assert total["suppressed"] is (not shown)
        assert home["suppressed"] is (not shown)
        recommend = home["questions"][0]
        free_text = home["questions"][3]
        if shown:
            assert (home["respondents"], recommend["enps"]) == (5, 100.0)
            assert free_text["comments"] == ["Better rotas"] * 5
        else:
            assert (home["respondents"], recommend["enps"], free_text["comments"]) == (None, None, None)

    async def test_differencing_attack_is_blocked(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        """Home A 6, home B 5, home C 2 (suppressed). Showing the total (13) and A and B would
        give away C's two answers by subtraction: B, the smaller shown home, is hidden too."""
        survey = await create_survey(feedback_http, admin(feedback_as))
        await many(feedback_http, feedback_as, survey, HOME_A, [9, 9, 9, 9, 9, 9])
        await many(feedback_http, feedback_as, survey, HOME_B, [7, 7, 7, 7, 7])
        await many(feedback_http, feedback_as, survey, HOME_C, [0, 0])
        await close_survey(feedback_http, admin(feedback_as), survey)
        body = (await feedback_http.get(f"/v1/surveys/{survey['id']}/results", headers=admin(feedback_as))).json()
        groups = {g["home_id"]: g for g in body["groups"]}
        assert groups[None]["respondents"] == 13
        assert (groups[HOME_A]["suppressed"], groups[HOME_A]["respondents"]) == (False, 6)
        assert (groups[HOME_B]["suppressed"], groups[HOME_B]["reason"]) == (True, "differencing")
        assert (groups[HOME_C]["suppressed"], groups[HOME_C]["reason"]) == (True, "below_minimum")
        shown = sum(g["respondents"] or 0 for h, g in groups.items() if h is not None)
        assert groups[None]["respondents"] - shown >= 5  # the remainder covers at least 5 people
        # eNPS over all 13: 6 promoters, 5 passives, 2 detractors -> (6 - 2) / 13 = 30.8
        assert groups[None]["questions"][0]["enps"] == 30.8

    async def test_home_managers_see_only_their_homes_groups(self, feedback_http: httpx.AsyncClient,
                                                             feedback_as: As) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        await many(feedback_http, feedback_as, survey, HOME_A, [9] * 5)
        await many(feedback_http, feedback_as, survey, HOME_B, [9] * 5)
        await close_survey(feedback_http, admin(feedback_as), survey)
        body = (await feedback_http.get(f"/v1/surveys/{survey['id']}/results",
                                        headers=feedback_as("home_manager"))).json()
        assert [g["home_id"] for g in body["groups"]] == [None, HOME_A]

    async def test_response_rates_use_the_workforce_headcount(self, feedback_http: httpx.AsyncClient,
                                                               feedback_as: As) -> None:
        month = datetime.now(UTC).date().replace(day=1).isoformat()
        created = await feedback_http.post("/v1/workforce/returns", json=return_body(HOME_A, month),
                                           headers=admin(feedback_as))
        assert created.status_code == 201, created.text
        survey = await create_survey(feedback_http, admin(feedback_as), roles=["care_worker"])
        await many(feedback_http, feedback_as, survey, HOME_A, [8] * 6)
        rates = (await feedback_http.get(f"/v1/surveys/{survey['id']}/response-rates",
                                         headers=admin(feedback_as))).json()
        assert rates["homes"] == [{"home_id": HOME_A, "responses": 6, "eligible": 30, "rate": 20.0}]

    async def test_score_series_by_survey(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        survey = await create_survey(feedback_http, admin(feedback_as))
        await many(feedback_http, feedback_as, survey, HOME_A, [10, 10, 9, 5, 0], likert=4)
        await close_survey(feedback_http, admin(feedback_as), survey)
        series = (await feedback_http.get("/v1/surveys/scores", params={"home_id": HOME_A},
                                          headers=feedback_as("integrator"))).json()
        assert [(p["respondents"], p["enps"], p["likert_mean"]) for p in series["points"]] == [(5, 20.0, 4.0)]
