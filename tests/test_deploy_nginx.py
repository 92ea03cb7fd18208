"""infra/nginx/carehub.conf, run for real when an nginx binary is installed (Debian's `nginx`
or `nginx-light`; skipped otherwise), with small stand-ins on loopback ports for the gateway
and the three services: /api/<svc>/ reaches the service without its prefix, with the bearer
token the gateway's /auth/forward gave for the session and never the cookie; a caller's own
token passes through; a refusal is problem+json; everything else reaches the gateway."""

import json
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "infra/nginx/carehub.conf"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
UPSTREAMS = ("gateway", "assets-api", "careplan-api", "feedback-api", "keycloak")

pytestmark = pytest.mark.skipif(NGINX is None, reason="no nginx binary installed (apt-get install nginx-light)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Recorder(BaseHTTPRequestHandler):
    """Answers every request with what it received, as JSON. As the gateway, it also plays
    /auth/forward: session `good` gets a token, session `nocsrf` is refused."""

    name = "?"
    forwards: list[str] = []  # the Cookie of each /auth/forward call
    access_log: Path
    servers: dict[str, ThreadingHTTPServer] = {}

    def do_any(self) -> None:
        if self.path == "/auth/forward":
            cookie = self.headers.get("Cookie", "")
            Recorder.forwards.append(cookie)
            if "carehub_session=nocsrf" in cookie:
                self.send_response(403)
                self.end_headers()
                return
            self.send_response(200)
            if "carehub_session=good" in cookie and not self.headers.get("Authorization"):
                self.send_header("Authorization", "Bearer minted-for-good")
            self.end_headers()
            return
        body = json.dumps({"upstream": self.name, "path": self.path, "method": self.command,
                           "headers": {k.lower(): v for k, v in self.headers.items()}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_any  # noqa: N815

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def nginx() -> Iterator[str]:
    ports: dict[str, int] = {}
    for name in UPSTREAMS:
        handler = type(f"Recorder_{name}", (Recorder,), {"name": name})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        Recorder.servers[name] = server
        ports[name] = server.server_address[1]
    prefix = Path(tempfile.mkdtemp(prefix="chnginx"))
    prefix.chmod(0o755)  # started as root, nginx's workers run as another user
    config = CONFIG.read_text(encoding="utf-8").replace("/tmp/", f"{prefix}/")
    config = config.replace("/etc/nginx/carehub.d/", f"{prefix}/carehub.d/")
    for name, port in ports.items():
        config = config.replace(f"server {name}:8000;", f"server 127.0.0.1:{port};")
    listen = free_port()
    config = config.replace("listen 8080;", f"listen 127.0.0.1:{listen};")
    config = config.replace("access_log /dev/stdout", f"access_log {prefix}/access.log")
    (prefix / "carehub.d").mkdir()
    # compose's extra location for Keycloak, its upstream played by the "keycloak" stand-in.
    keycloak = (ROOT / "infra/nginx/keycloak.conf").read_text(encoding="utf-8")
    (prefix / "carehub.d/keycloak.conf").write_text(
        keycloak.replace("http://keycloak:8080", f"http://127.0.0.1:{ports['keycloak']}"), encoding="utf-8")
    (prefix / "nginx.conf").write_text(config, encoding="utf-8")
    with (prefix / "error.log").open("wb") as errors:
        process = subprocess.Popen([str(NGINX), "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
                                    "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=errors)
    base = f"http://127.0.0.1:{listen}"
    Recorder.access_log = prefix / "access.log"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/nginx-healthz", timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"nginx did not start: {process.stderr.read().decode() if process.stderr else ''}")
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        for server in Recorder.servers.values():
            server.shutdown()
            server.server_close()
        shutil.rmtree(prefix, ignore_errors=True)


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_the_config_passes_nginx_own_check(nginx: str) -> None:
    assert get(f"{nginx}/nginx-healthz")[0] == 200


@pytest.mark.parametrize("svc", ["assets", "careplan", "feedback"])
def test_api_calls_reach_their_service_with_the_session_token_and_no_cookie(nginx: str, svc: str) -> None:
    status, _headers, body = get(f"{nginx}/api/{svc}/v1/homes?limit=5", Cookie="carehub_session=good; other=1",
                                 **{"X-Request-ID": "req-123"})
    assert status == 200
    seen = json.loads(body)
    assert seen["upstream"] == f"{svc}-api"
    assert seen["path"] == "/v1/homes?limit=5"
    assert seen["headers"]["authorization"] == "Bearer minted-for-good"
    assert "cookie" not in seen["headers"]
    assert seen["headers"]["x-request-id"] == "req-123"
    assert seen["headers"]["x-forwarded-proto"] == "http"


def test_a_callers_own_token_passes_through(nginx: str) -> None:
    _status, _headers, body = get(f"{nginx}/api/assets/v1/homes", Authorization="Bearer integrator-token")
    assert json.loads(body)["headers"]["authorization"] == "Bearer integrator-token"


def test_without_credentials_the_service_decides(nginx: str) -> None:
    _status, _headers, body = get(f"{nginx}/api/careplan/v1/residents")
    assert "authorization" not in json.loads(body)["headers"]


def test_a_refusal_from_the_gateway_is_problem_json(nginx: str) -> None:
    status, headers, body = get(f"{nginx}/api/feedback/v1/items", Cookie="carehub_session=nocsrf")
    assert status == 403
    assert headers["Content-Type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["status"] == 403
    assert problem["type"].endswith("/problems/csrf")
    assert problem["instance"] == "/api/feedback/v1/items"


def test_a_path_cannot_break_the_problem_json(nginx: str) -> None:
    status, _headers, body = get(f"{nginx}/api/feedback/v1/items/%22%7D%5C", Cookie="carehub_session=nocsrf")
    assert status == 403
    assert json.loads(body)["instance"] == "/api/feedback/v1/items"


def test_everything_else_reaches_the_gateway(nginx: str) -> None:
    for path in ("/", "/auth/me", "/homes/123", "/auth/jwks.json"):
        _status, _headers, body = get(f"{nginx}{path}", Cookie="carehub_session=good")
        seen = json.loads(body)
        assert seen["upstream"] == "gateway"
        assert seen["path"] == path
        assert seen["headers"]["cookie"] == "carehub_session=good"


def test_compose_reaches_keycloak_under_idp(nginx: str) -> None:
    _status, _headers, body = get(f"{nginx}/idp/realms/carehub/.well-known/openid-configuration")
    seen = json.loads(body)
    assert seen["upstream"] == "keycloak"
    assert seen["path"] == "/idp/realms/carehub/.well-known/openid-configuration"


def test_the_forward_subrequest_is_not_reachable_from_outside(nginx: str) -> None:
    assert get(f"{nginx}/_carehub/forward", Cookie="carehub_session=good")[0] == 404


def test_the_gateway_is_asked_once_per_session_and_method_while_cached(nginx: str) -> None:
    before = len(Recorder.forwards)
    for _ in range(3):
        get(f"{nginx}/api/assets/v1/homes", Cookie="carehub_session=cached")
    get(f"{nginx}/api/assets/v1/homes", Cookie="carehub_session=other")
    assert Recorder.forwards[before:] == ["carehub_session=cached", "carehub_session=other"]


def test_the_access_log_is_json_without_ids_or_query_strings(nginx: str) -> None:
    get(f"{nginx}/api/careplan/v1/residents/4b1d9c1e-0000-4000-8000-000000000001?name=Smith",
        Cookie="carehub_session=good")
    time.sleep(0.2)  # nginx writes its log line after the response
    lines = [json.loads(line) for line in Recorder.access_log.read_text(encoding="utf-8").splitlines()]
    (entry,) = [e for e in lines if e["path"].startswith("/api/careplan/")][-1:]
    assert entry["path"] == "/api/careplan/v1/residents"
    assert entry["status"] == 200
    assert "Smith" not in Recorder.access_log.read_text(encoding="utf-8")
    assert "4b1d9c1e" not in Recorder.access_log.read_text(encoding="utf-8")


def test_a_stopped_service_answers_503_and_the_others_keep_working(nginx: str) -> None:
    stopped = Recorder.servers["feedback-api"]
    address, handler = stopped.server_address, stopped.RequestHandlerClass
    stopped.shutdown()
    stopped.server_close()
    try:
        status, headers, body = get(f"{nginx}/api/feedback/v1/items", Cookie="carehub_session=good")
        assert status == 503
        assert headers["Content-Type"] == "application/problem+json"
        assert headers["Retry-After"] == "5"
        assert json.loads(body)["instance"] == "/api/feedback/v1/items"
        assert get(f"{nginx}/api/assets/v1/homes", Cookie="carehub_session=good")[0] == 200
    finally:
        restarted = ThreadingHTTPServer(address, handler)
        threading.Thread(target=restarted.serve_forever, daemon=True).start()
        Recorder.servers["feedback-api"] = restarted
    assert get(f"{nginx}/api/feedback/v1/items", Cookie="carehub_session=good")[0] == 200
