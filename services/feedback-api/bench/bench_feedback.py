# ruff: noqa: T201  (a command-line script: it reports by printing)
"""feedback-api benchmark: 20 homes, 5 years of monthly workforce returns, 20,000 feedback
items, 2,000 actions, 50 pulse surveys of 500 responses each.

Creates its own throwaway database on the server in DATABASE_URL (default: the local
PostgreSQL), migrates it, bulk-loads the data in SQL (generate_series), then measures the
real app in-process through httpx's ASGI transport, prints median and p95 per endpoint and
EXPLAIN (ANALYZE, BUFFERS) of every query the two headline requests make, and drops the
database at the end, even on failure.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python services/feedback-api/bench/bench_feedback.py [--rounds 40]

Targets (issue 8): the council-wide recommendations report under 200 ms median, one survey's
results under 100 ms median.
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid
from typing import Any

import asyncpg
import httpx
from sqlalchemy import event, make_url

from carehub_kit import migrations
from carehub_kit.testing import TokenIssuer
from feedback_api.db import SCHEMA
from feedback_api.main import MIGRATIONS_DIR, create_app
from feedback_api.settings import Settings

HOMES, MONTHS, ITEMS, ACTIONS, SURVEYS, RESPONSES = 20, 60, 20_000, 2_000, 50, 500
TARGETS_MS = {"council report": 200.0, "survey results": 100.0}


def dsn(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


# Sizes are formatted in (constants of this script); the home ids travel as $1.
LOAD = [
    # Workforce: one return per home and month, two role lines each.
    """INSERT INTO feedback.workforce_return (id, home_id, month, headcount, fte, vacancies, starters,
         leavers_voluntary, leavers_involuntary, first_year_leavers, sickness_days, staff_hours, agency_hours,
         agency_spend, level2_qualified, version)
       SELECT md5('wr' || h || '-' || m)::uuid, ($1::uuid[])[h + 1],
              (date_trunc('month', current_date) - make_interval(months => m + 1))::date,
              40 + h + m % 5, 32 + h * 0.8, 2 + (h + m) % 4, (h + m) % 3, (h + m) % 3,
              CASE WHEN m % 6 = 0 THEN 1 ELSE 0 END, CASE WHEN (h + m) % 3 > 0 AND m % 2 = 0 THEN 1 ELSE 0 END,
              20 + (h * 7 + m) % 15, 6000 + h * 50, 300 + h * 20 + (m % 4) * 30,
              (300 + h * 20 + (m % 4) * 30) * 26.5, 25, 1
       FROM generate_series(0, {homes} - 1) h, generate_series(0, {months} - 1) m""",
    """INSERT INTO feedback.workforce_role_line (return_id, role, headcount, fte, vacancies)
       SELECT id, 'care_worker', headcount - 8, fte - 6, vacancies FROM feedback.workforce_return
       UNION ALL SELECT id, 'ancillary', 8, 6, 0 FROM feedback.workforce_return""",
    # Feedback items over five years; a quarter anonymous.
    """INSERT INTO feedback.feedback_item (id, home_id, department, theme_id, kind, importance, summary, detail,
         anonymous, author_sub, author_name, reply_code_hash, raised_on, created_at, status, tags, version)
       SELECT md5('item' || i)::uuid, ($1::uuid[])[i % {homes} + 1], NULL,
              (SELECT array_agg(id ORDER BY code) FROM feedback.theme)[i % 9 + 1],
              (ARRAY['working', 'not_working', 'idea'])[i % 3 + 1],
              (ARRAY['low', 'medium', 'high', 'critical'])[i % 4 + 1],
              'Feedback item ' || i, NULL, i % 4 = 0,
              CASE WHEN i % 4 = 0 THEN NULL ELSE 'person-' || i % 400 END,
              CASE WHEN i % 4 = 0 THEN NULL ELSE 'Person ' || i % 400 END,
              md5('code' || i), current_date - (i % 1826), (current_date - (i % 1826))::timestamptz,
              (ARRAY['new', 'triaged', 'triaged', 'closed'])[i % 4 + 1], '{{}}', 1
       FROM generate_series(1, {items}) i""",
    """INSERT INTO feedback.feedback_contributor (home_id, month, person_hash)
       SELECT DISTINCT home_id, date_trunc('month', raised_on)::date, md5(coalesce(author_sub, id::text))
       FROM feedback.feedback_item""",
    # Actions, each answering five items; a spread of statuses, some overdue.
    """INSERT INTO feedback.feedback_action (id, home_id, theme_id, title, owner, raised_on, due_date, status,
         not_doing_reason, outcome, completed_on, version)
       SELECT md5('action' || a)::uuid, ($1::uuid[])[a % {homes} + 1], NULL, 'Action ' || a, 'Owner ' || a % 30,
              current_date - (a % 1800), current_date - (a % 1800) + 30 + a % 60,
              (ARRAY['proposed', 'agreed', 'in_progress', 'done', 'not_doing'])[a % 5 + 1],
              CASE WHEN a % 5 = 4 THEN 'Not affordable this year' END,
              CASE WHEN a % 5 = 3 THEN 'Done and checked' END,
              CASE WHEN a % 5 IN (3, 4) THEN current_date - (a % 1800) + 20 END, 1
       FROM generate_series(1, {actions}) a""",
    """INSERT INTO feedback.feedback_action_item (action_id, item_id)
       SELECT md5('action' || a)::uuid, md5('item' || (a * 5 + k))::uuid
       FROM generate_series(1, {actions}) a, generate_series(0, 4) k WHERE a * 5 + k <= {items}""",
    # Surveys: one closing about every five weeks, four questions, 500 responses each.
    """INSERT INTO feedback.survey (id, title, home_ids, roles, opens_at, closes_at, min_group_size, version)
       SELECT md5('s' || s)::uuid, 'Pulse ' || s, '{{}}', '{{}}', now() - make_interval(days => s * 36 + 21),
              now() - make_interval(days => s * 36), 5, 1
       FROM generate_series(1, {surveys}) s""",
    """INSERT INTO feedback.survey_question (id, survey_id, position, kind, text, options, required)
       SELECT md5('q' || s || '-' || p)::uuid, md5('s' || s)::uuid, p,
              (ARRAY['recommend', 'likert', 'single_choice', 'free_text'])[p], 'Question ' || p,
              CASE WHEN p = 3 THEN ARRAY['Days', 'Nights'] ELSE '{{}}' END, p < 4
       FROM generate_series(1, {surveys}) s, generate_series(1, 4) p""",
    """INSERT INTO feedback.survey_response (id, survey_id, home_id, submitted_on)
       SELECT md5('r' || s || '-' || r)::uuid, md5('s' || s)::uuid, ($1::uuid[])[(r * 7 + s) % {homes} + 1],
              (now() - make_interval(days => s * 36 + 1))::date
       FROM generate_series(1, {surveys}) s, generate_series(1, {responses}) r""",
    """INSERT INTO feedback.survey_receipt (survey_id, receipt_hash)
       SELECT md5('s' || s)::uuid, md5('receipt' || s || '-' || r)
       FROM generate_series(1, {surveys}) s, generate_series(1, {responses}) r""",
    """INSERT INTO feedback.survey_answer (response_id, question_id, score, choice, comment)
       SELECT md5('r' || s || '-' || r)::uuid, md5('q' || s || '-' || p)::uuid,
              CASE p WHEN 1 THEN (r * 37 + s) % 11 WHEN 2 THEN 1 + (r * 13 + s) % 5 END,
              CASE WHEN p = 3 THEN (ARRAY['Days', 'Nights'])[r % 2 + 1] END,
              CASE WHEN p = 4 THEN 'Comment ' || r % 50 END
       FROM generate_series(1, {surveys}) s, generate_series(1, {responses}) r, generate_series(1, 4) p
       WHERE p < 4 OR r % 5 = 0""",
]


async def load(url: str) -> tuple[list[uuid.UUID], uuid.UUID]:
    homes = [uuid.uuid5(uuid.NAMESPACE_URL, f"bench-home-{h}") for h in range(HOMES)]
    conn = await asyncpg.connect(dsn(url))
    try:
        started = time.perf_counter()
        sizes = {"homes": HOMES, "months": MONTHS, "items": ITEMS, "actions": ACTIONS, "surveys": SURVEYS,
                 "responses": RESPONSES}
        for template in LOAD:
            statement = template.format(**sizes)
            await conn.execute(statement, *([homes] if "$1" in statement else []))
        await conn.execute("VACUUM ANALYZE")
        counts = {t: await conn.fetchval(f"SELECT count(*) FROM feedback.{t}") for t in (
            "workforce_return", "feedback_item", "feedback_action", "survey", "survey_response", "survey_answer")}
        print(f"loaded in {time.perf_counter() - started:.1f} s: " + ", ".join(f"{k} {v:,}" for k, v in
                                                                             counts.items()))
        latest = await conn.fetchval("SELECT id FROM feedback.survey ORDER BY closes_at DESC LIMIT 1")
    finally:
        await conn.close()
    return homes, latest


async def timed(client: httpx.AsyncClient, url: str, headers: dict[str, str], rounds: int) -> list[float]:
    for _ in range(3):  # warm caches and the statement cache
        response = await client.get(url, headers=headers)
        assert response.status_code == 200, response.text
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = await client.get(url, headers=headers)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return samples


def report_line(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    median = statistics.median(ordered)
    target = TARGETS_MS.get(name)
    verdict = "" if target is None else f"  target < {target:.0f} ms: {'met' if median < target else 'MISSED'}"
    return f"{name:<28} median {median:7.1f} ms   p95 {p95:7.1f} ms   n={len(samples)}{verdict}"


async def explain(url: str, captured: list[tuple[str, Any]]) -> None:
    conn = await asyncpg.connect(dsn(url))
    try:
        for statement, params in captured:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            plan = await conn.fetch("EXPLAIN (ANALYZE, BUFFERS) " + statement, *(params or ()))
            print("\n" + statement.strip().replace("\n", " ")[:300])
            print("\n".join("    " + row[0] for row in plan))
    finally:
        await conn.close()


async def measure(url: str, homes: list[uuid.UUID], survey_id: uuid.UUID, rounds: int) -> None:
    app = create_app(Settings(database_url=url, log_level="WARNING"))
    issuer = TokenIssuer()
    issuer.install(app)
    admin = {"Authorization": f"Bearer {issuer.token('admin', sub='bench-admin')}"}
    manager = {"Authorization": f"Bearer {issuer.token('home_manager', homes=(str(homes[0]),), sub='bench-hm')}"}
    council_report = "/v1/reports/recommendations"
    results = f"/v1/surveys/{survey_id}/results"
    cases = [
        ("council report", council_report, admin),
        ("council report, 12 months", council_report + "?period_from=" + _year_ago(), admin),
        ("survey results", results, admin),
        ("home report", f"/v1/reports/recommendations?home_id={homes[0]}", manager),
        ("council board", "/v1/board", admin),
        ("survey scores series", "/v1/surveys/scores", admin),
        ("workforce series (5 y)", f"/v1/workforce/series?home_id={homes[0]}&month_from=2021-12-01", admin),
        ("items list page", "/v1/feedback-items?limit=50", admin),
        ("overdue actions page", "/v1/actions?overdue=true&limit=50", admin),
    ]
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            print()
            for name, path, headers in cases:
                print(report_line(name, await timed(client, path, headers, rounds)))
            captured: list[tuple[str, Any]] = []

            def capture(_conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
                captured.append((statement, params))

            event.listen(app.state.engine.sync_engine, "before_cursor_execute", capture)
            for path in (council_report, results):
                captured.clear()
                assert (await client.get(path, headers=admin)).status_code == 200
                print(f"\n===== EXPLAIN (ANALYZE, BUFFERS): the queries of GET {path}")
                await explain(url, list(captured))
            event.remove(app.state.engine.sync_engine, "before_cursor_execute", capture)


def _year_ago() -> str:
    from datetime import date, timedelta

    return (date.today() - timedelta(days=365)).isoformat()


async def admin_sql(url: str, sql: str) -> None:
    conn = await asyncpg.connect(dsn(url))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40, help="timed requests per endpoint (default 40)")
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"carehub_bench_{uuid.uuid4().hex[:10]}"
    url = dsn(server, name)
    asyncio.run(admin_sql(server, f'CREATE DATABASE "{name}"'))
    try:
        migrations.upgrade(MIGRATIONS_DIR, url, SCHEMA)
        homes, survey_id = asyncio.run(load(url))
        asyncio.run(measure(url, homes, survey_id, max(5, min(args.rounds, 500))))
    finally:
        asyncio.run(admin_sql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        print(f"\ndropped {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
