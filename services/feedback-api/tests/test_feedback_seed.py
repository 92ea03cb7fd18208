"""The demo seed: runs on an empty schema and leaves something worth looking at."""

import uuid

import httpx
from fastapi import FastAPI
from feedback_support import HOME_A, HOME_B, As, admin, count

from carehub_kit.identity import Actor
from feedback_api.seed import seed_demo


async def test_seed_fills_every_part(feedback_http: httpx.AsyncClient, feedback_as: As,
                                     feedback_app: FastAPI) -> None:
    homes = [uuid.UUID(HOME_A), uuid.UUID(HOME_B)]
    async with feedback_app.state.sessionmaker() as session, session.begin():
        await seed_demo(session, Actor(sub="system:seed", name="Demo seed"), homes)
    assert await count(feedback_app, "feedback_item") == 10
    assert await count(feedback_app, "workforce_return") == 36
    board = (await feedback_http.get("/v1/board", headers=feedback_as("care_worker"))).json()
    assert board["actions"]
    report = await feedback_http.get("/v1/reports/recommendations", headers=admin(feedback_as))
    assert report.status_code == 200
    assert report.json()["workforce"]["turnover_rate"] is not None
    surveys = (await feedback_http.get("/v1/surveys", params={"status": "closed"}, headers=admin(feedback_as))).json()
    results = await feedback_http.get(f"/v1/surveys/{surveys['items'][0]['id']}/results", headers=admin(feedback_as))
    assert results.json()["groups"][0]["respondents"] == 12
    page = await feedback_http.get("/v1/reports/recommendations.html", headers=admin(feedback_as))
    assert page.status_code == 200
    assert "Turnover (12 months)" in page.text
    assert "Autumn pulse" in page.text
