"""The demo data set: seeded once, in one transaction, and never twice."""

import httpx
import pytest
from fastapi import FastAPI
from gateway_support import gateway_bearer, gateway_sign_in
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_gateway.db import account, demo_seed
from carehub_gateway.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from carehub_gateway.seed import PARTS, SeedPart, seed_demo, seed_demo_once
from carehub_kit.auth import Role
from carehub_kit.db import make_sessionmaker


async def _homes(client: httpx.AsyncClient, headers: dict[str, str] | None = None) -> list[dict[str, object]]:
    response = await client.get("/api/assets/v1/homes", params={"limit": 200}, headers=headers)
    assert response.status_code == 200
    items: list[dict[str, object]] = response.json()["items"]
    return items


async def _feedback_items(client: httpx.AsyncClient) -> list[dict[str, object]]:
    response = await client.get("/api/feedback/v1/feedback-items", params={"limit": 200})
    assert response.status_code == 200
    items: list[dict[str, object]] = response.json()["items"]
    return items


async def test_seeding_twice_adds_nothing(gateway_client: httpx.AsyncClient, gateway_app: FastAPI,
                                          gateway_database_url: str) -> None:
    gateway_client.headers.update(await gateway_bearer(gateway_app, "admin"))
    every_part = [name for name, _ in PARTS]
    first = await seed_demo_once(gateway_database_url)
    assert first.added == every_part
    homes = await _homes(gateway_client)
    feedback = await _feedback_items(gateway_client)
    assert feedback
    assert len(homes) == len(first.details["home_ids"]) > 0
    assert sorted(str(h["id"]) for h in homes) == sorted(first.details["home_ids"])

    second = await seed_demo_once(gateway_database_url)
    assert second.added == []
    assert second.present == every_part
    assert second.details == first.details  # later parts still get the home ids
    assert len(await _homes(gateway_client)) == len(homes)
    assert len(await _feedback_items(gateway_client)) == len(feedback)

    # (The demo accounts are checked here too: seeding the demo data set takes a few seconds.)
    gateway_client.headers.pop("Authorization")
    await _check_demo_accounts(gateway_client, first.details["home_ids"])


async def test_a_failed_seed_leaves_nothing_behind(gateway_client: httpx.AsyncClient, gateway_app: FastAPI) -> None:
    gateway_client.headers.update(await gateway_bearer(gateway_app, "admin"))

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
        assert await session.scalar(select(func.count()).select_from(account)) == 0


async def _check_demo_accounts(gateway_client: httpx.AsyncClient, home_ids: list[str]) -> None:
    """One demo account per role a person has, each signing in with the demo password and seeing
    through the session the demo homes its role gives it."""
    people = {demo.role for demo in DEMO_ACCOUNTS}
    assert people == set(Role) - {Role.integrator}  # an integrator is a client, not a person
    expected_homes = {"care.worker": home_ids[:1], "senior.carer": home_ids[:1], "nurse": home_ids[:1],
                      "home.manager": home_ids[:2]}
    for demo in DEMO_ACCOUNTS:
        me = await gateway_sign_in(gateway_client, demo.username, DEMO_PASSWORD)
        assert me["roles"] == [demo.role.value]
        assert me["homes"] == sorted(expected_homes.get(demo.username, []))
        seen = {str(h["id"]) for h in await _homes(gateway_client)}  # through the session
        assert seen == set(expected_homes.get(demo.username, home_ids)), demo.username
