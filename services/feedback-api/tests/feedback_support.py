"""Helpers for the feedback-api tests (imported by module name: unique across the repo)."""

import uuid
from datetime import date
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import text

from carehub_kit.testing import TokenIssuer
from feedback_api.common import add_months

PROBLEM = "application/problem+json"
HOME_A = str(uuid.UUID("aaaaaaaa-0000-4000-8000-000000000001"))
HOME_B = str(uuid.UUID("bbbbbbbb-0000-4000-8000-000000000002"))
STAFFING = str(uuid.uuid5(uuid.NAMESPACE_URL, "carehub:theme:staffing"))
TRAINING = str(uuid.uuid5(uuid.NAMESPACE_URL, "carehub:theme:training"))


class As:
    """Headers for a person: `feedback_as("home_manager", homes=(HOME_A,), sub="hm-1")`."""

    def __init__(self, issuer: TokenIssuer) -> None:
        self.issuer = issuer

    def __call__(self, *roles: str, homes: tuple[str, ...] = (HOME_A,), sub: str = "user-1",
                 name: str = "Test User") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.issuer.token(*roles, homes=homes, sub=sub, name=name)}"}


def item_body(home_id: str | None, theme_id: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"home_id": home_id, "theme_id": theme_id, "kind": "not_working",
                            "importance": "high", "summary": "Night shift is short of two carers most weeks"}
    body.update(overrides)
    return body


def assert_problem(response: httpx.Response, status: int, loc: list[str | int] | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    if loc is not None:
        assert loc in [e["loc"] for e in body["errors"]], body
    return body


async def count(app: FastAPI, table: str, where: str = "true") -> int:
    async with app.state.engine.connect() as conn:
        return int((await conn.execute(text(f"SELECT count(*) FROM feedback.{table} WHERE {where}"))).scalar_one())


async def sql(app: FastAPI, statement: str, **params: Any) -> list[Any]:
    async with app.state.engine.begin() as conn:
        result = await conn.execute(text(statement), params)
        return list(result.all()) if result.returns_rows else []


ADMIN_SUB = "admin-1"


def admin(feedback_as: As) -> dict[str, str]:
    return feedback_as("admin", homes=(), sub=ADMIN_SUB, name="Ada Admin")


def survey_body(**overrides: Any) -> dict[str, Any]:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    body: dict[str, Any] = {
        "title": "Spring pulse", "opens_at": (now - timedelta(hours=1)).isoformat(),
        "closes_at": (now + timedelta(days=7)).isoformat(),
        "questions": [
            {"kind": "recommend", "text": "How likely are you to recommend this home as a place to work?"},
            {"kind": "likert", "text": "I get the support I need from my manager."},
            {"kind": "single_choice", "text": "Which shift do you mostly work?", "options": ["Days", "Nights"]},
            {"kind": "free_text", "text": "What one thing would make your job better?", "required": False},
        ],
    }
    body.update(overrides)
    return body


async def create_survey(http: httpx.AsyncClient, headers: dict[str, str], **overrides: Any) -> dict[str, Any]:
    response = await http.post("/v1/surveys", json=survey_body(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def answers(survey: dict[str, Any], recommend: int = 9, likert: int = 4, choice: str = "Days",
            comment: str | None = None) -> dict[str, Any]:
    q = {x["kind"]: x["id"] for x in survey["questions"]}
    body = [{"question_id": q["recommend"], "score": recommend}, {"question_id": q["likert"], "score": likert},
            {"question_id": q["single_choice"], "choice": choice}]
    if comment is not None:
        body.append({"question_id": q["free_text"], "comment": comment})
    return {"answers": body}


async def close_survey(http: httpx.AsyncClient, headers: dict[str, str], survey: dict[str, Any]) -> None:
    current = await http.get(f"/v1/surveys/{survey['id']}", headers=headers)
    response = await http.post(f"/v1/surveys/{survey['id']}/close", headers={**headers,
                                                                               "If-Match": current.headers["etag"]})
    assert response.status_code == 200, response.text


def return_body(home_id: str, month: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "home_id": home_id, "month": month,
        "roles": [{"role": "care_worker", "headcount": 30, "fte": "24.5", "vacancies": "3"},
                  {"role": "nurse", "headcount": 6, "fte": "5.0", "vacancies": "1"},
                  {"role": "ancillary", "headcount": 4, "fte": "3.0", "vacancies": "0"}],
        "starters": 1, "leavers_voluntary": 1, "leavers_involuntary": 0, "first_year_leavers": 0,
        "sickness_days": "20.0", "staff_hours": "5000.0", "agency_hours": "250.0", "agency_spend": "6250.00",
        "level2_qualified": 25,
    }
    body.update(overrides)
    return body


async def year_of_returns(http: httpx.AsyncClient, headers: dict[str, str], home: str = HOME_A) -> None:
    """Twelve months, 2025-06 to 2026-05: headcount 38/40/42 (average 40), 10 leavers, two of
    them in their first year; 3 vacancies at the end."""
    heads = [38] * 4 + [40] * 4 + [42] * 4
    leavers = [1, 0, 2, 0, 1, 1, 0, 2, 1, 0, 1, 1]
    for i, (head, left) in enumerate(zip(heads, leavers, strict=True)):
        month = add_months(date(2025, 6, 1), i).isoformat()
        body = return_body(home, month, leavers_voluntary=left, first_year_leavers=1 if i in (2, 7) else 0,
                           roles=[{"role": "care_worker", "headcount": head, "fte": "30", "vacancies": "3"}],
                           level2_qualified=30)
        response = await http.post("/v1/workforce/returns", headers=headers, json=body)
        assert response.status_code == 201, response.text
