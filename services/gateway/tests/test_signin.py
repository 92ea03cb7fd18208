"""Signing in and out at the gateway: the session cookie, fixation, expiry, sign-out, one answer
for every failure, and the brakes on guessing (per account and per address)."""

from dataclasses import replace
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from gateway_support import (
    GATEWAY_TEST_PASSWORD,
    add_gateway_account,
    gateway_auth,
    gateway_execute,
    gateway_sign_in,
)

from carehub_gateway import accounts
from carehub_gateway.db import SCHEMA
from carehub_gateway.passwords import HashSettings, Passwords
from carehub_gateway.sessions import COOKIE, session_key
from carehub_kit.db import make_engine
from carehub_kit.identity import Actor
from carehub_kit.testing import running, truncate_schema

HOME = "4f7d1c9e-1111-4222-8333-444455556666"


@pytest.fixture
async def nurse(gateway_client: httpx.AsyncClient, gateway_app: FastAPI) -> httpx.AsyncClient:
    """The gateway client, with an account `nurse.one` (a nurse in HOME) ready to sign in."""
    await add_gateway_account(gateway_app, "nurse.one", "nurse", homes=(HOME,))
    return gateway_client


def _cookie(response: httpx.Response) -> str:
    header = response.headers["set-cookie"]
    assert header.startswith(f"{COOKIE}=")
    return header


def presenting(session_id: str) -> dict[str, str]:
    """Headers that present this session id, whatever the client's cookie jar holds."""
    return {"Cookie": f"{COOKIE}={session_id}"}


async def _me(client: httpx.AsyncClient, session_id: str) -> httpx.Response:
    return await client.get("/auth/me", headers=presenting(session_id))


async def test_sign_in_sets_a_safe_cookie_and_me_says_who(nurse: httpx.AsyncClient) -> None:
    response = await nurse.post("/auth/login", json={"username": "NURSE.one", "password": GATEWAY_TEST_PASSWORD})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["name"] == "Nurse.One Person"
    assert body["roles"] == ["nurse"]
    assert body["homes"] == [HOME]
    assert len(body["csrf_token"]) >= 32
    assert response.headers["cache-control"] == "no-store"
    cookie = _cookie(response).lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "path=/" in cookie
    assert "secure" not in cookie  # plain http here
    assert "max-age" not in cookie
    assert "expires" not in cookie

    me = await nurse.get("/auth/me")
    assert me.status_code == 200
    assert me.json() == {"username": "nurse.one", **body}
    assert me.headers["cache-control"] == "no-store"


async def test_the_cookie_is_secure_over_https(gateway_app: FastAPI, nurse: httpx.AsyncClient) -> None:
    transport = httpx.ASGITransport(app=gateway_app)
    async with httpx.AsyncClient(transport=transport, base_url="https://carehub.test") as https:
        response = await https.post("/auth/login", json={"username": "nurse.one", "password": GATEWAY_TEST_PASSWORD})
    assert response.status_code == 200
    assert "secure" in _cookie(response).lower()


async def test_x_forwarded_proto_counts_only_when_the_proxy_is_trusted(
    gateway_app: FastAPI, nurse: httpx.AsyncClient,
) -> None:
    login = {"username": "nurse.one", "password": GATEWAY_TEST_PASSWORD}
    untrusted = await nurse.post("/auth/login", json=login, headers={"X-Forwarded-Proto": "https"})
    assert "secure" not in _cookie(untrusted).lower()
    ctx = gateway_auth(gateway_app)
    gateway_app.state.auth = replace(ctx, settings=ctx.settings.model_copy(update={"trust_proxy": True}))
    trusted = await nurse.post("/auth/login", json=login, headers={"X-Forwarded-Proto": "https"})
    assert "secure" in _cookie(trusted).lower()


async def test_unknown_user_wrong_password_and_disabled_account_get_one_answer(
    nurse: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    await add_gateway_account(gateway_app, "gone.away", "care_worker")
    ctx = gateway_auth(gateway_app)
    async with ctx.sessionmaker() as db, db.begin():
        await accounts.set_disabled(db, Actor(sub="test", name="Test"), "gone.away", True)

    attempts = [("nobody.here", GATEWAY_TEST_PASSWORD), ("nurse.one", "not the password at all"),
                ("gone.away", GATEWAY_TEST_PASSWORD)]
    answers = []
    for username, password in attempts:
        response = await nurse.post("/auth/login", json={"username": username, "password": password})
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert "set-cookie" not in response.headers
        answers.append({k: v for k, v in response.json().items() if k != "request_id"})
    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["detail"] == "The username or password is not right."

    rows = await gateway_execute(gateway_app, "SELECT action, actor_sub, entity_id, details::text AS details "
                                 "FROM gateway.audit_event WHERE action = 'sign_in.failed'")
    assert len(rows) == 3
    for row in rows:
        assert row.actor_sub == "unauthenticated"
        assert "nobody.here" not in row.details
        assert "nurse.one" not in row.details


async def test_a_session_id_from_before_sign_in_is_never_promoted(nurse: httpx.AsyncClient) -> None:
    planted = "A" * 43  # well-formed, but never issued
    nurse.cookies.set(COOKIE, planted)
    assert (await nurse.get("/auth/me")).status_code == 401
    first = await nurse.post("/auth/login", json={"username": "nurse.one", "password": GATEWAY_TEST_PASSWORD})
    issued = first.cookies[COOKIE]
    assert issued != planted
    assert (await _me(nurse, planted)).status_code == 401

    # Signing in again, with a live session: a new id, and the old session is over.
    nurse.cookies.clear()
    nurse.cookies.set(COOKIE, issued)
    second = await nurse.post("/auth/login", json={"username": "nurse.one", "password": GATEWAY_TEST_PASSWORD})
    assert second.cookies[COOKIE] not in (issued, planted)
    assert (await _me(nurse, issued)).status_code == 401
    assert (await _me(nurse, second.cookies[COOKIE])).status_code == 200


async def test_only_a_hash_of_the_session_id_is_stored(nurse: httpx.AsyncClient, gateway_app: FastAPI) -> None:
    response = await nurse.post("/auth/login", json={"username": "nurse.one", "password": GATEWAY_TEST_PASSWORD})
    session_id = response.cookies[COOKIE]
    rows = await gateway_execute(gateway_app, "SELECT id_hash FROM gateway.web_session")
    assert [bytes(r.id_hash) for r in rows] == [session_key(session_id)]


async def test_sign_out_ends_the_session_on_the_server(nurse: httpx.AsyncClient, gateway_app: FastAPI) -> None:
    me = await gateway_sign_in(nurse, "nurse.one")
    session_id = nurse.cookies[COOKIE]

    refused = await nurse.post("/auth/logout")
    assert refused.status_code == 403  # no CSRF token
    assert refused.headers["content-type"] == "application/problem+json"
    assert (await nurse.post("/auth/logout", headers={"X-CSRF-Token": "wrong"})).status_code == 403
    assert (await nurse.get("/auth/me")).status_code == 200  # still signed in

    out = await nurse.post("/auth/logout", headers={"X-CSRF-Token": me["csrf_token"]})
    assert out.status_code == 204
    assert f'{COOKIE}=""' in out.headers["set-cookie"]
    assert "max-age=0" in out.headers["set-cookie"].lower()
    # The old cookie, replayed, is worth nothing: not for /auth/me, not for the APIs.
    assert (await _me(nurse, session_id)).status_code == 401
    replayed = await nurse.get("/api/assets/v1/homes", headers=presenting(session_id))
    assert replayed.status_code == 401
    assert await gateway_execute(gateway_app, "SELECT 1 FROM gateway.web_session") == []
    actions = await gateway_execute(gateway_app, "SELECT action FROM gateway.audit_event ORDER BY at")
    assert [r.action for r in actions] == ["account.create", "sign_in", "sign_out"]


async def test_sign_out_without_a_session_just_clears_the_cookie(nurse: httpx.AsyncClient) -> None:
    out = await nurse.post("/auth/logout")
    assert out.status_code == 204


async def test_a_session_ends_after_30_idle_minutes(nurse: httpx.AsyncClient, gateway_app: FastAPI) -> None:
    await gateway_sign_in(nurse, "nurse.one")
    await gateway_execute(gateway_app, "UPDATE gateway.web_session SET last_seen_at = now() - interval '29 minutes'")
    assert (await nurse.get("/auth/me")).status_code == 200  # and that request counts as activity
    seen = await gateway_execute(gateway_app, "SELECT now() - last_seen_at < interval '1 minute' AS fresh "
                                 "FROM gateway.web_session")
    assert seen[0].fresh

    await gateway_execute(gateway_app, "UPDATE gateway.web_session SET last_seen_at = now() - interval '31 minutes'")
    assert (await nurse.get("/auth/me")).status_code == 401
    assert await gateway_execute(gateway_app, "SELECT 1 FROM gateway.web_session") == []


async def test_activity_is_written_at_most_once_a_minute(nurse: httpx.AsyncClient, gateway_app: FastAPI) -> None:
    await gateway_sign_in(nurse, "nurse.one")
    stamp = "SELECT last_seen_at FROM gateway.web_session"
    await gateway_execute(gateway_app, "UPDATE gateway.web_session SET last_seen_at = now() - interval '30 seconds'")
    before = (await gateway_execute(gateway_app, stamp))[0].last_seen_at
    assert (await nurse.get("/auth/me")).status_code == 200
    assert (await gateway_execute(gateway_app, stamp))[0].last_seen_at == before


async def test_a_session_ends_12_hours_after_sign_in_however_busy(
    nurse: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    await gateway_sign_in(nurse, "nurse.one")
    await gateway_execute(gateway_app, "UPDATE gateway.web_session SET expires_at = now() + interval '1 minute'")
    assert (await nurse.get("/auth/me")).status_code == 200
    await gateway_execute(gateway_app, "UPDATE gateway.web_session SET created_at = now() - interval '12 hours', "
                          "expires_at = now() - interval '1 second', last_seen_at = now()")
    assert (await nurse.get("/auth/me")).status_code == 401


async def test_expiry_times_come_from_the_settings(nurse: httpx.AsyncClient, gateway_app: FastAPI) -> None:
    await gateway_sign_in(nurse, "nurse.one")
    row = (await gateway_execute(gateway_app, "SELECT expires_at - created_at AS lasts FROM gateway.web_session"))[0]
    assert row.lasts == timedelta(hours=12)
    settings = gateway_auth(gateway_app).settings
    assert (settings.session_idle_minutes, settings.session_absolute_hours) == (30, 12)


async def test_five_failures_slow_the_account_even_for_the_right_password(
    nurse: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    wrong = {"username": "nurse.one", "password": "guess-guess-guess"}
    right = {"username": "nurse.one", "password": GATEWAY_TEST_PASSWORD}
    for _ in range(5):
        assert (await nurse.post("/auth/login", json=wrong)).status_code == 401
    sixth = await nurse.post("/auth/login", json=right)
    assert sixth.status_code == 429
    assert sixth.headers["content-type"] == "application/problem+json"
    assert 1 <= int(sixth.headers["retry-after"]) <= 30
    assert "set-cookie" not in sixth.headers

    # Once the back-off has passed, the right password works and the count starts again.
    await gateway_execute(gateway_app, "UPDATE gateway.account SET backoff_until = now() - interval '1 second'")
    assert (await nurse.post("/auth/login", json=right)).status_code == 200
    row = (await gateway_execute(gateway_app, "SELECT failed_logins, backoff_until FROM gateway.account"))[0]
    assert (row.failed_logins, row.backoff_until) == (0, None)


async def test_an_unknown_name_is_slowed_down_like_an_account(
    nurse: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    """A 429 after five failures must not tell a guesser that the account exists."""
    answers = []
    for name in ("nurse.one", "no.such.person"):
        for _ in range(5):
            assert (await nurse.post("/auth/login", json={"username": name, "password": "guess-guess-guess"})
                    ).status_code == 401
        sixth = await nurse.post("/auth/login", json={"username": name.upper(), "password": "guess-guess-guess"})
        answers.append((sixth.status_code, sixth.json()["title"], 1 <= int(sixth.headers["retry-after"]) <= 30))
    assert answers[0] == answers[1] == (429, "Too many attempts", True)

    # Once the wait has passed, the unknown name gets the plain 401 again.
    await gateway_execute(gateway_app, "UPDATE gateway.login_failure SET at = at - interval '31 seconds'")
    again = await nurse.post("/auth/login", json={"username": "no.such.person", "password": "guess-guess-guess"})
    assert again.status_code == 401


def test_the_back_off_doubles_up_to_fifteen_minutes() -> None:
    assert [accounts.backoff(n) for n in range(1, 5)] == [None] * 4
    assert accounts.backoff(5) == timedelta(seconds=30)
    assert accounts.backoff(6) == timedelta(minutes=1)
    assert accounts.backoff(7) == timedelta(minutes=2)
    assert accounts.backoff(12) == timedelta(minutes=15)
    assert accounts.backoff(500) == timedelta(minutes=15)


async def test_failures_from_one_address_are_limited(nurse: httpx.AsyncClient, gateway_app: FastAPI) -> None:
    for n in range(20):
        wrong = await nurse.post("/auth/login", json={"username": f"someone{n}", "password": "not-a-password"},
                                 headers={"X-Forwarded-For": f"10.0.0.{n}"})  # not trusted: no escape
        assert wrong.status_code == 401, n
    limited = await nurse.post("/auth/login", json={"username": "nurse.one", "password": GATEWAY_TEST_PASSWORD})
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["retry-after"]) <= 15 * 60
    assert limited.json()["title"] == "Too many attempts"

    # Another address is not held up, and the count lives in the database (every replica sees it).
    transport = httpx.ASGITransport(app=gateway_app, client=("192.0.2.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as elsewhere:
        assert (await gateway_sign_in(elsewhere, "nurse.one"))["roles"] == ["nurse"]
    counted = await gateway_execute(gateway_app, "SELECT address, count(*) AS n FROM gateway.login_failure "
                                    "WHERE address NOT LIKE 'name:%' GROUP BY address")
    assert [(r.address, r.n) for r in counted] == [("127.0.0.1", 20)]

    # The oldest failure leaving the window lets the address try again.
    await gateway_execute(gateway_app, "UPDATE gateway.login_failure SET at = at - interval '15 minutes'")
    assert (await nurse.post("/auth/login", json={"username": "nurse.one",
                                                  "password": GATEWAY_TEST_PASSWORD})).status_code == 200


async def test_a_hash_with_old_parameters_is_upgraded_at_sign_in(
    nurse: httpx.AsyncClient, gateway_app: FastAPI,
) -> None:
    weaker = Passwords(HashSettings(time_cost=1, memory_kib=32, parallelism=1))
    old_hash = await weaker.hash(GATEWAY_TEST_PASSWORD)
    await gateway_execute(gateway_app, "UPDATE gateway.account SET password_hash = :h", h=old_hash)
    await gateway_sign_in(nurse, "nurse.one")
    new_hash = (await gateway_execute(gateway_app, "SELECT password_hash FROM gateway.account"))[0].password_hash
    assert new_hash != old_hash
    assert not gateway_auth(gateway_app).passwords.needs_rehash(new_hash)
    assert await gateway_auth(gateway_app).passwords.verify(new_hash, GATEWAY_TEST_PASSWORD)


async def test_login_body_is_checked(nurse: httpx.AsyncClient) -> None:
    for body in ({"username": "nurse.one"}, {"username": "", "password": "x"},
                 {"username": "nurse.one", "password": "x" * 2000}):
        response = await nurse.post("/auth/login", json=body)
        assert response.status_code == 422
        assert "x" * 20 not in response.text  # nothing sent is echoed


async def test_disabling_an_account_ends_its_sessions(nurse: httpx.AsyncClient, gateway_app: FastAPI) -> None:
    await gateway_sign_in(nurse, "nurse.one")
    ctx = gateway_auth(gateway_app)
    async with ctx.sessionmaker() as db, db.begin():
        await accounts.set_disabled(db, Actor(sub="test", name="Test"), "nurse.one", True)
    assert (await nurse.get("/auth/me")).status_code == 401


async def test_sessions_survive_a_gateway_restart(gateway_app: FastAPI, gateway_database_url: str) -> None:
    """Server-side sessions: another gateway process (a replica, or after a restart) knows them."""
    try:
        async with running(gateway_app) as first:
            await add_gateway_account(gateway_app, "nurse.two", "nurse", homes=(HOME,))
            await gateway_sign_in(first, "nurse.two")
            session_id = first.cookies[COOKIE]
        async with running(gateway_app) as second:
            me = await _me(second, session_id)
            assert me.status_code == 200
            assert me.json()["username"] == "nurse.two"
    finally:
        engine = make_engine(gateway_database_url, pool_size=1)
        await truncate_schema(engine, SCHEMA)
        await engine.dispose()
