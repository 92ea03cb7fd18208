"""The homes permission matrix, cell by cell (generated from the table in code), and home
scoping: people outside the org-wide roles see only their own homes; another home is a 404."""

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from assets_api.permissions import MATRIX, Action
from carehub_kit.auth import ORG_WIDE, Role
from carehub_kit.testing import TokenIssuer

HOME = {"name": "Naughton Fields", "address_line1": "Naughton Road", "town": "Widnes",
        "postcode": "WA8 3BW", "registered_beds": 44}

Call = Callable[[httpx.AsyncClient, str, dict[str, str]], Awaitable[httpx.Response]]


async def _read(client: httpx.AsyncClient, home_id: str, headers: dict[str, str]) -> httpx.Response:
    return await client.get(f"/v1/homes/{home_id}", headers=headers)


async def _create(client: httpx.AsyncClient, _home_id: str, headers: dict[str, str]) -> httpx.Response:
    return await client.post("/v1/homes", json={**HOME, "name": "New home"}, headers=headers)


async def _update(client: httpx.AsyncClient, home_id: str, headers: dict[str, str]) -> httpx.Response:
    return await client.patch(f"/v1/homes/{home_id}", json={"registered_beds": 45},
                              headers={**headers, "If-Match": '"1"'})


async def _archive(client: httpx.AsyncClient, home_id: str, headers: dict[str, str]) -> httpx.Response:
    return await client.delete(f"/v1/homes/{home_id}", headers={**headers, "If-Match": '"1"'})


CALLS: dict[Action, tuple[Call, int]] = {
    Action.home_read: (_read, 200),
    Action.home_create: (_create, 201),
    Action.home_update: (_update, 200),
    Action.home_archive: (_archive, 200),
}
HOME_ACTIONS = [a for a in Action if a.name.startswith("home_")]
CELLS = [(role, action, MATRIX.allows((role,), action)) for role in Role for action in HOME_ACTIONS]


def test_every_home_action_has_a_call_under_test() -> None:
    assert set(CALLS) == set(HOME_ACTIONS)


@pytest.fixture
async def own_home(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.post("/v1/homes", json=HOME)
    assert response.status_code == 201
    return response.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize(("role", "action", "allowed"), CELLS,
                         ids=[f"{r}-{a}-{'allow' if ok else 'deny'}" for r, a, ok in CELLS])
async def test_matrix_cell(
    anonymous: httpx.AsyncClient, token_issuer: TokenIssuer, own_home: dict[str, Any],
    role: Role, action: Action, allowed: bool,
) -> None:
    """Each role acting on a home it works in: allowed cells succeed, the rest are 403."""
    headers = token_issuer.headers(role, homes=(own_home["id"],))
    call, success = CALLS[action]
    response = await call(anonymous, own_home["id"], headers)
    assert response.status_code == (success if allowed else 403), response.text


class TestHomeScoping:
    async def _two_homes(self, client: httpx.AsyncClient) -> tuple[str, str]:
        first = (await client.post("/v1/homes", json=HOME)).json()["id"]
        second = (await client.post("/v1/homes", json={**HOME, "name": "Millbrow"})).json()["id"]
        return first, second

    @pytest.mark.parametrize("role", sorted(set(Role) - ORG_WIDE))
    async def test_home_scoped_roles_see_only_their_homes(
        self, client: httpx.AsyncClient, anonymous: httpx.AsyncClient, token_issuer: TokenIssuer, role: Role,
    ) -> None:
        mine, theirs = await self._two_homes(client)
        headers = token_issuer.headers(role, homes=(mine,))
        listed = (await anonymous.get("/v1/homes", headers=headers)).json()["items"]
        assert [h["id"] for h in listed] == [mine]
        other = await anonymous.get(f"/v1/homes/{theirs}", headers=headers)
        assert other.status_code == 404
        missing = await anonymous.get(f"/v1/homes/{uuid.uuid4()}", headers=headers)
        assert other.json()["detail"] == missing.json()["detail"]  # no existence leak

    @pytest.mark.parametrize("role", sorted(ORG_WIDE))
    async def test_org_wide_roles_see_every_home(
        self, client: httpx.AsyncClient, anonymous: httpx.AsyncClient, token_issuer: TokenIssuer, role: Role,
    ) -> None:
        both = set(await self._two_homes(client))
        listed = (await anonymous.get("/v1/homes", headers=token_issuer.headers(role))).json()["items"]
        assert {h["id"] for h in listed} == both

    async def test_no_homes_claim_sees_nothing(
        self, client: httpx.AsyncClient, anonymous: httpx.AsyncClient, token_issuer: TokenIssuer,
    ) -> None:
        await self._two_homes(client)
        listed = (await anonymous.get("/v1/homes", headers=token_issuer.headers("care_worker"))).json()
        assert listed["items"] == []

    async def test_no_token_is_401(self, anonymous: httpx.AsyncClient) -> None:
        response = await anonymous.get("/v1/homes")
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"

    async def test_audit_records_the_real_actor(
        self, client: httpx.AsyncClient, assets_app: Any,
    ) -> None:
        await client.post("/v1/homes", json=HOME)
        async with assets_app.state.engine.connect() as conn:
            row = (await conn.execute(text("SELECT actor_sub, actor_name, actor_roles FROM assets.audit_event"))).one()
        assert tuple(row) == ("estates-1", "Test User", ["estates_officer"])
