"""Benchmark: care record part 2 (issue 7) on the part-1 benchmark data.

Builds a throwaway database on the server in DATABASE_URL (default: the local PostgreSQL),
migrates it and loads the data set of `bench_notes.py` (20 homes x 60 residents, current
12-section plans, 90 days x 20 notes a resident a day), then adds part-2 records: 6 risk
assessments a resident, 2 consent records, a DoLS authorisation for every third resident (expiries
spread over the next year), and marks 2 % of notes as flagged for handover and 1 % as incidents.
It serves the real app with uvicorn on a loopback port and measures:

  * a home's handover for a 12-hour shift (target median < 50 ms);
  * a home's DoLS authorisations expiring within 28 days (target median < 50 ms);
  * one resident's FHIR bundle (target median < 100 ms);
  * a whole home's supplier-exit export: time to the first byte (target < 1 s), total time, size;

prints EXPLAIN (ANALYZE, BUFFERS) of the statements behind them, and drops the database at the
end, also on failure. Run from the repository root:

    .venv/bin/python services/careplan-api/bench/bench_part2.py [--homes 20 --residents 60 --days 90]
"""

import argparse
import asyncio
import json
import os
import random
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_notes as part1  # noqa: E402  (the part-1 loader and server, next to this file)

from carehub_kit import migrations  # noqa: E402
from carehub_kit.db import make_engine, make_sessionmaker  # noqa: E402
from carehub_kit.testing import _libpq_dsn, with_database  # noqa: E402
from carehub_kit.tokens import SigningKey, claims_for  # noqa: E402
from careplan_api import clock  # noqa: E402
from careplan_api.consent import repository as consent_repository  # noqa: E402
from careplan_api.handover import repository as handover_repository  # noqa: E402
from careplan_api.ids import uuid7  # noqa: E402
from careplan_api.main import MIGRATIONS_DIR  # noqa: E402

say = part1.say
FALLS_ITEMS = {"recent_falls": "none_in_12_months", "medications": 2, "psychological": "mildly", "amts": 8}


def _risk_rows(residents: list[tuple[uuid.UUID, uuid.UUID]], now: datetime) -> list[tuple[Any, ...]]:
    rows = []
    for r, (resident, home) in enumerate(residents):
        for k in range(6):
            at = now - timedelta(minutes=30 + 60 * (r % 12), days=15 * k)  # the newest in the measured shift
            high = (r + k) % 7 == 0
            rows.append((uuid7(), resident, home, "falls", at, json.dumps(FALLS_ITEMS),
                         json.dumps({"recent_falls": 2, "medications": 3, "psychological": 2, "cognitive_status": 2}),
                         17 if high else 9, "high" if high else "low", high, "Prompt for a multifactorial assessment.",
                         "bench-nurse", "Bench Nurse"))
    return rows


async def load_part2(dsn: str, residents: list[tuple[uuid.UUID, uuid.UUID]]) -> None:
    today, now = clock.today(), datetime.fromisoformat(_window()["to"])
    conn = await asyncpg.connect(dsn)
    try:
        await conn.copy_records_to_table("risk_assessment", schema_name="careplan", records=_risk_rows(residents, now),
                                         columns=["id", "resident_id", "home_id", "tool", "assessed_at", "items",
                                                  "item_scores", "score", "band", "high_risk", "action",
                                                  "assessor_sub", "assessor_name"])
        consents = [(uuid.uuid4(), resident, home, scope, "given", "resident", today - timedelta(days=300),
                     "bench", "Bench Nurse")
                    for resident, home in residents for scope in ("care", "information_sharing")]
        await conn.copy_records_to_table("consent", schema_name="careplan", records=consents, columns=[
            "id", "resident_id", "home_id", "scope", "decision", "given_by", "decision_date", "recorded_by_sub",
            "recorded_by_name"])
        rng = random.Random(7)
        dols = []
        for resident, home in residents[::3]:
            expires = today + timedelta(days=rng.randint(0, 364))
            dols.append((uuid.uuid4(), resident, home, "authorisation", "standard", "Northshire County Council",
                         expires - timedelta(days=365), expires - timedelta(days=365), expires, "[]", "bench",
                         "Bench Manager"))
        await conn.copy_records_to_table("dols_record", schema_name="careplan", records=dols, columns=[
            "id", "resident_id", "home_id", "stage", "kind", "supervisory_body", "event_date", "starts_on",
            "expires_on", "conditions", "recorded_by_sub", "recorded_by_name"])
        # Notes are append-only; this throwaway database lifts the guard to flag some after COPY.
        await conn.execute("ALTER TABLE careplan.daily_note DISABLE TRIGGER daily_note_append_only")
        await conn.execute("UPDATE careplan.daily_note SET handover = true WHERE abs(hashtext(id::text)) % 50 = 0")
        await conn.execute("UPDATE careplan.daily_note SET category = 'incident', fluid_ml = NULL "
                           "WHERE abs(hashtext(id::text)) % 100 = 1")
        await conn.execute("ALTER TABLE careplan.daily_note ENABLE TRIGGER daily_note_append_only")
        await conn.execute("VACUUM ANALYZE")
        await conn.execute("CHECKPOINT")
    finally:
        await conn.close()


def _window() -> dict[str, str]:
    """Yesterday's day shift (07:00-19:00 UTC): the loaded notes end yesterday."""
    end = datetime.combine(clock.today() - timedelta(days=1), datetime.min.time(), UTC) + timedelta(hours=19)
    return {"from": (end - timedelta(hours=12)).isoformat(), "to": end.isoformat()}


async def _first_byte(client: httpx.AsyncClient, url: str) -> tuple[float, float, int]:
    started = time.perf_counter()
    first, size = None, 0
    async with client.stream("GET", url) as response:
        if response.status_code != 200:
            raise RuntimeError(f"export answered {response.status_code}")
        async for chunk in response.aiter_bytes():
            first = first or time.perf_counter() - started
            size += len(chunk)
    return first or 0.0, time.perf_counter() - started, size


async def _loop(make: Any, n: int) -> list[float]:
    await part1.timed(lambda: make(0), 200)  # warm up
    seconds = []
    for i in range(n):
        seconds.append(await part1.timed(lambda i=i: make(i), 200))
    return seconds


async def measure(base: str, key: SigningKey, data: dict[str, Any], rounds: int) -> None:
    homes = [str(h) for h in data["homes"]]
    token = key.sign(claims_for(sub="bench-manager", name="Bench Manager", roles=["home_manager"], homes=homes,
                                issuer="carehub", lifetime_s=3600))
    headers = {"Authorization": f"Bearer {token}"}
    residents = data["residents"]
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as client:
        for label, make, n in (
            ("handover, 12-hour shift", lambda i: client.get("/v1/handover", params={
                "home_id": homes[i % len(homes)], **_window()}), rounds),
            ("DoLS expiring within 28 days", lambda i: client.get("/v1/dols/expiring", params={
                "home_id": homes[i % len(homes)], "within_days": 28}), rounds),
            ("FHIR bundle of one resident", lambda i: client.get(
                f"/v1/residents/{residents[(i * 37) % len(residents)][0]}/fhir"), rounds),
        ):
            say(part1.summary(label, await _loop(make, n)))
        sample = (await client.get("/v1/handover", params={"home_id": homes[0], **_window()})).json()
        say(f"  (one handover: {len(sample['incidents'])} incidents, {len(sample['handover_notes'])} flagged notes, "
            f"{len(sample['risk_results'])} risk results, {len(sample['reviews_due'])} reviews due)")
        for i in range(3):
            first, total, size = await _first_byte(client, f"/v1/homes/{homes[i]}/export")
            say(f"supplier-exit export of a home        first byte {first * 1000:7.1f} ms   whole "
                f"{total:5.1f} s   {size / 1e6:6.1f} MB")


async def explain(database_url: str, data: dict[str, Any]) -> None:
    engine = make_engine(database_url)
    captured: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        captured.append((statement, parameters))

    home = data["homes"][0]
    window = _window()
    since, until = datetime.fromisoformat(window["from"]), datetime.fromisoformat(window["to"])
    try:
        async with make_sessionmaker(engine)() as session:
            event.listen(engine.sync_engine, "before_cursor_execute", grab)
            await handover_repository.notes(session, home, since, until)
            await handover_repository.risks(session, home, since, until)
            await handover_repository.reviews_due(session, home, until.date())
            await consent_repository.expiring_page(session, home, since=clock.today(),
                                                   until=clock.today() + timedelta(days=28), cursor=None, limit=50)
            event.remove(engine.sync_engine, "before_cursor_execute", grab)
        async with engine.connect() as conn:
            for statement, parameters in captured:
                plan = await conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
                say("\n" + " ".join(statement.split())[:400])
                say("\n".join("    " + row[0] for row in plan))
    finally:
        await engine.dispose()


async def run(args: argparse.Namespace) -> None:
    server = os.environ.get("DATABASE_URL", part1.DEFAULT_SERVER)
    name = f"careplan_bench2_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(_libpq_dsn(server))
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = with_database(server, name)
    process = None
    try:
        await asyncio.to_thread(migrations.upgrade, MIGRATIONS_DIR, url, "careplan")
        started = time.perf_counter()
        data = await part1.load(_libpq_dsn(url), args.homes, args.residents, args.days, args.notes_per_day)
        await load_part2(_libpq_dsn(url), data["residents"])
        say(f"loaded {len(data['homes'])} homes, {len(data['residents'])} residents, {data['notes']:,} notes, "
            f"part-2 records (all loading {time.perf_counter() - started:.1f} s)")
        key, port = SigningKey.generate(), part1._free_port()
        process = part1.start_server(url, key, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        await part1.wait_ready(base)
        await measure(base, key, data, args.rounds)
        await explain(url, data)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=10)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--homes", type=int, default=20)
    parser.add_argument("--residents", type=int, default=60, help="per home")
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--notes-per-day", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=100, help="requests per timed loop")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
