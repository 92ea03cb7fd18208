"""The demo seed: homes for the other services, and an estate the compliance dashboard can show."""

from typing import Any

import httpx
from fastapi import FastAPI

from assets_api.seed import DEMO_HOMES, seed_demo
from carehub_kit.identity import Actor


async def test_seeds_homes_and_an_honest_estate(assets_app: FastAPI, client: httpx.AsyncClient, estate: Any) -> None:
    async with assets_app.state.sessionmaker() as session, session.begin():
        home_ids = await seed_demo(session, Actor(sub="system:seed", name="Demo seed"))
    assert len(home_ids) == len(DEMO_HOMES)
    assets = (await client.get("/v1/assets", params={"home_id": home_ids[0], "count": True, "limit": 1})).json()
    assert 30 <= assets["total"] <= 60
    summary = (await client.get("/v1/compliance/summary")).json()
    totals = summary["totals"]
    assert totals["required"] > 100
    assert 60 < totals["compliance_percent"] < 100  # mostly in date, not perfect
    assert totals["overdue"] > 0
    assert totals["due_soon"] > 0
    assert len(summary["by_home"]) == 4
    assert summary["open_recalls"] == 1
    assert 0 < summary["recall_assets_pending"] < 8  # two Maxi Moves a home, half checked
    assert await estate.count("audit_event", "actor_sub = 'system:seed'") > 100
