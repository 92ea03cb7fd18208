"""The web app at `/`: the build with client-side routes, or a page saying it is not built."""

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from carehub_gateway.app import create_gateway_app
from carehub_kit.testing import running

INDEX = "<!doctype html><title>Care Hub</title><div id=root></div>"


@pytest.fixture
async def spa_client(gateway_database_url: str, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "assets" / "app-1234.js").write_text("console.log('care hub')")
    async with running(create_gateway_app(gateway_database_url, frontend_dist=tmp_path)) as http:
        yield http


async def test_built_app_is_served_with_client_side_routes(spa_client: httpx.AsyncClient) -> None:
    for path in ("/", "/homes", "/homes/5f0c/edit"):
        page = await spa_client.get(path)
        assert page.status_code == 200, path
        assert page.text == INDEX
        assert page.headers["cache-control"] == "no-cache"
    script = await spa_client.get("/assets/app-1234.js")
    assert script.status_code == 200
    assert "care hub" in script.text


async def test_the_app_is_served_with_security_headers(spa_client: httpx.AsyncClient) -> None:
    for path in ("/", "/care/residents/5f0c", "/assets/app-1234.js"):
        response = await spa_client.get(path)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self';" in policy, path
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


async def test_missing_files_and_api_paths_are_not_the_app(spa_client: httpx.AsyncClient) -> None:
    assert (await spa_client.get("/assets/missing-99.js")).status_code == 404
    for path in ("/api/unknown", "/api/assets/v1/unknown"):
        response = await spa_client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
    assert (await spa_client.get("/api/assets/readyz")).json()["status"] == "ready"


async def test_without_a_build_a_page_says_so(gateway_client: httpx.AsyncClient) -> None:
    page = await gateway_client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "has not been built yet" in page.text
    assert 'href="/api/assets/docs"' in page.text
