"""Bearer tokens at a resource server: every malformed, forged or stale token is a 401."""

import asyncio
import base64
import hashlib
import hmac
import json
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import uvicorn
from cryptography.hazmat.primitives import serialization
from fastapi import APIRouter
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from carehub_kit.app import create_service_app
from carehub_kit.auth import CurrentActor, HttpJwks, StaticKeys, VerifiedTokens, verify_token
from carehub_kit.errors import ProblemError
from carehub_kit.settings import ServiceSettings
from carehub_kit.tokens import SigningKey, claims_for, jwks

ISSUER = "https://gateway.carehub.test"
KEY = SigningKey.generate()
OTHER_KEY = SigningKey.generate()

router = APIRouter(prefix="/v1/whoami", tags=["whoami"])


@router.get("")
async def whoami(actor: CurrentActor) -> dict[str, Any]:
    return {"sub": actor.sub, "roles": list(actor.roles), "homes": list(actor.homes)}


async def _published() -> dict[str, Any]:
    return jwks([KEY])


@pytest.fixture
async def auth_client(tmp_path: Any) -> AsyncIterator[httpx.AsyncClient]:
    settings = ServiceSettings(database_url="postgresql://unused@localhost/unused", auth_issuer=ISSUER)
    (tmp_path / "versions").mkdir()
    app = create_service_app(settings, title="t", description="t", schema="t",
                             migrations_dir=tmp_path, routers=[router])
    app.state.key_source = StaticKeys(_published)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        yield client


def token(key: SigningKey = KEY, **overrides: Any) -> str:
    claims = claims_for(sub="u1", name="Una", roles=["nurse", "astronaut"], homes=["h1"], issuer=ISSUER)
    claims.update(overrides)
    return key.sign(claims)


def bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


async def assert_401(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    response = await client.get("/v1/whoami", headers=headers)
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.headers["content-type"] == "application/problem+json"


class TestValidToken:
    async def test_actor_comes_from_claims_with_unknown_roles_dropped(self, auth_client: httpx.AsyncClient) -> None:
        response = await auth_client.get("/v1/whoami", headers=bearer(token()))
        assert response.status_code == 200
        assert response.json() == {"sub": "u1", "roles": ["nurse"], "homes": ["h1"]}


class TestRejectedTokens:
    async def test_missing_header(self, auth_client: httpx.AsyncClient) -> None:
        await assert_401(auth_client, {})

    async def test_not_a_jwt(self, auth_client: httpx.AsyncClient) -> None:
        await assert_401(auth_client, bearer("hello"))

    async def test_tampered_signature(self, auth_client: httpx.AsyncClient) -> None:
        header, payload, signature = token().split(".")
        forged = b64({**json.loads(base64.urlsafe_b64decode(payload + "==")), "roles": ["admin"]})
        await assert_401(auth_client, bearer(f"{header}.{forged}.{signature}"))

    async def test_alg_none(self, auth_client: httpx.AsyncClient) -> None:
        claims = claims_for(sub="u1", name="Una", roles=["admin"], homes=[], issuer=ISSUER)
        unsigned = f"{b64({'alg': 'none', 'typ': 'JWT', 'kid': KEY.kid})}.{b64(claims)}."
        await assert_401(auth_client, bearer(unsigned))

    async def test_hmac_signed_with_the_public_key(self, auth_client: httpx.AsyncClient) -> None:
        public_pem = serialization.load_pem_private_key(KEY.private_pem.encode(), None).public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        claims = claims_for(sub="u1", name="Una", roles=["admin"], homes=[], issuer=ISSUER)
        header = {"alg": "HS256", "typ": "JWT", "kid": KEY.kid}
        signing_input = f"{b64(header)}.{b64(claims)}"
        mac = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
        forged = f"{signing_input}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"
        await assert_401(auth_client, bearer(forged))

    async def test_expired(self, auth_client: httpx.AsyncClient) -> None:
        past = time.time() - 3600
        await assert_401(auth_client, bearer(token(iat=int(past), nbf=int(past), exp=int(past) + 300)))

    async def test_not_yet_valid(self, auth_client: httpx.AsyncClient) -> None:
        await assert_401(auth_client, bearer(token(nbf=int(time.time()) + 3600)))

    async def test_wrong_audience(self, auth_client: httpx.AsyncClient) -> None:
        await assert_401(auth_client, bearer(token(aud="someone-else")))

    async def test_wrong_issuer(self, auth_client: httpx.AsyncClient) -> None:
        await assert_401(auth_client, bearer(token(iss="https://evil.test")))

    async def test_unknown_kid(self, auth_client: httpx.AsyncClient) -> None:
        await assert_401(auth_client, bearer(token(key=OTHER_KEY)))

    async def test_missing_subject(self, auth_client: httpx.AsyncClient) -> None:
        claims = claims_for(sub="u1", name="Una", roles=[], homes=[], issuer=ISSUER)
        del claims["sub"]
        await assert_401(auth_client, bearer(KEY.sign(claims)))


class TestHttpJwks:
    async def test_refetches_once_on_unknown_kid(self) -> None:
        published = [KEY]
        fetches = 0

        async def serve(_request: Any) -> JSONResponse:
            nonlocal fetches
            fetches += 1
            return JSONResponse(jwks(published))

        issuer = Starlette(routes=[Route("/jwks.json", serve)])
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=issuer), base_url="http://issuer") as http:
            source = HttpJwks("http://issuer/jwks.json", client=http, min_refetch_s=0)
            assert await source.key(KEY.kid) is not None
            assert await source.key(KEY.kid) is not None
            assert fetches == 1  # cached
            published = [OTHER_KEY, KEY]  # rotation: a new key appears
            assert await source.key(OTHER_KEY.kid) is not None
            assert fetches == 2
            assert await source.key("never-published") is None
            assert fetches == 3

    async def test_refetch_is_rate_limited(self) -> None:
        fetches = 0

        async def serve(_request: Any) -> JSONResponse:
            nonlocal fetches
            fetches += 1
            return JSONResponse(jwks([KEY]))

        issuer = Starlette(routes=[Route("/jwks.json", serve)])
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=issuer), base_url="http://issuer") as http:
            source = HttpJwks("http://issuer/jwks.json", client=http, min_refetch_s=60)
            for _ in range(5):
                assert await source.key("unknown") is None
            assert fetches == 1



class TestStandaloneService:
    async def test_service_fetches_keys_from_auth_jwks_url(self, tmp_path: Any) -> None:
        """A service deployed on its own verifies tokens against the issuer's JWKS over real HTTP."""
        issuer = Starlette(routes=[Route("/auth/jwks.json", lambda _r: JSONResponse(jwks([KEY])))])
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(issuer, host="127.0.0.1", port=port, log_config=None))
        serving = asyncio.create_task(server.serve())
        try:
            while not server.started:
                await asyncio.sleep(0.02)
            settings = ServiceSettings(database_url="postgresql://unused@localhost/unused", auth_issuer=ISSUER,
                                       auth_jwks_url=f"http://127.0.0.1:{port}/auth/jwks.json")
            (tmp_path / "versions").mkdir()
            app = create_service_app(settings, title="t", description="t", schema="t",
                                     migrations_dir=tmp_path, routers=[router])
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
                assert (await client.get("/v1/whoami", headers=bearer(token()))).status_code == 200
                assert (await client.get("/v1/whoami", headers=bearer(token(key=OTHER_KEY)))).status_code == 401
        finally:
            server.should_exit = True
            await serving


class TestVerificationCaches:
    async def test_static_keys_parse_once_and_reload_for_a_new_kid(self) -> None:
        published, loads = [KEY], 0

        async def load() -> dict[str, Any]:
            nonlocal loads
            loads += 1
            return jwks(published)

        source = StaticKeys(load)
        assert await source.key(KEY.kid) is not None
        assert await source.key(KEY.kid) is not None
        assert loads == 1
        published = [KEY, OTHER_KEY]
        assert await source.key(OTHER_KEY.kid) is not None
        assert loads == 2

    async def test_a_verified_token_is_reused_until_it_expires(self) -> None:
        cache = VerifiedTokens(size=2)
        keys = StaticKeys(_published)
        good = token()
        actor = await verify_token(good, keys, issuer=ISSUER, audience="carehub", verified=cache)
        assert cache.get(good) == (actor, KEY.kid)
        # Only the identical token matches: a forged copy is verified afresh, and refused.
        header, payload, _sig = good.split(".")
        with pytest.raises(ProblemError):
            await verify_token(f"{header}.{payload}.AAAA", keys, issuer=ISSUER, audience="carehub", verified=cache)
        cache.put("stale", actor, time.time() - 1, KEY.kid)
        assert cache.get("stale") is None
        cache.put("a", actor, time.time() + 60, KEY.kid)
        cache.put("b", actor, time.time() + 60, KEY.kid)
        assert cache.get(good) is None  # the oldest went when the cache filled

    async def test_a_cached_token_is_refused_once_its_key_is_withdrawn(self) -> None:
        published = [KEY]

        async def load() -> dict[str, Any]:
            return jwks(published)

        cache, good = VerifiedTokens(), token()
        await verify_token(good, StaticKeys(load), issuer=ISSUER, audience="carehub", verified=cache)
        published = [OTHER_KEY]  # the key was withdrawn; a fresh source no longer knows it
        with pytest.raises(ProblemError):
            await verify_token(good, StaticKeys(load), issuer=ISSUER, audience="carehub", verified=cache)
