"""The demo seed builds whole records through the services, with valid NHS test numbers."""

import uuid
from typing import Any

from fastapi import FastAPI
from sqlalchemy import text

from carehub_kit.identity import Actor
from careplan_api import nhs_number
from careplan_api.seed import PER_HOME, demo_nhs_numbers, seed_demo

CareplanApi = Any  # the `careplan` fixture (conftest.CareplanApi): builds records over HTTP


def test_demo_numbers_are_valid_test_range_numbers() -> None:
    numbers = demo_nhs_numbers()
    first = [next(numbers) for _ in range(30)]
    assert len(set(first)) == 30
    assert all(n.startswith("999") and nhs_number.problem(n) is None for n in first)


async def test_seed_builds_residents_plans_notes_and_reviews(careplan: CareplanApi, careplan_app: FastAPI) -> None:
    homes = [uuid.uuid4(), uuid.uuid4()]
    async with careplan_app.state.sessionmaker() as session, session.begin():
        await seed_demo(session, Actor(sub="system:seed", name="Demo seed"), homes)
    assert await careplan.count(careplan_app, "resident") == 2 * PER_HOME
    assert await careplan.count(careplan_app, "care_plan_version", "status = 'current'") == 2 * PER_HOME
    assert await careplan.count(careplan_app, "daily_note") == 2 * PER_HOME * 7
    assert await careplan.count(careplan_app, "section_review") == 2 * PER_HOME
    assert await careplan.count(careplan_app, "risk_assessment") == 2 * PER_HOME * 2
    assert await careplan.count(careplan_app, "consent") == 2 * PER_HOME
    assert await careplan.count(careplan_app, "dols_record") == 2
    async with careplan_app.state.engine.connect() as conn:
        actors = (await conn.execute(text("SELECT DISTINCT actor_sub FROM careplan.audit_event"))).scalars().all()
    assert actors == ["system:seed"]
    headers = careplan.issuer.headers("home_manager", homes=(str(homes[0]),))
    due = await careplan.http.get("/v1/reviews/due", params={"home_id": str(homes[0]), "within_days": 7},
                                  headers=headers)
    assert due.status_code == 200
    assert {d["domain"] for d in due.json()["items"]} == {"nutrition_and_hydration"}  # weekly sections
    expiring = await careplan.http.get("/v1/dols/expiring", params={"home_id": str(homes[0])}, headers=headers)
    assert [d["days_left"] for d in expiring.json()["items"]] == [20]
