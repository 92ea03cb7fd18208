"""`/api/*` through the gateway: a session becomes a bearer token for the services, changes need
the CSRF token, an integrator's own bearer token passes untouched, and cookies stay behind."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import jwt
import pytest
from fastapi import FastAPI
from gateway_support import add_gateway_account, gateway_auth, gateway_bearer, gateway_sign_in
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send

from carehub_gateway.context import utcnow
from carehub_gateway.forwarding import SessionForwarding
from carehub_gateway.minting import RENEW_BEFORE_S, SESSION_TOKEN_LIFETIME_S, SessionTokens
from carehub_gateway.sessions import COOKIE, load_session

NEW_HOME = {"name": "Forwarded Home", "address_line1": "2 Low Street", "town": "Runcorn", "postcode": "WA7 1AA",
            "registered_beds": 12}


async def _make_homes(client: httpx.AsyncClient, app: FastAPI, count: int) -> list[str]:
    headers = await gateway_bearer(app, "estates_officer")
    ids = []
    for n in range(count):
        made = await client.post("/api/assets/v1/homes", json={**NEW_HOME, "name": f"Home {n}"}, headers=headers)
        assert made.status_code == 201, made.text
        ids.append(made.json()["id"])
    return ids


async def _home_ids(client: httpx.AsyncClient, **kwargs: Any) -> set[str]:
    response = await client.get("/api/assets/v1/homes", **kwargs)
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


async def test_a_session_sees_only_its_own_homes(gateway_client: httpx.AsyncClient, gateway_app: FastAPI) -> None:
    first, second, third = await _make_homes(gateway_client, gateway_app, 3)
    await add_gateway_account(gateway_app, "carer", "care_worker", homes=(first,))
    await add_gateway_account(gateway_app, "manager", "home_manager", homes=(first, second))
    await add_gateway_account(gateway_app, "estates", "estates_officer")

    assert (await gateway_client.get("/api/assets/v1/homes")).status_code == 401  # not signed in
    await gateway_sign_in(gateway_client, "carer")
    assert await _home_ids(gateway_client) == {first}
    assert (await gateway_client.get(f"/api/assets/v1/homes/{third}")).status_code == 404  # not 403
    await gateway_sign_in(gateway_client, "manager")
    assert await _home_ids(gateway_client) == {first, second}
    await gateway_sign_in(gateway_client, "estates")
    assert await _home_ids(gateway_client) == {first, second, third}


async def test_changes_through_a_session_need_the_csrf_token(
    gateway_client: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    await add_gateway_account(gateway_app, "estates", "estates_officer")
    me = await gateway_sign_in(gateway_client, "estates")

    missing = await gateway_client.post("/api/assets/v1/homes", json=NEW_HOME)
    assert missing.status_code == 403
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["detail"] == "This change needs the X-CSRF-Token header from /auth/me."
    assert missing.headers["x-request-id"]
    wrong = await gateway_client.post("/api/assets/v1/homes", json=NEW_HOME, headers={"X-CSRF-Token": "nope"})
    assert wrong.status_code == 403
    assert await _home_ids(gateway_client) == set()  # neither reached the service

    right = await gateway_client.post("/api/assets/v1/homes", json=NEW_HOME, headers={"X-CSRF-Token": me["csrf_token"]})
    assert right.status_code == 201, right.text
    home = right.json()
    patched = await gateway_client.patch(f"/api/assets/v1/homes/{home['id']}", json={"registered_beds": 13},
                                         headers={"If-Match": right.headers["etag"]})
    assert patched.status_code == 403  # PATCH too
    # The token from /auth/me is the same one.
    assert (await gateway_client.get("/auth/me")).json()["csrf_token"] == me["csrf_token"]


async def test_a_bearer_token_wins_over_a_cookie_and_needs_no_csrf(
    gateway_client: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    await add_gateway_account(gateway_app, "estates", "estates_officer")
    await gateway_sign_in(gateway_client, "estates")  # the cookie jar now holds a session
    integrator = await gateway_bearer(gateway_app, "integrator", sub="client:abc")
    # The integrator may not create homes: the service judged the bearer, not the session.
    assert (await gateway_client.post("/api/assets/v1/homes", json=NEW_HOME, headers=integrator)).status_code == 403
    estates = await gateway_bearer(gateway_app, "estates_officer")
    assert (await gateway_client.post("/api/assets/v1/homes", json=NEW_HOME, headers=estates)).status_code == 201


# What exactly reaches a service: an echo app behind the same middleware -----------------------

async def _echo(scope: Scope, receive: Receive, send: Send) -> None:
    await JSONResponse({k.decode(): v.decode() for k, v in scope["headers"]})(scope, receive, send)


@pytest.fixture
async def echo(gateway_client: httpx.AsyncClient, gateway_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose /api/* calls reach an app that answers with the headers it was given."""
    transport = httpx.ASGITransport(app=SessionForwarding(_echo, gateway_app.state))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def test_a_session_becomes_a_short_lived_bearer_token_and_the_cookie_stays_behind(
    gateway_client: httpx.AsyncClient, gateway_app: FastAPI, echo: httpx.AsyncClient,
) -> None:
    home = "1b0e4d1e-0000-4000-8000-000000000001"
    account = await add_gateway_account(gateway_app, "carer", "care_worker", homes=(home,))
    me = await gateway_sign_in(gateway_client, "carer")
    cookie = {"Cookie": f"{COOKIE}={gateway_client.cookies[COOKIE]}; other=1"}

    seen = (await echo.get("/api/assets/v1/homes", headers=cookie)).json()
    assert "cookie" not in seen
    token = seen["authorization"].removeprefix("Bearer ")
    ctx = gateway_auth(gateway_app)
    key = await ctx.keyring.key(jwt.get_unverified_header(token)["kid"])
    assert key is not None
    claims = jwt.decode(token, key, algorithms=["ES256"], audience="carehub", issuer="carehub")
    assert claims["sub"] == str(account.id)
    assert claims["name"] == "Carer Person"
    assert claims["roles"] == ["care_worker"]
    assert claims["homes"] == me["homes"]
    assert claims["exp"] - claims["iat"] == SESSION_TOKEN_LIFETIME_S
    # Reused while it has time left, rather than minted per call.
    assert (await echo.get("/api/careplan/v1/x", headers=cookie)).json()["authorization"] == seen["authorization"]

    await gateway_client.post("/auth/logout", headers={"X-CSRF-Token": me["csrf_token"]})
    after = (await echo.get("/api/assets/v1/homes", headers=cookie)).json()
    assert "authorization" not in after
    assert "cookie" not in after


async def test_an_integrators_authorization_passes_unchanged(echo: httpx.AsyncClient) -> None:
    for value in ("Bearer integrator.token.here", "Basic abc"):
        seen = (await echo.post("/api/assets/v1/homes", headers={"Authorization": value, "Cookie": "a=b"})).json()
        assert seen["authorization"] == value
        assert "cookie" not in seen


async def test_other_paths_are_left_alone(echo: httpx.AsyncClient) -> None:
    seen = (await echo.get("/auth/me", headers={"Cookie": "a=b"})).json()
    assert seen["cookie"] == "a=b"
    assert "authorization" not in seen


async def test_a_cached_token_is_renewed_shortly_before_it_expires(
    gateway_client: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    await add_gateway_account(gateway_app, "carer", "care_worker")
    await gateway_sign_in(gateway_client, "carer")
    ctx = gateway_auth(gateway_app)
    async with ctx.sessionmaker() as db:
        session = await load_session(db, gateway_client.cookies[COOKIE], ctx.lifetimes, utcnow())
    assert session is not None
    clock = [1_000_000.0]
    tokens = SessionTokens(ctx.keyring, ctx.settings, clock=lambda: clock[0])
    first = await tokens.token_for(session)
    clock[0] += SESSION_TOKEN_LIFETIME_S - RENEW_BEFORE_S - 1
    assert await tokens.token_for(session) == first
    clock[0] += 2
    renewed = await tokens.token_for(session)
    assert renewed != first
    tokens.forget(session.key)
    assert await tokens.token_for(session) != renewed
