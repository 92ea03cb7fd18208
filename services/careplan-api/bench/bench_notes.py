"""Benchmark: daily notes at scale (issue 6).

Builds a throwaway database on the server in DATABASE_URL (default: the local PostgreSQL),
migrates it, COPY-loads 20 homes x 60 residents with current plans (12 sections each) and 90 days
of notes at ~20 a resident a day (~2.2 million), then measures through the real app served by
uvicorn on a loopback port:

  * one writer adding notes (median / p95 latency, target median < 10 ms);
  * 20 concurrent writers (notes/s, target >= 300);
  * one resident's notes for a day, and a home's due-reviews list (median, target < 50 ms);

prints EXPLAIN (ANALYZE, BUFFERS) of the main queries, and drops the database at the end, also
on failure. Run from the repository root:

    .venv/bin/python services/careplan-api/bench/bench_notes.py [--homes 20 --residents 60 --days 90]
"""

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy import event
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, DropIndex

from carehub_kit import migrations
from carehub_kit.auth import StaticKeys
from carehub_kit.db import make_engine, make_sessionmaker
from carehub_kit.testing import _libpq_dsn, with_database
from carehub_kit.tokens import SigningKey, claims_for, jwks
from careplan_api import clock
from careplan_api.careplans.domains import STANDARD_DOMAINS
from careplan_api.ids import uuid7
from careplan_api.main import MIGRATIONS_DIR, create_app
from careplan_api.notes import repository as notes_repository
from careplan_api.notes.models import DailyNote
from careplan_api.residents import repository as residents_repository
from careplan_api.reviews import repository as reviews_repository
from careplan_api.settings import Settings

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
CATEGORIES = ["personal_care", "food", "fluids", "mood_and_wellbeing", "activity", "sleep", "continence",
              "fluids", "personal_care", "fluids"]
TEXTS = ["Assisted with a wash and dressed in her chosen clothes.", "Ate most of her lunch; enjoyed the soup.",
         "Drank a cup of tea.", "Bright and chatty this morning.", "Joined the music session in the lounge.",
         "Slept well, checked hourly.", "Pad changed, skin intact.", "Glass of orange juice.",
         "Helped to the toilet, continent.", "Water with tablets."]
ENV_JWKS = "CAREPLAN_BENCH_JWKS"


def say(line: str) -> None:
    """The report is the script's output."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def bench_app() -> Any:
    """uvicorn factory for the server process: the real app, trusting the bench's signing key."""
    app = create_app(Settings(database_url=os.environ["DATABASE_URL"], db_pool_size=10))
    document = json.loads(os.environ[ENV_JWKS])

    async def load() -> dict[str, Any]:
        return document  # type: ignore[no-any-return]

    app.state.key_source = StaticKeys(load)
    return app


# ---------------------------------------------------------------- loading


def _resident_rows(homes: list[uuid.UUID], per_home: int, today: date) -> Iterator[tuple[Any, ...]]:
    for h, home in enumerate(homes):
        for i in range(per_home):
            yield (uuid.uuid4(), home, f"Given{h}-{i}", f"Family{i:03d}", None, date(1935 + i % 20, 1 + i % 12, 1),
                   "female" if i % 3 else "male", None, "trace_required", today - timedelta(days=400),
                   "active", today - timedelta(days=400), 1)


def _sections() -> list[dict[str, Any]]:
    return [{"id": str(uuid.uuid4()), "domain": code, "title": title, "needs": "Needs support.", "strengths": None,
             "goals": [], "interventions": [], "preferences": None, "equipment_asset_ids": [],
             "review_interval": "monthly"} for code, title in STANDARD_DOMAINS.items()]


def _note_rows(residents: list[tuple[uuid.UUID, uuid.UUID]], days: int, per_day: int,
               today: date) -> Iterator[tuple[Any, ...]]:
    start = datetime.combine(today - timedelta(days=days), datetime.min.time(), UTC)
    step = timedelta(hours=16) / per_day
    for resident, home in residents:
        for d in range(days):
            base = start + timedelta(days=d, hours=7)
            for n in range(per_day):
                k = (d + n) % len(CATEGORIES)
                category = CATEGORIES[k]
                yield (uuid7(), resident, home, base + step * n, category, TEXTS[k],
                       150 + 10 * (n % 10) if category == "fluids" else None, "carer-1", "Bench Carer")


async def load(dsn: str, homes: int, per_home: int, days: int, per_day: int) -> dict[str, Any]:
    today = clock.today()
    home_ids = [uuid.uuid4() for _ in range(homes)]
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("SET search_path = careplan")
        rows = list(_resident_rows(home_ids, per_home, today))
        await conn.copy_records_to_table("resident", schema_name="careplan", records=rows, columns=[
            "id", "home_id", "given_name", "family_name", "preferred_name", "date_of_birth", "sex", "nhs_number",
            "nhs_number_status", "admission_date", "status", "status_date", "version"])
        residents = [(r[0], r[1]) for r in rows]
        await _load_plans(conn, residents, today)
        started = time.perf_counter()
        total = await _load_notes(conn, residents, days, per_day, today)
        load_s = time.perf_counter() - started
        await conn.execute("VACUUM ANALYZE careplan.daily_note")
        await conn.execute("ANALYZE")
        # Write the load out now, so the measurements do not pay for its checkpoint.
        await conn.execute("CHECKPOINT")
    finally:
        await conn.close()
    return {"homes": home_ids, "residents": residents, "notes": total, "load_s": load_s}


async def _load_plans(conn: Any, residents: list[tuple[uuid.UUID, uuid.UUID]], today: date) -> None:
    plans, versions, schedules = [], [], []
    rng = random.Random(6)
    for resident, home in residents:
        plan, sections = uuid.uuid4(), _sections()
        plans.append((plan, resident, home, 1, 1, 1))
        versions.append((uuid.uuid4(), plan, resident, 1, "current", "Admission", json.dumps(sections), "nurse-1",
                         "Bench Nurse", "Bench Nurse", "nurse", datetime.now(UTC), "resident"))
        for s in sections:
            next_date = today + timedelta(days=rng.randint(-10, 30))
            schedules.append((uuid.uuid4(), plan, resident, home, uuid.UUID(s["id"]), s["domain"], s["title"],
                              "monthly", 1, today - timedelta(days=60), next_date - timedelta(days=30), next_date,
                              True))
    await conn.copy_records_to_table("care_plan", schema_name="careplan", records=plans, columns=[
        "id", "resident_id", "home_id", "current_number", "latest_number", "version"])
    await conn.copy_records_to_table("care_plan_version", schema_name="careplan", records=versions, columns=[
        "id", "plan_id", "resident_id", "number", "status", "reason", "sections", "author_sub", "author_name",
        "signed_off_by_name", "signed_off_role", "signed_off_at", "involvement"])
    await conn.copy_records_to_table("review_schedule", schema_name="careplan", records=schedules, columns=[
        "id", "plan_id", "resident_id", "home_id", "section_id", "domain", "title", "interval",
        "plan_version_number", "scheduled_from", "last_reviewed_date", "next_review_date", "active"])


async def _load_notes(conn: Any, residents: list[tuple[uuid.UUID, uuid.UUID]], days: int, per_day: int,
                      today: date) -> int:
    """COPY in chunks with the secondary indexes dropped, then rebuild them (much faster than
    maintaining three b-trees row by row)."""
    dialect = postgresql.dialect()
    indexes = list(DailyNote.__table__.indexes)
    for index in indexes:
        await conn.execute(str(DropIndex(index).compile(dialect=dialect)))
    columns = ["id", "resident_id", "home_id", "occurred_at", "category", "text", "fluid_ml", "author_sub",
               "author_name"]
    total, chunk = 0, []
    for row in _note_rows(residents, days, per_day, today):
        chunk.append(row)
        if len(chunk) == 100_000:
            await conn.copy_records_to_table("daily_note", schema_name="careplan", records=chunk, columns=columns)
            total, chunk = total + len(chunk), []
    if chunk:
        await conn.copy_records_to_table("daily_note", schema_name="careplan", records=chunk, columns=columns)
        total += len(chunk)
    await conn.execute("SET maintenance_work_mem = '256MB'")
    for index in indexes:
        await conn.execute(str(CreateIndex(index).compile(dialect=dialect)))
    return total


# ---------------------------------------------------------------- measuring


def _tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return [pid]
    return [pid, *(p for child in children for p in _tree(int(child)))]


def server_cpu_s(pid: int) -> float:
    """User + system CPU seconds of the app server (and its workers), from /proc."""
    ticks = 0
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(database_url: str, key: SigningKey, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": database_url, ENV_JWKS: json.dumps(jwks([key])),
           "CAREPLAN_LOG_LEVEL": "WARNING"}
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "bench_notes:bench_app", "--app-dir", str(Path(__file__).parent),
         "--host", "127.0.0.1", "--port", str(port), "--loop", "uvloop", "--http", "httptools", "--no-access-log",
         "--log-level", "warning", "--workers", str(workers)], env=env)


async def wait_ready(base: str) -> None:
    async with httpx.AsyncClient(base_url=base) as client:
        for _ in range(100):
            try:
                if (await client.get("/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("the app did not become ready")


def summary(label: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"{label:<34} n={len(ms):<5} median {statistics.median(ms):6.2f} ms   p95 {p95:6.2f} ms"


async def timed(call: Callable[[], Awaitable[httpx.Response]], expect: int) -> float:
    started = time.perf_counter()
    response = await call()
    elapsed = time.perf_counter() - started
    if response.status_code != expect:
        raise RuntimeError(f"unexpected {response.status_code}: {response.text[:300]}")
    return elapsed


def note_body(rng: random.Random) -> dict[str, Any]:
    at = datetime.now(UTC) - timedelta(minutes=rng.randint(1, 600))
    if rng.random() < 0.3:
        return {"occurred_at": at.isoformat(), "category": "fluids", "text": "Cup of tea.", "fluid_ml": 200}
    return {"occurred_at": at.isoformat(), "category": "mood_and_wellbeing", "text": "Settled and content."}


async def measure(base: str, key: SigningKey, data: dict[str, Any], rounds: int, server_pid: int) -> None:
    homes = [str(h) for h in data["homes"]]
    token = key.sign(claims_for(sub="bench-carer", name="Bench Carer", roles=["care_worker"], homes=homes,
                                issuer="carehub", lifetime_s=3600))
    headers = {"Authorization": f"Bearer {token}"}
    residents = [str(r) for r, _ in data["residents"]]
    rng = random.Random(1)
    limits = httpx.Limits(max_connections=40, max_keepalive_connections=40)
    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=30) as client:
        def post_note() -> Awaitable[httpx.Response]:
            return client.post(f"/v1/residents/{rng.choice(residents)}/notes", json=note_body(rng))

        for _ in range(50):  # warm up connections, caches and the JIT-less code paths
            await timed(post_note, 201)
        single = [await timed(post_note, 201) for _ in range(rounds)]
        say(summary("single writer: add a note", single))

        writers, per_writer = 20, max(10, rounds // 2)

        async def writer() -> list[float]:
            return [await timed(post_note, 201) for _ in range(per_writer)]

        started, cpu = time.perf_counter(), server_cpu_s(server_pid)
        results = await asyncio.gather(*(writer() for _ in range(writers)))
        wall, cpu = time.perf_counter() - started, server_cpu_s(server_pid) - cpu
        latencies = [t for r in results for t in r]
        say(summary(f"{writers} writers: add a note", latencies))
        say(f"{'':<34} {len(latencies)} notes in {wall:.2f} s = {len(latencies) / wall:.0f} notes/s; "
            f"app CPU {1000 * cpu / len(latencies):.2f} ms a note")

        day = (clock.today() - timedelta(days=3)).isoformat()
        day_reads = [await timed(lambda: client.get(f"/v1/residents/{rng.choice(residents)}/notes",
                                                    params={"date": day, "sort": "occurred_at", "limit": 50}), 200)
                     for _ in range(rounds)]
        say(summary("one resident's notes for a day", day_reads))
        due_reads = [await timed(lambda: client.get("/v1/reviews/due", params={
            "home_id": rng.choice(homes), "within_days": 7, "limit": 50}), 200) for _ in range(rounds)]
        say(summary("a home's due-reviews list", due_reads))


async def explain(database_url: str, data: dict[str, Any]) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of the statements the app really sends, captured from the
    repository functions."""
    engine = make_engine(database_url)
    captured: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        captured.append((statement, parameters))

    resident, home = data["residents"][7]
    since, until = clock.day_bounds(clock.today() - timedelta(days=3))
    try:
        async with make_sessionmaker(engine)() as session:
            event.listen(engine.sync_engine, "before_cursor_execute", grab)
            await residents_repository.access_row(session, resident)
            await notes_repository.page(session, resident, since=since, until=until, category=None,
                                        sort="occurred_at", cursor=None, limit=50)
            await reviews_repository.due_page(session, home, due_by=clock.today() + timedelta(days=7),
                                              overdue_before=None, cursor=None, limit=50)
            await notes_repository.fluid_totals(session, resident, since, until)
            event.remove(engine.sync_engine, "before_cursor_execute", grab)
        async with engine.connect() as conn:
            for statement, parameters in captured:
                plan = await conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
                say("\n" + " ".join(statement.split())[:400])
                say("\n".join("    " + row[0] for row in plan))
    finally:
        await engine.dispose()


async def run(args: argparse.Namespace) -> None:
    server = os.environ.get("DATABASE_URL", DEFAULT_SERVER)
    name = f"careplan_bench_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(_libpq_dsn(server))
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = with_database(server, name)
    process = None
    try:
        await asyncio.to_thread(migrations.upgrade, MIGRATIONS_DIR, url, "careplan")
        started = time.perf_counter()
        data = await load(_libpq_dsn(url), args.homes, args.residents, args.days, args.notes_per_day)
        say(f"loaded {len(data['homes'])} homes, {len(data['residents'])} residents, {data['notes']:,} notes "
              f"(notes COPY + index build {data['load_s']:.1f} s; all loading and ANALYZE "
              f"{time.perf_counter() - started:.1f} s)")
        key, port = SigningKey.generate(), _free_port()
        process = start_server(url, key, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        await wait_ready(base)
        await measure(base, key, data, args.rounds, process.pid)
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
    parser.add_argument("--rounds", type=int, default=300, help="requests per timed loop")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
