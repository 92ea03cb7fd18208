"""Sign-in at an upstream OpenID Connect provider, for real: a provider (oidc-provider-mock) runs
on a loopback port, the browser's leg to it is real HTTP, and the gateway is served in-process.
The whole authorization-code flow (PKCE, state, nonce, ID token checked against the provider's
JWKS), the claims mapped to roles and homes, and every way the callback can go wrong."""

import uuid
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from fastapi import FastAPI
from gateway_support import OIDC_CLIENT_ID, gateway_bearer, gateway_execute

from carehub_gateway.oidc import SignInRefused, Upstream, identity_from, safe_return_to
from carehub_gateway.sessions import COOKIE
from carehub_gateway.settings import Settings
from carehub_gateway.web import OIDC_COOKIE

CALLBACK = "http://test/auth/oidc/callback"
NEW_HOME = {"name": "Upstream Home", "address_line1": "3 High Street", "town": "Widnes", "postcode": "WA8 1AA",
            "registered_beds": 20}


@pytest.fixture
async def provider(oidc_provider: str) -> AsyncIterator[httpx.AsyncClient]:
    """The browser, as far as the provider sees it: real HTTP to the provider's port."""
    async with httpx.AsyncClient(base_url=oidc_provider, timeout=5) as client:
        yield client


async def _person(provider: httpx.AsyncClient, claims: dict[str, Any]) -> str:
    """A person at the provider with these claims; their `sub`."""
    sub = f"person-{uuid.uuid4().hex[:10]}"
    made = await provider.put(f"/users/{sub}", json=claims)
    assert made.status_code == 204, made.text
    return sub


async def _to_provider(gateway: httpx.AsyncClient, return_to: str = "/") -> str:
    """Begin signing in at the gateway; the provider's authorization URL it sends the browser to."""
    start = await gateway.get("/auth/oidc/login", params={"return_to": return_to})
    assert start.status_code == 302, start.text
    assert start.headers["cache-control"] == "no-store"
    binding = start.headers["set-cookie"].lower()
    assert binding.startswith(f"{OIDC_COOKIE}=")
    assert "path=/auth/oidc" in binding
    assert "httponly" in binding
    assert "samesite=lax" in binding
    assert "max-age=600" in binding
    return start.headers["location"]


async def _at_provider(provider: httpx.AsyncClient, authorize_url: str, form: dict[str, str]) -> str:
    """The person at the provider's page: it shows its form; they submit it. Where it sends the
    browser back to."""
    page = await provider.get(authorize_url)
    assert page.status_code == 200, page.text
    assert 'name="sub"' in page.text
    back = await provider.post(authorize_url, data=form)
    assert back.status_code == 302, back.text
    location = back.headers["location"]
    assert location.startswith(CALLBACK + "?")
    return location


async def _upstream_sign_in(gateway: httpx.AsyncClient, provider: httpx.AsyncClient, sub: str,
                            return_to: str = "/") -> httpx.Response:
    callback = await _at_provider(provider, await _to_provider(gateway, return_to), {"sub": sub})
    return await gateway.get(callback)


def _refused_with(response: httpx.Response, code: str) -> None:
    """Sent to the SPA's sign-in page with this error code, and no session."""
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/sign-in?error={code}"
    assert COOKIE not in response.headers.get("set-cookie", "")


async def _signed_in(gateway: httpx.AsyncClient) -> bool:
    return (await gateway.get("/auth/me")).status_code == 200


async def _audit(app: FastAPI, action: str) -> list[dict[str, Any]]:
    rows = await gateway_execute(app, "SELECT actor_sub, details FROM gateway.audit_event WHERE action = :a "
                                 "ORDER BY at", a=action)
    return [{"sub": sub, **details} for sub, details in rows]


async def _make_homes(gateway: httpx.AsyncClient, app: FastAPI, count: int) -> list[str]:
    headers = await gateway_bearer(app, "estates_officer")
    ids = []
    for n in range(count):
        made = await gateway.post("/api/assets/v1/homes", json={**NEW_HOME, "name": f"Home {n}"}, headers=headers)
        assert made.status_code == 201, made.text
        ids.append(made.json()["id"])
    return ids


async def test_sign_in_at_the_provider_maps_roles_and_homes_and_reaches_the_apis(
    oidc_gateway_client: httpx.AsyncClient, oidc_gateway_app: FastAPI, provider: httpx.AsyncClient,
) -> None:
    gateway = oidc_gateway_client
    first, second, third = await _make_homes(gateway, oidc_gateway_app, 3)
    sub = await _person(provider, {
        "preferred_username": "h.manager", "name": "Hana Manager", "email": "hana@council.example",
        "roles": ["home_manager", "offline_access", "superuser"],  # only Care Hub's roles are kept
        "homes": [second, first, "not-a-home-id"],
    })

    authorize_url = await _to_provider(gateway, return_to="/homes?view=list")
    asked = parse_qs(urlsplit(authorize_url).query)
    assert authorize_url.startswith(provider.base_url.join("/oauth2/authorize").__str__())
    assert asked["response_type"] == ["code"]
    assert asked["client_id"] == [OIDC_CLIENT_ID]
    assert asked["redirect_uri"] == [CALLBACK]
    assert asked["code_challenge_method"] == ["S256"]
    assert len(asked["code_challenge"][0]) == 43  # base64url SHA-256
    assert asked["state"][0]
    assert asked["nonce"][0]
    assert set(asked["scope"][0].split()) == {"openid", "profile", "email"}
    # Nothing of the flow is in the browser: only a random binding id, and the state row's hash.
    binding = gateway.cookies[OIDC_COOKIE]
    assert asked["state"][0] not in binding
    assert await gateway_execute(oidc_gateway_app, "SELECT count(*) FROM gateway.oidc_login") == [(1,)]

    back = await gateway.get(await _at_provider(provider, authorize_url, {"sub": sub}))
    assert back.status_code == 303, back.text
    assert back.headers["location"] == "/homes?view=list"
    assert back.headers["referrer-policy"] == "no-referrer"
    cookie = back.headers["set-cookie"].lower()
    assert cookie.startswith(f"{COOKIE}=")
    assert "httponly" in cookie
    assert "samesite=lax" in cookie

    me = await gateway.get("/auth/me")
    assert me.status_code == 200, me.text
    body = me.json()
    assert body["username"] == "h.manager"
    assert body["name"] == "Hana Manager"
    assert body["roles"] == ["home_manager"]
    assert body["homes"] == sorted([first, second])

    homes = await gateway.get("/api/assets/v1/homes")
    assert homes.status_code == 200, homes.text
    assert {h["id"] for h in homes.json()["items"]} == {first, second}
    assert (await gateway.get(f"/api/assets/v1/homes/{third}")).status_code == 404
    assert (await _audit(oidc_gateway_app, "sign_in"))[0]["source"] == "oidc"
    assert (await _audit(oidc_gateway_app, "sign_in"))[0]["sub"] == sub
    assert await gateway_execute(oidc_gateway_app, "SELECT count(*) FROM gateway.oidc_login") == [(0,)]

    # Sign-out ends the session here (the provider's own session is left alone).
    signed_out = await gateway.post("/auth/logout", headers={"X-CSRF-Token": body["csrf_token"]})
    assert signed_out.status_code == 204
    assert not await _signed_in(gateway)
    assert (await gateway.get("/api/assets/v1/homes")).status_code == 401


async def test_a_replayed_callback_is_refused(
    oidc_gateway_client: httpx.AsyncClient, oidc_gateway_app: FastAPI, provider: httpx.AsyncClient,
) -> None:
    sub = await _person(provider, {"roles": ["nurse"]})
    callback = await _at_provider(provider, await _to_provider(oidc_gateway_client), {"sub": sub})
    assert (await oidc_gateway_client.get(callback)).status_code == 303
    oidc_gateway_client.cookies.delete(COOKIE)
    _refused_with(await oidc_gateway_client.get(callback), "invalid_state")
    assert not await _signed_in(oidc_gateway_client)
    assert [a["reason"] for a in await _audit(oidc_gateway_app, "sign_in.failed")] == ["unknown_state"]


async def test_a_tampered_or_missing_state_is_refused(
    oidc_gateway_client: httpx.AsyncClient, oidc_gateway_app: FastAPI, provider: httpx.AsyncClient,
) -> None:
    sub = await _person(provider, {"roles": ["nurse"]})
    callback = await _at_provider(provider, await _to_provider(oidc_gateway_client), {"sub": sub})
    query = parse_qs(urlsplit(callback).query)
    tampered = f"{CALLBACK}?{urlencode({'code': query['code'][0], 'state': query['state'][0] + 'x'})}"
    _refused_with(await oidc_gateway_client.get(tampered), "invalid_state")
    _refused_with(await oidc_gateway_client.get(f"{CALLBACK}?{urlencode({'code': query['code'][0]})}"),
                  "invalid_state")
    assert not await _signed_in(oidc_gateway_client)
    reasons = [a["reason"] for a in await _audit(oidc_gateway_app, "sign_in.failed")]
    assert reasons == ["unknown_state", "missing_state"]
    assert all(a["source"] == "oidc" for a in await _audit(oidc_gateway_app, "sign_in.failed"))


async def test_junk_callbacks_count_against_the_address(
    oidc_gateway_client: httpx.AsyncClient, oidc_gateway_app: FastAPI,
) -> None:
    """Anyone can call the callback; past the per-address limit a junk call is still refused but
    no longer written to the audit trail."""
    limit = oidc_gateway_app.state.settings.login_failures_per_address
    for n in range(limit + 3):
        _refused_with(await oidc_gateway_client.get(f"{CALLBACK}?code=x&state=junk{n}"), "invalid_state")
    _refused_with(await oidc_gateway_client.get(f"{CALLBACK}?error=access_denied"), "access_denied")
    assert len(await _audit(oidc_gateway_app, "sign_in.failed")) == limit


async def test_a_callback_in_another_browser_is_refused(
    oidc_gateway_client: httpx.AsyncClient, oidc_gateway_app: FastAPI, provider: httpx.AsyncClient,
) -> None:
    """Login CSRF: an attacker begins a sign-in as themself and lures a victim's browser to the
    callback. The state is not the victim browser's, so the victim is not signed in as them."""
    sub = await _person(provider, {"roles": ["admin"]})
    callback = await _at_provider(provider, await _to_provider(oidc_gateway_client), {"sub": sub})
    transport = httpx.ASGITransport(app=oidc_gateway_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as victim:
        _refused_with(await victim.get(callback), "invalid_state")
        victim.cookies.set(OIDC_COOKIE, "A" * 43, path="/auth/oidc")  # a binding id of its own
        _refused_with(await victim.get(callback), "invalid_state")
        assert not await _signed_in(victim)
    # The flow was not spent by the victim's attempts: the browser that began it still can finish.
    assert (await oidc_gateway_client.get(callback)).status_code == 303
    assert await _signed_in(oidc_gateway_client)


async def test_access_denied_at_the_provider_signs_nobody_in(
    oidc_gateway_client: httpx.AsyncClient, oidc_gateway_app: FastAPI, provider: httpx.AsyncClient,
) -> None:
    callback = await _at_provider(provider, await _to_provider(oidc_gateway_client), {"action": "deny"})
    assert parse_qs(urlsplit(callback).query)["error"] == ["access_denied"]
    _refused_with(await oidc_gateway_client.get(callback), "access_denied")
    assert not await _signed_in(oidc_gateway_client)
    assert [a["reason"] for a in await _audit(oidc_gateway_app, "sign_in.failed")] == ["access_denied"]


async def test_access_denied_with_the_state_ends_that_sign_in(
    oidc_gateway_client: httpx.AsyncClient, oidc_gateway_app: FastAPI, provider: httpx.AsyncClient,
) -> None:
    """The test provider leaves `state` off its error redirect; Keycloak and Entra ID send it
    back (RFC 6749 §4.1.2.1), and then the sign-in it names is spent."""
    authorize_url = await _to_provider(oidc_gateway_client)
    state = parse_qs(urlsplit(authorize_url).query)["state"][0]
    callback = await _at_provider(provider, authorize_url, {"action": "deny"})
    _refused_with(await oidc_gateway_client.get(f"{callback}&{urlencode({'state': state})}"), "access_denied")
    assert await gateway_execute(oidc_gateway_app, "SELECT count(*) FROM gateway.oidc_login") == [(0,)]
    assert not await _signed_in(oidc_gateway_client)


async def test_a_code_the_provider_will_not_exchange_is_refused(
    oidc_gateway_client: httpx.AsyncClient, provider: httpx.AsyncClient,
) -> None:
    sub = await _person(provider, {"roles": ["nurse"]})
    callback = await _at_provider(provider, await _to_provider(oidc_gateway_client), {"sub": sub})
    state = parse_qs(urlsplit(callback).query)["state"][0]
    _refused_with(await oidc_gateway_client.get(f"{CALLBACK}?{urlencode({'code': 'forged', 'state': state})}"),
                  "sign_in_failed")
    assert not await _signed_in(oidc_gateway_client)


async def test_an_id_token_for_another_nonce_is_refused(
    oidc_gateway_client: httpx.AsyncClient, oidc_gateway_app: FastAPI, provider: httpx.AsyncClient,
) -> None:
    sub = await _person(provider, {"roles": ["nurse"]})
    callback = await _at_provider(provider, await _to_provider(oidc_gateway_client), {"sub": sub})
    await gateway_execute(oidc_gateway_app, "UPDATE gateway.oidc_login SET nonce = 'another-nonce'")
    _refused_with(await oidc_gateway_client.get(callback), "sign_in_failed")
    assert [a["reason"] for a in await _audit(oidc_gateway_app, "sign_in.failed")] == ["invalid_id_token"]
    assert not await _signed_in(oidc_gateway_client)


async def test_a_person_with_no_care_hub_role_is_not_signed_in(
    oidc_gateway_client: httpx.AsyncClient, provider: httpx.AsyncClient,
) -> None:
    sub = await _person(provider, {"roles": ["finance"], "homes": [str(uuid.uuid4())]})
    _refused_with(await _upstream_sign_in(oidc_gateway_client, provider, sub), "no_access")
    assert not await _signed_in(oidc_gateway_client)


async def test_return_to_elsewhere_lands_on_the_start_page(
    oidc_gateway_client: httpx.AsyncClient, provider: httpx.AsyncClient,
) -> None:
    sub = await _person(provider, {"roles": ["admin"]})
    back = await _upstream_sign_in(oidc_gateway_client, provider, sub, return_to="https://evil.example/phish")
    assert back.status_code == 303
    assert back.headers["location"] == "/"


@pytest.mark.parametrize("value", [
    None, "", "https://evil.example", "//evil.example/x", "/\\evil.example", "\\\\evil.example", "evil.example",
    "javascript:alert(1)", "/ok\r\nSet-Cookie: x=1", "/auth/logout", "/auth", "/" + "a" * 2100,
])
def test_only_paths_on_this_site_are_return_targets(value: str | None) -> None:
    assert safe_return_to(value) == "/"


@pytest.mark.parametrize("value", ["/", "/homes", "/homes/1?tab=rooms#top", "/authors"])
def test_paths_on_this_site_are_kept(value: str) -> None:
    assert safe_return_to(value) == value


async def test_password_sign_in_is_refused_when_the_provider_is_configured(
    oidc_gateway_client: httpx.AsyncClient,
) -> None:
    for body in ({"username": "nurse", "password": "whatever-it-is"}, {}):
        refused = await oidc_gateway_client.post("/auth/login", json=body)
        assert refused.status_code == 409
        assert refused.headers["content-type"] == "application/problem+json"
        assert "identity provider" in refused.json()["detail"]
        assert "/auth/oidc/login" in refused.json()["detail"]


async def test_auth_config_names_the_one_way_in(
    gateway_client: httpx.AsyncClient, oidc_gateway_client: httpx.AsyncClient,
) -> None:
    assert (await gateway_client.get("/auth/config")).json() == {"method": "password"}
    assert (await oidc_gateway_client.get("/auth/config")).json() == {
        "method": "oidc", "login_url": "/auth/oidc/login", "provider_name": "Halton Council account"}
    for path in ("/auth/oidc/login", "/auth/oidc/callback?code=x&state=y"):
        missing = await gateway_client.get(path)
        assert missing.status_code == 404
        assert missing.headers["content-type"] == "application/problem+json"


async def test_an_unreachable_provider_is_a_clear_error(unused_tcp_port: int, gateway_database_url: str) -> None:
    upstream = Upstream(Settings(database_url=gateway_database_url, oidc_issuer=f"http://127.0.0.1:{unused_tcp_port}",
                                 oidc_client_id="x", oidc_client_secret="y"))
    with pytest.raises(SignInRefused) as refused:
        await upstream.begin(CALLBACK)
    assert refused.value.code == "provider_unavailable"


def _settings(**claims: str) -> Settings:
    return Settings(database_url="postgresql://unused", **claims)


def test_claims_may_be_nested_as_keycloak_sends_realm_roles() -> None:
    home = str(uuid.uuid4())
    settings = _settings(oidc_roles_claim="realm_access.roles", oidc_homes_claim="carehub.homes",
                         oidc_username_claim="upn", oidc_name_claim="display_name")
    who = identity_from({"sub": "abc", "realm_access": {"roles": ["nurse", "default-roles-council"]},
                         "carehub": {"homes": home}, "upn": "n.one@council.example", "display_name": "N One"},
                        settings)
    assert (who.subject, who.username, who.name, who.roles, who.homes, who.source) == (
        "abc", "n.one@council.example", "N One", ("nurse",), (home,), "oidc")


def test_a_claim_named_with_dots_is_read_as_it_is() -> None:
    settings = _settings(oidc_roles_claim="https://carehub.example/roles")
    who = identity_from({"sub": "abc", "https://carehub.example/roles": "nurse senior_carer"}, settings)
    assert who.roles == ("nurse", "senior_carer")
    assert who.username == "abc"
    assert who.name == "abc"


def test_without_a_subject_nobody_is_signed_in() -> None:
    with pytest.raises(SignInRefused):
        identity_from({"roles": ["admin"]}, _settings())
