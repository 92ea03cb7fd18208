"""Does the gateway cost throughput? The split topology (tests/split_support.py: each service its
own uvicorn process and database role, the gateway as `carehub serve`, nginx in front) under load
on loopback, for one read of one row through the SQLAlchemy ORM (`GET /v1/homes/{id}`):

- direct:   the assets service itself, with a bearer token;
- through:  nginx, as the browser calls it: `/api/assets/v1/homes/{id}` with the session cookie
            (nginx asks the gateway's /auth/forward for the token; the answer is cached 30 s);
- bearer:   nginx with an integrator's own bearer token (the sub-request is not cached).

The service is pinned to one core and the load generator to the other (on a 2-core machine).
Load comes from `wrk` (Debian package `wrk`) when installed, else from a bounded asyncio httpx
client (which itself costs CPU, so its figures are lower). Every run is bounded in time.

    .venv/bin/python tests/load/bench_gateway.py [--seconds 5] [--rounds 5] [--connections 16]

The three are measured in interleaved rounds (other work on the machine then falls on each
alike); prints the median req/s of each, and `through / direct` (the target: at least 0.75),
with the load average before and after. Exits 1 below the target.
"""

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from split_support import NGINX, split_topology  # noqa: E402

from carehub_gateway.demo_accounts import DEMO_PASSWORD  # noqa: E402

TARGET_RATIO = 0.75
WRK = shutil.which("wrk")
MAX_REQUESTS = 2_000_000  # the fallback client's bound, beside the time limit


@dataclass(frozen=True)
class Result:
    name: str
    requests_per_s: float
    errors: int
    tool: str


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _cpus() -> tuple[set[int] | None, set[int] | None]:
    """(the service's core, the load generator's core) on a machine with two or more."""
    cores = sorted(os.sched_getaffinity(0))
    return ({cores[0]}, set(cores[1:])) if len(cores) >= 2 else (None, None)


def _wrk(name: str, url: str, headers: dict[str, str], seconds: int, connections: int,
         load_cpus: set[int] | None) -> Result:
    assert WRK is not None
    command = [WRK, "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s"]
    for key, value in headers.items():
        command += ["-H", f"{key}: {value}"]
    pin = (lambda: os.sched_setaffinity(0, load_cpus)) if load_cpus else None
    out = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 30,
                         preexec_fn=pin, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad.group(1)) if bad else 0) + (sum(map(int, socket_errors.groups())) if socket_errors else 0)
    return Result(name, rate, errors, "wrk")


async def _client_load(url: str, headers: dict[str, str], seconds: int, connections: int) -> tuple[int, int]:
    done = errors = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=5) as client:

        async def worker() -> None:
            nonlocal done, errors
            while time.monotonic() < deadline and done + errors < MAX_REQUESTS:
                try:
                    response = await client.get(url)
                    if response.status_code == 200:
                        done += 1
                    else:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1

        await asyncio.gather(*(worker() for _ in range(connections)))
    return done, errors


def _httpx(name: str, url: str, headers: dict[str, str], seconds: int, connections: int,
           load_cpus: set[int] | None) -> Result:
    if load_cpus:
        os.sched_setaffinity(0, load_cpus)
    started = time.monotonic()
    done, errors = asyncio.run(_client_load(url, headers, seconds, connections))
    return Result(name, done / (time.monotonic() - started), errors, "httpx")


def check(name: str, url: str, headers: dict[str, str]) -> None:
    answer = httpx.get(url, headers=headers, timeout=5)
    if answer.status_code != 200:
        raise SystemExit(f"{name}: {url} answered {answer.status_code}: {answer.text[:200]}")


def median(results: list[Result]) -> Result:
    rates = sorted(r.requests_per_s for r in results)
    return Result(results[0].name, statistics.median(rates), sum(r.errors for r in results), results[0].tool)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="each measurement's length (default 5)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds; medians reported (default 5)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--client", choices=("auto", "wrk", "httpx"), default="auto",
                        help="the load generator (default: wrk when installed, else httpx)")
    args = parser.parse_args()
    if args.client == "wrk" and WRK is None:
        say("skipped: wrk is not installed (apt-get install wrk)")
        return 0
    if NGINX is None:
        say("skipped: no nginx binary installed (apt-get install nginx-light)")
        return 0
    use_wrk = args.client == "wrk" or (args.client == "auto" and WRK is not None)
    if not use_wrk and args.client == "auto":
        say("note: wrk not installed (apt-get install wrk): using the slower asyncio httpx client")
    service_cpus, load_cpus = _cpus()
    say(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with split_topology(service_cpus=service_cpus) as topology:
        with httpx.Client(base_url=topology.nginx, timeout=10) as browser:
            signed_in = browser.post("/auth/login", json={"username": "estates.officer", "password": DEMO_PASSWORD})
            signed_in.raise_for_status()
            cookie = f"carehub_session={browser.cookies['carehub_session']}"
            home = browser.get("/api/assets/v1/homes", params={"limit": 1}).json()["items"][0]["id"]

        def paths() -> dict[str, tuple[str, dict[str, str]]]:
            """Each path's URL and headers; the bearer token asked afresh (it lives 5 minutes)."""
            bearer = httpx.get(f"{topology.direct('gateway')}/auth/forward", headers={"Cookie": cookie},
                               timeout=5).headers["authorization"]
            return {
                "direct": (f"{topology.direct('assets')}/v1/homes/{home}", {"Authorization": bearer}),
                "through": (f"{topology.nginx}/api/assets/v1/homes/{home}", {"Cookie": cookie}),
                "bearer": (f"{topology.nginx}/api/assets/v1/homes/{home}", {"Authorization": bearer}),
            }

        run = _wrk if use_wrk else _httpx
        runs: dict[str, list[Result]] = {name: [] for name in paths()}
        for name, (url, headers) in paths().items():
            check(name, url, headers)
            run(name, url, headers, 2, args.connections, load_cpus)  # warm up: pools, caches
        # Interleaved rounds, the median of each: other work on the machine drifts, and would
        # otherwise fall on one path only.
        for _ in range(args.rounds):
            for name, (url, headers) in paths().items():
                runs[name].append(run(name, url, headers, args.seconds, args.connections, load_cpus))
        results = [median(rs) for rs in runs.values()]
    by_name = {r.name: r for r in results}
    for r in results:
        ratio = r.requests_per_s / by_name["direct"].requests_per_s
        each = " ".join(f"{x.requests_per_s:.0f}" for x in runs[r.name])
        say(f"{r.name:8} {r.requests_per_s:8.1f} req/s  {ratio:6.1%} of direct  errors {r.errors}  "
            f"({r.tool}; rounds: {each})")
    say(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ratio = by_name["through"].requests_per_s / by_name["direct"].requests_per_s
    say(f"through / direct = {ratio:.2f} (target >= {TARGET_RATIO})")
    return 0 if ratio >= TARGET_RATIO and not any(r.errors for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
