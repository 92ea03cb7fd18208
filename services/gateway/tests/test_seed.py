"""The demo data set: seeded once, in one transaction, and never twice."""

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_gateway.db import demo_seed
from carehub_gateway.seed import PARTS, SeedPart, seed_demo, seed_demo_once
from carehub_kit.db import make_sessionmaker


async def _homes(client: httpx.AsyncClient) -> list[dict[str, object]]:
    response = await client.get("/api/assets/v1/homes", params={"limit": 200})
    assert response.status_code == 200
    items: list[dict[str, object]] = response.json()["items"]
    return items


async def test_seeding_twice_adds_nothing(gateway_client: httpx.AsyncClient, gateway_database_url: str) -> None:
    first = await seed_demo_once(gateway_database_url)
    assert first.added == ["assets"]
    homes = await _homes(gateway_client)
    assert len(homes) == len(first.details["home_ids"]) > 0
    assert sorted(str(h["id"]) for h in homes) == sorted(first.details["home_ids"])

    second = await seed_demo_once(gateway_database_url)
    assert second.added == []
    assert second.present == ["assets"]
    assert second.details == first.details  # later parts still get the home ids
    assert len(await _homes(gateway_client)) == len(homes)


async def test_a_failed_seed_leaves_nothing_behind(gateway_client: httpx.AsyncClient, gateway_app: FastAPI) -> None:
    async def broken(_session: AsyncSession, *_args: object) -> dict[str, object]:
        raise RuntimeError("seed part failed")

    parts: tuple[tuple[str, SeedPart], ...] = (*PARTS, ("broken", broken))
    maker = make_sessionmaker(gateway_app.state.engine)
    with pytest.raises(RuntimeError):
        async with maker() as session, session.begin():
            await seed_demo(session, parts)
    assert await _homes(gateway_client) == []
    async with maker() as session:
        assert await session.scalar(select(func.count()).select_from(demo_seed)) == 0
