"""`carehub run` as a user starts it: a real process on a free port, with the embedded database
(no DATABASE_URL), checked over HTTP — signed in as a demo care worker through the session, and
as an integrator with a client-credentials token — then stopped with SIGTERM."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from carehub_gateway.demo_accounts import DEMO_PASSWORD

START_TIMEOUT_S = 60
STOP_TIMEOUT_S = 15


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _carehub() -> list[str]:
    script = Path(sys.executable).with_name("carehub")
    return [str(script)] if script.exists() else [sys.executable, "-m", "carehub_gateway"]


def _pid_alive(pid: int) -> bool:
    """Running, and not a zombie waiting to be reaped (the daemonised postmaster's parent is
    init, which in a container may reap late)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"


@pytest.fixture
def short_dir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="chrun"))  # short: the database socket lives under it
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert process.poll() is None, f"carehub run exited early with {process.returncode}"
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    pytest.fail(f"carehub run was not ready within {START_TIMEOUT_S} s")


def test_carehub_run_serves_everything_on_one_port_and_stops_cleanly(short_dir: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    log = (short_dir / "run.log").open("wb")
    process = subprocess.Popen(
        [*_carehub(), "run", "--port", str(port), "--data-dir", str(short_dir / "data")],
        env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    try:
        _wait_ready(base, process)

        assert httpx.get(f"{base}/api/assets/v1/homes", timeout=5).status_code == 401  # no credentials
        all_homes = _homes_as(base, "estates.officer")  # an organisation-wide role
        assert len(all_homes) >= 3  # the demo homes
        mine = _homes_as(base, "care.worker")
        assert 1 <= len(mine) < len(all_homes)  # only the care worker's own
        assert mine <= all_homes

        # An integrator: a client made with the command line while Care Hub runs (the embedded
        # database is shared, not restarted), then a client-credentials token, used directly.
        home = sorted(mine)[0]
        added = subprocess.run(
            [*_carehub(), "clients", "add", "E2E integrator", "--role", "integrator", "--homes", home,
             "--data-dir", str(short_dir / "data")],
            env=env, capture_output=True, text=True, timeout=START_TIMEOUT_S, stdin=subprocess.DEVNULL,
        )
        assert added.returncode == 0, added.stderr
        credentials = dict(line.split("=", 1) for line in added.stdout.split())
        token = httpx.post(f"{base}/auth/token", timeout=5, data={
            "grant_type": "client_credentials", "client_id": credentials["client_id"],
            "client_secret": credentials["client_secret"]})
        assert token.status_code == 200, token.text
        bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
        homes = httpx.get(f"{base}/api/assets/v1/homes", headers=bearer, timeout=5)
        assert homes.status_code == 200
        assert {h["id"] for h in homes.json()["items"]} == {home}
        assert homes.headers["x-request-id"]
        assert httpx.get(f"{base}/auth/jwks.json", timeout=5).json()["keys"]

        for service in ("assets", "careplan", "feedback"):
            assert httpx.get(f"{base}/api/{service}/readyz", timeout=5).status_code == 200, service
        assert httpx.get(f"{base}/api/assets/docs", timeout=5).status_code == 200
        assert httpx.get(f"{base}/", timeout=5).status_code == 200

        postmaster = int((short_dir / "data" / "pg" / "postmaster.pid").read_text().split()[0])
        assert _pid_alive(postmaster)

        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=STOP_TIMEOUT_S) == 0
        deadline = time.monotonic() + 5
        while _pid_alive(postmaster) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _pid_alive(postmaster), "the embedded PostgreSQL was left running"
    except BaseException:
        log.flush()
        sys.stderr.write((short_dir / "run.log").read_text(errors="replace")[-4000:])
        raise
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        _stop_leftover_postgres(short_dir / "data" / "pg")
        log.close()


def _homes_as(base: str, username: str) -> set[str]:
    """Sign in over HTTP as a demo account, and list the homes through the session."""
    with httpx.Client(base_url=base, timeout=5) as browser:
        signed_in = browser.post("/auth/login", json={"username": username, "password": DEMO_PASSWORD})
        assert signed_in.status_code == 200, signed_in.text
        assert "httponly" in signed_in.headers["set-cookie"].lower()
        me = browser.get("/auth/me").json()
        homes = browser.get("/api/assets/v1/homes", params={"limit": 200})
        assert homes.status_code == 200, homes.text
        seen = {h["id"] for h in homes.json()["items"]}
        if me["homes"]:
            assert seen == set(me["homes"])
        browser.post("/auth/logout", headers={"X-CSRF-Token": me["csrf_token"]}).raise_for_status()
        assert browser.get("/api/assets/v1/homes").status_code == 401
        return seen


def _stop_leftover_postgres(pgdata: Path) -> None:
    """After a failure, do not leave the embedded server behind (SIGINT: fast shutdown)."""
    try:
        pid = int((pgdata / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return
    if _pid_alive(pid):
        os.kill(pid, signal.SIGINT)
