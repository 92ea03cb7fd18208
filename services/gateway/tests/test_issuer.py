"""The gateway as a token issuer: published keys, discovery, key rotation, and the
client-credentials grant for integrators."""

import asyncio
import base64
from urllib.parse import quote_plus

import httpx
import jwt
import pytest
from fastapi import FastAPI
from gateway_support import gateway_auth, gateway_execute

from carehub_gateway import clients, keys
from carehub_gateway.keyring import Keyring
from carehub_kit.identity import Actor

HOME = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


async def _add_client(app: FastAPI, *roles: str, homes: tuple[str, ...] = (HOME,)) -> clients.NewClient:
    ctx = gateway_auth(app)
    async with ctx.sessionmaker() as db, db.begin():
        return await clients.add(db, ctx.passwords, Actor(sub="test", name="Test"), name="Rota System",
                                 roles=roles or ("integrator",), homes=homes)


def _basic(client_id: str, secret: str) -> dict[str, str]:
    pair = f"{quote_plus(client_id)}:{quote_plus(secret)}".encode()
    return {"Authorization": "Basic " + base64.b64encode(pair).decode()}


async def _token(http: httpx.AsyncClient, made: clients.NewClient, **form: str) -> httpx.Response:
    body = {"grant_type": "client_credentials", "client_id": made.client.client_id,
            "client_secret": made.secret, **form}
    return await http.post("/auth/token", data=body)


async def test_jwks_publishes_only_public_ec_keys(gateway_client: httpx.AsyncClient) -> None:
    response = await gateway_client.get("/auth/jwks.json")
    assert response.status_code == 200
    published = response.json()["keys"]
    assert len(published) == 1
    key = published[0]
    assert {key["kty"], key["crv"], key["alg"], key["use"]} == {"EC", "P-256", "ES256", "sig"}
    assert key["kid"]
    assert "d" not in key  # never the private part


async def test_discovery_document(gateway_client: httpx.AsyncClient) -> None:
    doc = (await gateway_client.get("/.well-known/openid-configuration")).json()
    assert doc["issuer"] == "carehub"
    assert doc["jwks_uri"] == "http://test/auth/jwks.json"
    assert doc["token_endpoint"] == "http://test/auth/token"
    assert doc["grant_types_supported"] == ["client_credentials"]
    assert doc["token_endpoint_auth_methods_supported"] == ["client_secret_basic", "client_secret_post"]
    assert doc["id_token_signing_alg_values_supported"] == ["ES256"]
    assert "response_types_supported" in doc
    assert doc["subject_types_supported"] == ["public"]


async def test_client_credentials_token_works_directly_at_a_service(
    gateway_client: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    made = await _add_client(gateway_app)
    response = await _token(gateway_client, made)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 900
    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert claims["sub"] == f"client:{made.client.client_id}"
    assert claims["name"] == "Rota System"
    assert claims["roles"] == ["integrator"]
    assert claims["homes"] == [HOME]
    assert claims["exp"] - claims["iat"] == 900
    assert (claims["iss"], claims["aud"]) == ("carehub", "carehub")

    bearer = {"Authorization": f"Bearer {body['access_token']}"}
    homes = await gateway_client.get("/api/assets/v1/homes", headers=bearer)
    assert homes.status_code == 200, homes.text

    basic = await gateway_client.post("/auth/token", data={"grant_type": "client_credentials"},
                                      headers=_basic(made.client.client_id, made.secret))
    assert basic.status_code == 200, basic.text
    audited = await gateway_execute(gateway_app, "SELECT count(*) AS n FROM gateway.audit_event "
                                    "WHERE action = 'token.issue' AND actor_sub = :s", s=claims["sub"])
    assert audited[0].n == 2


async def test_wrong_unknown_and_revoked_clients_are_invalid_client(
    gateway_client: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    made = await _add_client(gateway_app)
    wrong = await _token(gateway_client, made, client_secret="not-the-secret")
    assert wrong.status_code == 401
    assert wrong.json() == {"error": "invalid_client",
                            "error_description": "The client is unknown, revoked, or its secret is wrong."}
    unknown = await _token(gateway_client, made, client_id="no-such-client")
    assert unknown.status_code == 401
    assert unknown.json() == wrong.json()
    basic = await gateway_client.post("/auth/token", data={"grant_type": "client_credentials"},
                                      headers=_basic(made.client.client_id, "wrong"))
    assert basic.status_code == 401
    assert basic.headers["www-authenticate"].startswith("Basic")

    ctx = gateway_auth(gateway_app)
    async with ctx.sessionmaker() as db, db.begin():
        await clients.revoke(db, Actor(sub="test", name="Test"), made.client.client_id)
    revoked = await _token(gateway_client, made)
    assert revoked.status_code == 401
    assert revoked.json()["error"] == "invalid_client"


@pytest.mark.parametrize(("form", "headers", "error"), [
    ({"grant_type": "password"}, FORM, "unsupported_grant_type"),
    ({"grant_type": "authorization_code"}, FORM, "unsupported_grant_type"),
    ({}, FORM, "invalid_request"),
    (None, {"Content-Type": "application/json"}, "invalid_request"),
    ({"grant_type": "client_credentials", "x": "1&x=2"}, FORM, None),  # a value, not a repeat
])
async def test_malformed_token_requests(
    gateway_client: httpx.AsyncClient, gateway_app: FastAPI, form: dict[str, str] | None,
    headers: dict[str, str], error: str | None,
) -> None:
    made = await _add_client(gateway_app)
    if form is None:
        response = await gateway_client.post("/auth/token", json={"grant_type": "client_credentials"},
                                             headers=_basic(made.client.client_id, made.secret))
    else:
        response = await gateway_client.post("/auth/token", data=form, headers={
            **headers, **_basic(made.client.client_id, made.secret)})
    if error is None:
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert response.json()["error"] == error


async def test_repeated_parameters_and_two_ways_of_authenticating_are_refused(
    gateway_client: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    made = await _add_client(gateway_app)
    repeated = await gateway_client.post(
        "/auth/token", content=b"grant_type=client_credentials&grant_type=client_credentials",
        headers={**FORM, **_basic(made.client.client_id, made.secret)})
    assert repeated.json()["error"] == "invalid_request"
    both = await gateway_client.post("/auth/token", data={
        "grant_type": "client_credentials", "client_id": made.client.client_id, "client_secret": made.secret,
    }, headers=_basic(made.client.client_id, made.secret))
    assert both.status_code == 400
    assert both.json()["error"] == "invalid_request"
    none = await gateway_client.post("/auth/token", data={"grant_type": "client_credentials"})
    assert none.status_code == 401
    assert none.json()["error"] == "invalid_client"


async def test_the_client_secret_is_stored_only_as_a_hash(gateway_client: httpx.AsyncClient,
                                                          gateway_app: FastAPI) -> None:
    made = await _add_client(gateway_app)
    stored = (await gateway_execute(gateway_app, "SELECT secret_hash FROM gateway.api_client"))[0].secret_hash
    assert stored.startswith("$argon2id$")
    assert made.secret not in stored


async def test_rotation_new_key_signs_old_key_verifies_until_its_tokens_expire(
    gateway_client: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    made = await _add_client(gateway_app, "admin", homes=())
    old_token = (await _token(gateway_client, made)).json()["access_token"]
    old_kid = jwt.get_unverified_header(old_token)["kid"]

    ctx = gateway_auth(gateway_app)
    async with ctx.sessionmaker() as db, db.begin():
        retired, new_kid = await keys.rotate(db)
    assert retired == old_kid
    await ctx.keyring.reload()  # a running gateway does this within a minute by itself

    new_token = (await _token(gateway_client, made)).json()["access_token"]
    assert jwt.get_unverified_header(new_token)["kid"] == new_kid
    published = {k["kid"] for k in (await gateway_client.get("/auth/jwks.json")).json()["keys"]}
    assert published == {old_kid, new_kid}
    for token in (old_token, new_token):
        homes = await gateway_client.get("/api/assets/v1/homes", headers={"Authorization": f"Bearer {token}"})
        assert homes.status_code == 200, homes.text

    # Once every token the old key signed has expired, it is neither published nor trusted.
    await gateway_execute(gateway_app, "UPDATE gateway.signing_key SET retired_at = now() - interval '16 minutes' "
                          "WHERE kid = :kid", kid=old_kid)
    await ctx.keyring.reload()
    published = {k["kid"] for k in (await gateway_client.get("/auth/jwks.json")).json()["keys"]}
    assert published == {new_kid}
    refused = await gateway_client.get("/api/assets/v1/homes", headers={"Authorization": f"Bearer {old_token}"})
    assert refused.status_code == 401


async def test_a_key_made_elsewhere_is_picked_up_on_first_sight(
    gateway_client: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    """Another replica (or `carehub keys rotate`) rotated: the first token naming the new key
    makes this gateway look again, without waiting for its minute."""
    made = await _add_client(gateway_app, "admin", homes=())
    ctx = gateway_auth(gateway_app)
    ctx.keyring.unknown_kid_reload_s = 0
    await ctx.keyring.signing_key()  # loaded now: the periodic refresh is a minute away

    other = Keyring(ctx.sessionmaker)  # what another replica holds
    async with ctx.sessionmaker() as db, db.begin():
        _old, new_kid = await keys.rotate(db)
    other_token = (await other.signing_key()).sign(jwt.decode(
        (await _token(gateway_client, made)).json()["access_token"], options={"verify_signature": False}))
    assert jwt.get_unverified_header(other_token)["kid"] == new_kid
    homes = await gateway_client.get("/api/assets/v1/homes", headers={"Authorization": f"Bearer {other_token}"})
    assert homes.status_code == 200, homes.text


async def test_the_first_key_is_made_once_even_by_replicas_starting_together(
    gateway_client: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    ctx = gateway_auth(gateway_app)
    replicas = [Keyring(ctx.sessionmaker) for _ in range(4)]
    kids = {(await k).kid for k in asyncio.as_completed([r.signing_key() for r in replicas])}
    assert len(kids) == 1
    rows = await gateway_execute(gateway_app, "SELECT count(*) AS n FROM gateway.signing_key")
    assert rows[0].n == 1
