"""Benchmark: importing 10,000 assets from XLSX (dry run and real) and exporting 100,000.

Creates its own throwaway database on the server in DATABASE_URL (default: a local PostgreSQL),
migrates it, and serves the real app with uvicorn on a loopback port (a real socket, so the
export's first byte is measured as a client sees it; httpx's in-process transport buffers whole
bodies). Then:

1. builds a 10,000-row XLSX register (openpyxl), uploads it as a dry run and as a real import,
   polls each job to the end, and reports the time and the process's peak memory (tracemalloc
   peak of Python allocations during each job, and the peak RSS);
2. bulk-loads 100,000 assets with COPY (bench_lists' loader) and streams the CSV and XLSX exports
   of all of them: time to first byte, total time and size;
3. prints EXPLAIN (ANALYZE, BUFFERS) of the export's keyset batch and the import's tag check,
   and drops the database at the end, even on failure.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python services/assets-api/bench/bench_import.py [--rows 10000] [--assets 100000]
"""

import argparse
import asyncio
import os
import random
import resource
import socket
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path
from typing import Any

import httpx
import openpyxl
import uvicorn
from bench_lists import admin, explain, libpq, literal, load, say
from sqlalchemy import select

from assets_api.assets import repository as assets_repository
from assets_api.assets.models import Asset
from assets_api.db import SCHEMA
from assets_api.main import MIGRATIONS_DIR, create_app
from assets_api.settings import Settings
from carehub_kit import migrations
from carehub_kit.testing import TokenIssuer, with_database

ROWS = [("hoist", "Ceiling hoist", {"SWL (kg)": 180}), ("profiling_bed", "Profiling bed", {}),
        ("wheelchair", "Attendant wheelchair", {}), ("portable_appliance", "Kettle", {})]
HEADER = ["Asset No", "Description", "Type", "Serial", "Make", "Model", "Bought", "Cost", "SWL (kg)"]
MAPPING = ('{"Asset No": "tag", "Description": "name", "Type": "category", "Bought": "purchase_date", '
           '"Cost": "purchase_cost", "SWL (kg)": "extra.safe_working_load_kg"}')


def register(path: Path, n: int, rng: random.Random) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Register")
    sheet.append(HEADER)
    for i in range(n):
        code, name, extra = ROWS[i % len(ROWS)]
        sheet.append([f"WID-{i:05d}", f"{name} {i}", code, f"SN{rng.randrange(10**8):08d}", "Arjo", "Maxi Move",
                      f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", round(rng.uniform(20, 3000), 2),
                      extra.get("SWL (kg)")])
    book.save(path)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def run_import(http: httpx.AsyncClient, headers: dict[str, str], home: str, path: Path,
                     dry_run: bool) -> tuple[float, dict[str, Any], float]:
    tracemalloc.start()
    started = time.perf_counter()
    with path.open("rb") as f:
        response = await http.post("/v1/imports", headers=headers, data={
            "home_id": home, "mapping": MAPPING, "dry_run": str(dry_run).lower()},
            files={"file": ("register.xlsx", f)})
    assert response.status_code == 202, response.text
    while True:
        job = (await http.get(response.headers["location"], headers=headers)).json()
        if job["status"] in ("succeeded", "failed"):
            break
        await asyncio.sleep(0.2)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, job, peak / 1024 / 1024


async def run_export(http: httpx.AsyncClient, headers: dict[str, str], fmt: str) -> tuple[float, float, int]:
    started = time.perf_counter()
    first, size = None, 0
    async with http.stream("GET", "/v1/exports/assets", params={"format": fmt}, headers=headers) as response:
        assert response.status_code == 200
        async for chunk in response.aiter_raw():
            if first is None:
                first = time.perf_counter() - started
            size += len(chunk)
    assert first is not None
    return first, time.perf_counter() - started, size


async def bench(url: str, rows: int, n_assets: int) -> None:
    app = create_app(Settings(database_url=url))
    issuer = TokenIssuer()
    issuer.install(app)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.05)
    officer = issuer.headers("estates_officer", sub="bench-officer")
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=300) as http:
            await _imports(http, officer, rows)
            await _exports(app, http, officer, url, n_assets)
    finally:
        server.should_exit = True
        await serving


async def _imports(http: httpx.AsyncClient, officer: dict[str, str], rows: int) -> None:
    home = (await http.post("/v1/homes", headers=officer, json={
        "name": "Widnes Bench Home", "address_line1": "Naughton Road", "town": "Widnes", "postcode": "WA8 3BW",
        "registered_beds": 40})).json()["id"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.xlsx"
        started = time.perf_counter()
        register(path, rows, random.Random(5))
        say(f"built a {rows:,}-row XLSX ({path.stat().st_size / 1024 / 1024:.1f} MB) in "
            f"{time.perf_counter() - started:.1f} s; peak RSS so far {peak_rss_mb():.0f} MB")
        for dry_run in (True, False):
            elapsed, job, peak = await run_import(http, officer, home, path, dry_run)
            say(f"import {'dry run' if dry_run else 'real   '}: {elapsed:5.1f} s  status {job['status']}, "
                f"{job['processed_rows']:,} rows, {job['created_assets']:,} created, {job['problem_count']} "
                f"problems; tracemalloc peak {peak:.1f} MB, process peak RSS {peak_rss_mb():.0f} MB")
            assert job["status"] == "succeeded", job["report"]["problems"][:5]


async def _exports(app: Any, http: httpx.AsyncClient, officer: dict[str, str], url: str, n_assets: int) -> None:
    started = time.perf_counter()
    data = await load(url, n_assets, 20, random.Random(4))
    await admin(url, "VACUUM ANALYZE")
    say(f"\nCOPY-loaded {data['assets']:,} more assets (and VACUUM ANALYZE) in {time.perf_counter() - started:.1f} s")
    for fmt in ("csv", "xlsx"):
        for _ in range(2):  # the second run with warm caches
            first, total, size = await run_export(http, officer, fmt)
            say(f"export {fmt:<4} of every asset: first byte {first * 1000:6.0f} ms, all {total:5.1f} s, "
                f"{size / 1024 / 1024:.1f} MB; process peak RSS {peak_rss_mb():.0f} MB")
    f = assets_repository.AssetFilter(homes=None)
    async with app.state.engine.connect() as conn:
        row = (await conn.execute(select(Asset.tag, Asset.id).order_by(Asset.tag, Asset.id)
                                  .offset(n_assets // 2).limit(1))).one()
    stmt = assets_repository.batch_query(f, (row.tag, row.id), 2000)
    await explain(app.state.engine, f"export keyset batch (2,000 rows, {n_assets // 2:,} in)", literal(stmt))
    tags = [f"WID-{i:05d}" for i in range(0, 10_000, 500)]  # 20 (a batch has 1,000; the plan is the same)
    await explain(app.state.engine, "import tag check (20 tags)",
                  literal(select(Asset.tag).where(Asset.tag.in_(tags))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--assets", type=int, default=100_000)
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"carehub_bench_{uuid.uuid4().hex[:10]}"
    url = with_database(server, name)
    asyncio.run(admin(server, f'CREATE DATABASE "{name}"'))
    try:
        migrations.upgrade(MIGRATIONS_DIR, url, SCHEMA)
        asyncio.run(bench(libpq(url), args.rows, args.assets))
    finally:
        asyncio.run(admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
