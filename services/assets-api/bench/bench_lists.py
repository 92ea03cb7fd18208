"""Benchmark: asset lists and compliance with 100,000 assets across 20 homes.

Creates its own throwaway database on the server in DATABASE_URL (default: a local PostgreSQL),
migrates it, bulk-loads homes, locations, assets and inspections with COPY, builds the due
schedule with the service's own set-based SQL, then measures through the real app in-process
(httpx + ASGITransport, real bearer tokens): a filtered and sorted list page (limit 50), a page
deep in the same list, and one home's compliance summary. Prints median / p95 and the EXPLAIN
(ANALYZE, BUFFERS) of the main queries, and drops the database at the end, even on failure.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python services/assets-api/bench/bench_lists.py [--assets 100000] [--homes 20]
"""

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
import uuid
from datetime import date, timedelta
from typing import Any

import asyncpg
import httpx
from sqlalchemy import text
from sqlalchemy.dialects import postgresql

from assets_api.assets import repository as assets_repository
from assets_api.compliance import repository as compliance_repository
from assets_api.db import SCHEMA
from assets_api.main import MIGRATIONS_DIR, create_app
from assets_api.schedule import service as schedule
from assets_api.settings import Settings
from carehub_kit import migrations
from carehub_kit.pagination import encode_cursor, paginate_query
from carehub_kit.testing import TokenIssuer, running, with_database

# How common each library category is in a care home's asset register (relative weights).
WEIGHTS = {
    "profiling_bed": 14, "pressure_mattress": 12, "bed_rail": 8, "wheelchair": 6, "portable_appliance": 18,
    "it_device": 4, "nurse_call_point": 8, "sling": 5, "hoist": 3, "stand_aid": 1, "bath_lift": 1,
    "emergency_light": 6, "extinguisher": 4, "water_outlet_sentinel": 2, "water_outlet_little_used": 2,
    "tmv": 3, "boiler": 0.3, "fire_alarm_panel": 0.1, "electrical_installation": 0.1, "vehicle": 0.1,
}
RUNS, WARMUP = 200, 20


def say(*lines: str) -> None:
    sys.stdout.write("\n".join(lines) + "\n")


def libpq(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def admin(server: str, sql: str) -> None:
    conn = await asyncpg.connect(libpq(server))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def load(url: str, n_assets: int, n_homes: int, rng: random.Random) -> dict[str, Any]:
    conn = await asyncpg.connect(libpq(url))
    try:
        return await _load(conn, n_assets, n_homes, rng)
    finally:
        await conn.close()


async def _load(conn: Any, n_assets: int, n_homes: int, rng: random.Random) -> dict[str, Any]:
    categories = {r["code"]: r["id"] for r in await conn.fetch("SELECT id, code FROM assets.category")}
    rules = await conn.fetch("SELECT id, category_id, interval_value, interval_unit, thresholds "
                             "FROM assets.inspection_rule")
    rules_by_category: dict[uuid.UUID, list[Any]] = {}
    for r in rules:
        rules_by_category.setdefault(r["category_id"], []).append(r)
    homes = [(uuid.uuid4(), f"Bench Home {i:02d}") for i in range(n_homes)]
    await conn.copy_records_to_table("home", schema_name="assets", columns=[
        "id", "name", "address_line1", "town", "postcode", "registered_beds", "status", "version"],
        records=[(h, name, "1 High Street", "Widnes", "WA8 1AA", 40, "active", 1) for h, name in homes])
    locations, rooms_of = [], {}
    for home, _ in homes:
        building = uuid.uuid4()
        locations.append((building, home, None, f"{building}/", 0, "building", "Main house", None, None, None, 1))
        rooms_of[home] = []
        for f in range(3):
            floor = uuid.uuid4()
            locations.append((floor, home, building, f"{building}/{floor}/", 1, "floor", f"Floor {f}", None, None,
                              None, 1))
            for r in range(15):
                room = uuid.uuid4()
                locations.append((room, home, floor, f"{building}/{floor}/{room}/", 2, "room", f"Room {f}{r:02d}",
                                  "resident_room", f"{f}{r:02d}", 1, 1))
                rooms_of[home].append(room)
    await conn.copy_records_to_table("location", schema_name="assets", columns=[
        "id", "home_id", "parent_id", "path", "depth", "kind", "name", "room_type", "room_number", "bed_count",
        "version"], records=locations)
    codes, weights = list(WEIGHTS), list(WEIGHTS.values())
    assets, inspections, today = [], [], date.today()
    for i in range(n_assets):
        home = homes[i % n_homes][0]
        code = rng.choices(codes, weights)[0]
        asset = uuid.uuid4()
        status = "in_service" if rng.random() < 0.95 else rng.choice(("out_of_service", "awaiting_repair"))
        assets.append((asset, f"CH-{i + 1:06d}", home, rng.choice(rooms_of[home]), categories[code],
                       f"{code.replace('_', ' ').title()} {i + 1}", f"SN{rng.randrange(10**7):07d}", "Acme",
                       f"Model {rng.randrange(40)}", status, rng.choice("AABBBCD"), "{}", 1))
        for rule in rules_by_category.get(categories[code], []):
            step = rule["interval_value"] * (30 if rule["interval_unit"] == "months" else 1)
            for back in (step, 0):  # the latest and the one before it
                age = rng.randrange(0, int(step * 1.15) + 1) + back
                inspections.append((uuid.uuid4(), asset, rule["id"], home, today - timedelta(days=age),
                                    "fail" if rng.random() < 0.01 else "pass", "Bench Inspector", "bench"))
    await conn.copy_records_to_table("asset", schema_name="assets", columns=[
        "id", "tag", "home_id", "location_id", "category_id", "name", "serial", "make", "model", "status",
        "condition", "extra", "version"], records=assets)
    await conn.copy_records_to_table("inspection", schema_name="assets", columns=[
        "id", "asset_id", "rule_id", "home_id", "inspected_date", "outcome", "inspector_name", "recorded_by"],
        records=inspections)
    return {"homes": homes, "assets": len(assets), "inspections": len(inspections), "locations": len(locations),
}


def summarise(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"{name:<46} median {statistics.median(ordered):6.2f} ms   p95 {p95:6.2f} ms   (n={len(ordered)})"


async def measure(http: httpx.AsyncClient, url: str, params: dict[str, Any], headers: dict[str, str]) -> list[float]:
    samples = []
    for i in range(WARMUP + RUNS):
        started = time.perf_counter()
        response = await http.get(url, params=params, headers=headers)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.text
        if i >= WARMUP:
            samples.append(elapsed)
    return samples


async def explain(engine: Any, title: str, sql: str) -> None:
    async with engine.connect() as conn:
        plan = (await conn.execute(text(f"EXPLAIN (ANALYZE, BUFFERS) {sql}"))).scalars().all()
    say(f"\n--- EXPLAIN (ANALYZE, BUFFERS): {title}\n" + "\n".join(plan))


def literal(stmt: Any) -> str:
    return str(stmt.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))


async def bench(url: str, data: dict[str, Any]) -> None:
    app = create_app(Settings(database_url=url))
    issuer = TokenIssuer()
    issuer.install(app)
    home = data["homes"][0][0]
    manager = issuer.headers("home_manager", homes=(str(home),), sub="bench-manager")
    async with running(app) as http:
        filtered = {"home_id": str(home), "status": "in_service", "sort": "name", "limit": 50,
                    "category_id": str(await _category(app, "profiling_bed"))}
        broad = {"home_id": str(home), "sort": "name", "limit": 50}
        deep_pages = max(1, int(data["assets"] / len(data["homes"]) / 50 * 0.8))
        cursor = await _deep_cursor(http, broad, manager, pages=deep_pages)
        deep = {**broad, "cursor": cursor}
        deep_filtered_cursor = await _deep_cursor(http, filtered, manager, pages=2)
        results = [
            ("list: home+category+status, sort name, page 1", await measure(http, "/v1/assets", filtered, manager)),
            ("list: same filters, page 3", await measure(http, "/v1/assets", {**filtered,
                                                                               "cursor": deep_filtered_cursor},
                                                         manager)),
            ("list: home, sort name, page 1", await measure(http, "/v1/assets", broad, manager)),
            (f"list: home, sort name, page {deep_pages + 1} (deep)", await measure(http, "/v1/assets", deep, manager)),
            ("list: q=sn12 (prefix search), one home", await measure(http, "/v1/assets", {
                "home_id": str(home), "q": "sn12", "limit": 50}, manager)),
            ("compliance summary, one home", await measure(http, "/v1/compliance/summary",
                                                           {"home_id": str(home)}, manager)),
            ("compliance items: overdue, one home", await measure(http, "/v1/compliance/items", {
                "home_id": str(home), "state": "overdue"}, manager)),
        ]
        say(f"\nMeasured in-process (httpx ASGITransport, bearer token verified per request), "
              f"{RUNS} runs after {WARMUP} warm-up:")
        for name, samples in results:
            say(summarise(name, samples))
        await _explains(app, home, filtered)


async def _category(app: Any, code: str) -> uuid.UUID:
    async with app.state.engine.connect() as conn:
        return (await conn.execute(text("SELECT id FROM assets.category WHERE code = :c"), {"c": code})).scalar_one()


async def _deep_cursor(http: httpx.AsyncClient, params: dict[str, Any], headers: dict[str, str], pages: int) -> str:
    """The cursor for page `pages + 1`, got by walking the list as a client would."""
    cursor = None
    for _ in range(pages):
        page = (await http.get("/v1/assets", params={**params, **({"cursor": cursor} if cursor else {})},
                               headers=headers)).json()
        if not page["next_cursor"]:
            break  # a small data set: the deepest page there is
        cursor = page["next_cursor"]
    assert cursor, "the list has a single page"
    return cursor


async def _explains(app: Any, home: uuid.UUID, filtered: dict[str, Any]) -> None:
    f = assets_repository.AssetFilter(homes=frozenset({home}), category_id=uuid.UUID(filtered["category_id"]),
                                      status="in_service")  # type: ignore[arg-type]
    stmt = paginate_query(assets_repository.list_query(f), sort="name", allowed=assets_repository.SORTS,
                          id_col=assets_repository.Asset.id, cursor=None, limit=50)
    await explain(app.state.engine, "filtered, sorted list page", literal(stmt))
    async with app.state.engine.connect() as conn:
        row = (await conn.execute(text(
            "SELECT name, id FROM assets.asset WHERE home_id = :h AND category_id = :c ORDER BY name, id "
            "OFFSET 300 LIMIT 1"), {"h": home, "c": f.category_id})).one()
    stmt = paginate_query(assets_repository.list_query(f), sort="name", allowed=assets_repository.SORTS,
                          id_col=assets_repository.Asset.id, cursor=encode_cursor("name", row.name, row.id), limit=50)
    await explain(app.state.engine, "filtered, sorted list, deep page (keyset, 300 rows in)", literal(stmt))
    broad = assets_repository.AssetFilter(homes=frozenset({home}))
    async with app.state.engine.connect() as conn:
        row = (await conn.execute(text(
            "SELECT name, id FROM assets.asset WHERE home_id = :h ORDER BY name, id OFFSET 4000 LIMIT 1"),
            {"h": home})).one()
    stmt = paginate_query(assets_repository.list_query(broad), sort="name", allowed=assets_repository.SORTS,
                          id_col=assets_repository.Asset.id, cursor=encode_cursor("name", row.name, row.id), limit=50)
    await explain(app.state.engine, "deep page (keyset, 4,000 rows in)", literal(stmt))
    stmt = compliance_repository.counts_query(frozenset({home}), date.today())
    await explain(app.state.engine, "compliance summary for one home", literal(stmt))


async def build_schedule(url: str) -> None:
    app = create_app(Settings(database_url=url))
    async with app.router.lifespan_context(app):
        async with app.state.sessionmaker() as session, session.begin():
            await schedule.refresh_all(session)
        async with app.state.engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text("VACUUM ANALYZE"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--homes", type=int, default=20)
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"carehub_bench_{uuid.uuid4().hex[:10]}"
    url = with_database(server, name)
    asyncio.run(admin(server, f'CREATE DATABASE "{name}"'))
    try:
        started = time.perf_counter()
        migrations.upgrade(MIGRATIONS_DIR, url, SCHEMA)
        data = asyncio.run(load(url, args.assets, args.homes, random.Random(4)))
        loaded = time.perf_counter()
        asyncio.run(build_schedule(url))
        scheduled = time.perf_counter()
        say(json.dumps({k: data[k] for k in ("assets", "inspections", "locations")} | {"homes": args.homes}))
        say(f"migrate + COPY load {loaded - started:.1f} s; due schedule for every asset (one set-based "
              f"statement) + VACUUM ANALYZE {scheduled - loaded:.1f} s")
        asyncio.run(bench(url, data))
    finally:
        asyncio.run(admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
