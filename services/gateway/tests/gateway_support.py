"""Helpers for the gateway's tests: accounts, sign-in, tokens the gateway signs, raw SQL."""

from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import text

from carehub_gateway import accounts
from carehub_gateway.context import AuthContext
from carehub_gateway.minting import mint
from carehub_kit.identity import Actor

GATEWAY_TEST_PASSWORD = "correct horse battery staple"
OIDC_CLIENT_ID = "carehub-gateway"  # the gateway's client id at the test's OpenID provider


def gateway_auth(app: FastAPI) -> AuthContext:
    """The running gateway's sign-in context (its lifespan must have started)."""
    context: AuthContext = app.state.auth
    return context


async def add_gateway_account(app: FastAPI, username: str, *roles: str, homes: tuple[str, ...] = (),
                              password: str = GATEWAY_TEST_PASSWORD) -> accounts.Account:
    ctx = gateway_auth(app)
    async with ctx.sessionmaker() as db, db.begin():
        return await accounts.create(db, ctx.passwords, Actor(sub="test", name="Test"), username=username,
                                     name=f"{username.title()} Person", password=password, roles=roles,
                                     homes=homes)


async def gateway_sign_in(client: httpx.AsyncClient, username: str,
                          password: str = GATEWAY_TEST_PASSWORD) -> dict[str, Any]:
    response = await client.post("/auth/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    me: dict[str, Any] = response.json()
    return me


async def gateway_bearer(app: FastAPI, *roles: str, homes: tuple[str, ...] = (),
                         sub: str = "test-caller") -> dict[str, str]:
    """Headers with a token the running gateway itself signed."""
    ctx = gateway_auth(app)
    token = await mint(ctx.keyring, ctx.settings, sub=sub, name="Test Caller", roles=roles, homes=homes,
                       lifetime_s=300)
    return {"Authorization": f"Bearer {token}"}


async def gateway_execute(app: FastAPI, sql: str, **params: Any) -> Any:
    """Run SQL on the gateway's database (to move a session's clock, say); returns the rows."""
    async with gateway_auth(app).sessionmaker() as db, db.begin():
        result = await db.execute(text(sql), params)
        return result.all() if sql.lstrip().upper().startswith("SELECT") else None
