"""The split topology without containers, as compose and Kubernetes run it: one PostgreSQL
database with one role per part (made by infra/postgres/init's script), each schema migrated by
its own role, each service its own uvicorn process on its own loopback port (checking tokens
against the gateway's JWKS), the gateway alone as `carehub serve`, and nginx in front with
infra/nginx/carehub.conf rendered for those ports. Used by tests/test_split_topology.py and the
load benchmark (tests/load/bench_gateway.py).

The database server is a private embedded one (pgserver): the script makes cluster-wide roles
(`assets`, `careplan`, `feedback`, `gateway`), which must not collide with another run's on a
shared server.
"""

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
import pgserver
from sqlalchemy.engine import make_url

from carehub_gateway.seed import seed_demo_once
from carehub_gateway.services import SCHEMAS
from carehub_kit import migrations
from carehub_kit.embedded import embedded_postgres

ROOT = Path(__file__).resolve().parents[1]
ROLE_SCRIPT = ROOT / "infra/postgres/init/10-carehub-roles.sh"
NGINX_CONFIG = ROOT / "infra/nginx/carehub.conf"
PG_BIN = Path(pgserver.__file__).parent / "pginstall" / "bin"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
DATABASE = "carehub"
ROLES = ("assets", "careplan", "feedback", "gateway")
# The services as their images run them (infra/docker/<svc>.Dockerfile): factory and root path.
FACTORIES = {"assets": "assets_api.main:create_app", "careplan": "careplan_api.main:create_app",
             "feedback": "feedback_api.main:create_app"}
UPSTREAM_NAMES = {"assets": "assets-api", "careplan": "careplan-api", "feedback": "feedback-api",
                  "gateway": "gateway"}
START_TIMEOUT_S = 45.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def role_url(server_url: str, role: str | None) -> str:
    """The database as `role` (None: the superuser). Local sockets: pgserver trusts them."""
    url = make_url(server_url).set(database=DATABASE)
    if role:
        url = url.set(username=role, password=f"pw-{role}")
    return url.render_as_string(hide_password=False)


async def fetch_value(url: str, sql: str) -> object:
    conn = await asyncpg.connect(make_url(url).set(drivername="postgresql").render_as_string(False))
    try:
        return await conn.fetchval(sql)
    finally:
        await conn.close()


def _carehub() -> list[str]:
    script = Path(sys.executable).with_name("carehub")
    return [str(script)] if script.exists() else [sys.executable, "-m", "carehub_gateway"]


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self, timeout: float = 15) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=5)

    def tail(self, chars: int = 3000) -> str:
        try:
            return f"--- {self.name} ---\n{self.log.read_text(errors='replace')[-chars:]}"
        except OSError:
            return f"--- {self.name}: no log ---"


@dataclass
class Topology:
    server_url: str  # the embedded PostgreSQL, as its superuser
    work: Path
    processes: dict[str, Process] = field(default_factory=dict)  # assets, careplan, feedback, gateway, nginx

    @property
    def nginx(self) -> str:
        return self.processes["nginx"].base

    def direct(self, name: str) -> str:
        return self.processes[name].base

    def logs(self) -> str:
        return "\n".join(p.tail() for p in self.processes.values())


def _make_database(server_url: str) -> None:
    asyncio.run(fetch_value(make_url(server_url).set(database="postgres").render_as_string(False),
                            f"CREATE DATABASE {DATABASE}"))
    env = {**os.environ, "PATH": f"{PG_BIN}{os.pathsep}{os.environ['PATH']}",
           "PGHOST": str(make_url(server_url).query["host"]), "POSTGRES_USER": "postgres", "POSTGRES_DB": DATABASE,
           **{f"{r.upper()}_DB_PASSWORD": f"pw-{r}" for r in ROLES}}
    subprocess.run(["sh", str(ROLE_SCRIPT)], env=env, check=True, capture_output=True, timeout=60)


def _migrate_each_as_its_role(server_url: str) -> None:
    for name, schema, migrations_dir in SCHEMAS:
        migrations.upgrade(migrations_dir, role_url(server_url, name), schema)


def _spawn(work: Path, name: str, command: list[str], env: dict[str, str], port: int,
           preexec: Callable[[], None] | None = None) -> Process:
    log = work / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL, cwd=ROOT, preexec_fn=preexec)
    return Process(name, popen, log, port)


def _base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL" and not k.startswith("PYTEST")}
    for prefix in ("ASSETS", "CAREPLAN", "FEEDBACK", "GATEWAY"):
        env[f"{prefix}_LOG_LEVEL"] = "WARNING"  # a line per request would be most of the log
    return env


def _start_service(topology: Topology, name: str, gateway_port: int, preexec: Callable[[], None] | None) -> None:
    port = free_port()
    env = {**_base_env(), "DATABASE_URL": role_url(topology.server_url, name),
           "AUTH_JWKS_URL": f"http://127.0.0.1:{gateway_port}/auth/jwks.json"}
    command = [sys.executable, "-m", "uvicorn", "--factory", FACTORIES[name], "--host", "127.0.0.1",
               "--port", str(port), "--root-path", f"/api/{name}", "--no-server-header", "--no-access-log",
               "--log-level", "warning", "--timeout-graceful-shutdown", "5"]
    topology.processes[name] = _spawn(topology.work, name, command, env, port, preexec)


def _start_gateway(topology: Topology, port: int) -> None:
    env = {**_base_env(), "DATABASE_URL": role_url(topology.server_url, "gateway"),
           # Argon2 at its lowest cost: the scenario signs in, it does not measure hashing.
           "GATEWAY_PASSWORD_HASH_TIME_COST": "1", "GATEWAY_PASSWORD_HASH_MEMORY_KIB": "64",
           "GATEWAY_PASSWORD_HASH_PARALLELISM": "1"}
    command = [*_carehub(), "serve", "--host", "127.0.0.1", "--port", str(port), "--log-level", "WARNING"]
    topology.processes["gateway"] = _spawn(topology.work, "gateway", command, env, port)


def render_nginx_config(ports: dict[str, int], prefix: Path, listen: int) -> str:
    """infra/nginx/carehub.conf for loopback ports and a private prefix (no root paths)."""
    config = NGINX_CONFIG.read_text(encoding="utf-8").replace("/tmp/", f"{prefix}/")
    config = config.replace("/etc/nginx/carehub.d/", f"{prefix}/carehub.d/")
    for name, port in ports.items():
        upstream = f"server {UPSTREAM_NAMES[name]}:8000;"
        assert upstream in config, upstream
        config = config.replace(upstream, f"server 127.0.0.1:{port};")
    config = config.replace("listen 8080;", f"listen 127.0.0.1:{listen};")
    return config.replace("access_log /dev/stdout", f"access_log {prefix}/access.log")


def _start_nginx(topology: Topology) -> None:
    assert NGINX is not None
    prefix = topology.work / "nginx"
    (prefix / "carehub.d").mkdir(parents=True)
    listen = free_port()
    ports = {name: p.port for name, p in topology.processes.items()}
    (prefix / "nginx.conf").write_text(render_nginx_config(ports, prefix, listen), encoding="utf-8")
    command = [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"]
    topology.processes["nginx"] = _spawn(topology.work, "nginx", command, _base_env(), listen)


def wait_until(check: Callable[[], bool], what: str, processes: list[Process],
               timeout: float = START_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in processes:
            if p.popen.poll() is not None:
                raise RuntimeError(f"{p.name} exited with {p.popen.returncode}\n{p.tail()}")
        try:
            if check():
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{what} not ready within {timeout} s\n" + "\n".join(p.tail() for p in processes))


def _ready(base: str, path: str = "/readyz") -> bool:
    return httpx.get(f"{base}{path}", timeout=2).status_code == 200


@contextmanager
def split_topology(*, seed_demo: bool = True, service_cpus: set[int] | None = None) -> Iterator[Topology]:
    """Everything started, ready, and stopped again afterwards (processes, nginx, the database
    server and its files), whatever happens in between. `service_cpus` pins the three services
    (for the benchmark: one core for the server)."""
    work = Path(tempfile.mkdtemp(prefix="chsplit"))  # short: the database socket lives under it
    work.chmod(0o755)  # nginx, started as root, runs its workers as another user
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        server_url = stack.enter_context(embedded_postgres(work / "pg"))
        topology = Topology(server_url, work)
        _make_database(server_url)
        _migrate_each_as_its_role(server_url)
        if seed_demo:  # writes to every schema: the superuser's job, as in docs/operations.md
            asyncio.run(seed_demo_once(role_url(server_url, None)))

        def stop_all() -> None:
            for p in reversed(list(topology.processes.values())):
                p.stop()

        stack.callback(stop_all)
        pin = (lambda: os.sched_setaffinity(0, service_cpus)) if service_cpus else None
        gateway_port = free_port()
        _start_gateway(topology, gateway_port)
        for name in FACTORIES:
            _start_service(topology, name, gateway_port, pin)
        started = list(topology.processes.values())
        for p in started:
            wait_until(lambda p=p: _ready(p.base), p.name, started)  # type: ignore[misc]
        _start_nginx(topology)
        wait_until(lambda: _ready(topology.nginx, "/nginx-healthz"), "nginx", [topology.processes["nginx"]])
        yield topology
