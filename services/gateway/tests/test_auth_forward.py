"""`/auth/forward`, which nginx asks (`auth_request`) before it routes an `/api/` call straight to
a service: the same rule as the in-process forwarding (`session_bearer`), answered in headers, by
the gateway alone (`carehub serve`)."""

import httpx
import jwt
from fastapi import FastAPI
from gateway_support import add_gateway_account, gateway_auth, gateway_sign_in


async def _forward(client: httpx.AsyncClient, method: str = "GET", **headers: str) -> httpx.Response:
    return await client.get("/auth/forward", headers={"X-Original-Method": method,
                                                     "X-Original-URI": "/api/assets/v1/homes", **headers})


async def test_a_live_session_gets_a_bearer_token_in_the_answer(
    edge_gateway_client: httpx.AsyncClient, edge_gateway_app: FastAPI,
) -> None:
    account = await add_gateway_account(edge_gateway_app, "carer", "care_worker")
    await gateway_sign_in(edge_gateway_client, "carer")

    answer = await _forward(edge_gateway_client)
    assert answer.status_code == 200
    assert answer.content == b""
    assert answer.headers["cache-control"] == "no-store"
    token = answer.headers["authorization"].removeprefix("Bearer ")
    key = await gateway_auth(edge_gateway_app).keyring.key(jwt.get_unverified_header(token)["kid"])
    assert key is not None
    claims = jwt.decode(token, key, algorithms=["ES256"], audience="carehub", issuer="carehub")
    assert claims["sub"] == str(account.id)
    assert claims["roles"] == ["care_worker"]
    # Reused while it has time left (the per-session cache the in-process forwarding uses too).
    assert (await _forward(edge_gateway_client)).headers["authorization"] == answer.headers["authorization"]


async def test_a_change_needs_the_sessions_csrf_token(
    edge_gateway_client: httpx.AsyncClient, edge_gateway_app: FastAPI,
) -> None:
    await add_gateway_account(edge_gateway_app, "estates", "estates_officer")
    me = await gateway_sign_in(edge_gateway_client, "estates")
    for method in ("POST", "PUT", "PATCH", "DELETE", "post"):
        refused = await _forward(edge_gateway_client, method)
        assert refused.status_code == 403
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["detail"] == "This change needs the X-CSRF-Token header from /auth/me."
        assert "authorization" not in refused.headers
        assert (await _forward(edge_gateway_client, method, **{"X-CSRF-Token": "nope"})).status_code == 403
        allowed = await _forward(edge_gateway_client, method, **{"X-CSRF-Token": me["csrf_token"]})
        assert allowed.status_code == 200
        assert allowed.headers["authorization"].startswith("Bearer ")
    # A read needs no CSRF token; a method nginx did not name counts as a read.
    assert (await edge_gateway_client.get("/auth/forward")).headers["authorization"].startswith("Bearer ")


async def test_no_token_for_no_session_an_ended_one_or_a_callers_own(
    edge_gateway_client: httpx.AsyncClient, edge_gateway_app: FastAPI,
) -> None:
    none = await _forward(edge_gateway_client)
    assert none.status_code == 200
    assert "authorization" not in none.headers  # the service answers 401
    assert "authorization" not in (await _forward(edge_gateway_client, Cookie="carehub_session=made-up")).headers

    await add_gateway_account(edge_gateway_app, "carer", "care_worker")
    me = await gateway_sign_in(edge_gateway_client, "carer")
    own = await _forward(edge_gateway_client, "POST", Authorization="Bearer integrator.token.here")
    assert own.status_code == 200  # no CSRF check: nginx passes the caller's own header on
    assert "authorization" not in own.headers

    await edge_gateway_client.post("/auth/logout", headers={"X-CSRF-Token": me["csrf_token"]})
    assert "authorization" not in (await _forward(edge_gateway_client)).headers


async def test_the_gateway_alone_mounts_no_service_and_checks_only_its_schema(
    edge_gateway_client: httpx.AsyncClient,
) -> None:
    ready = await edge_gateway_client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "checks": {"gateway": "ready"}}
    assert (await edge_gateway_client.get("/api/assets/v1/homes")).status_code == 404
    assert (await edge_gateway_client.get("/auth/jwks.json")).status_code == 200
    assert (await edge_gateway_client.get("/.well-known/openid-configuration")).status_code == 200
    assert (await edge_gateway_client.get("/auth/config")).status_code == 200


async def test_with_the_services_mounted_there_is_no_forward_endpoint(gateway_client: httpx.AsyncClient) -> None:
    """Under `carehub run` the token is attached in-process: no endpoint hands one out."""
    assert (await gateway_client.get("/auth/forward")).status_code == 404
