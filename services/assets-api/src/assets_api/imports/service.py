"""Asset imports. `submit` checks the upload and records the job (in the request's transaction);
`run` does the work in a background task with sessions of its own:

- every row is checked (fields, category and its JSON Schema, location, duplicate tags in the file
  and in the database) and every problem reported as (row, column, problem);
- a dry run writes nothing but the job's report;
- a real import inserts in batches inside ONE transaction, and rolls it all back if any row has a
  problem: all or nothing. Each created asset gets its audit row in that same transaction."""

import json
import logging
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from assets_api.assets import service as assets_service
from assets_api.db import audit
from assets_api.imports import reading, repository
from assets_api.imports.models import ImportJob, ImportStatus
from assets_api.imports.rows import Checker, ImportRow, map_columns
from assets_api.schedule import service as schedule
from assets_api.scope import require_home
from assets_api.types import field_error
from carehub_kit.errors import not_found
from carehub_kit.identity import Actor

log = logging.getLogger(__name__)
BATCH = 1000
MAX_REPORTED = 1000  # problems kept in the report; problem_count has them all
ENTITY = "asset"


def parse_mapping(raw: str | None) -> dict[str, str]:
    try:
        mapping = json.loads(raw) if raw else {}
    except json.JSONDecodeError as e:
        raise field_error("mapping", f"not JSON: {e.msg}", "json_invalid") from e
    if not isinstance(mapping, dict) or not all(isinstance(k, str) and isinstance(v, str) and len(k) <= 200
                                                and len(v) <= 100 for k, v in mapping.items()):
        raise field_error("mapping", "an object of file column heading -> field name", "mapping_invalid")
    return mapping


def file_format(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise field_error("file", "send a .csv or .xlsx file", "unsupported_format")
    return suffix[1:]


async def submit(session: AsyncSession, actor: Actor, home_id: uuid.UUID, path: Path, file_name: str,
                 mapping: dict[str, str], dry_run: bool) -> ImportJob:
    await assets_service.live_home(session, actor, home_id)
    fmt = file_format(file_name)
    encoding = reading.csv_encoding(path) if fmt == "csv" else None
    if fmt == "xlsx":
        reading.check_xlsx(path)
    job = ImportJob(home_id=home_id, file_name=file_name[:200], file_format=fmt, dry_run=dry_run, mapping=mapping,
                    created_by=actor.sub, report={"encoding": encoding} if encoding else {})
    session.add(job)
    await session.flush()
    await audit.record(session, actor, "import" if not dry_run else "import_check", "import_job", job.id,
                       home_id=home_id, details={"format": fmt})
    return job


# A queued job's runner starts as the upload's response is sent; one still queued this long
# after has lost its process.
QUEUED_GRACE = timedelta(minutes=2)
INTERRUPTED = ("the import was interrupted when Care Hub restarted; nothing was imported from it, "
               "so upload the file again")


async def get(session: AsyncSession, actor: Actor, job_id: uuid.UUID) -> ImportJob:
    job = await repository.get(session, job_id)
    if job is None:
        raise not_found("import")
    require_home(actor, job.home_id, "import")
    if await _interrupted(session, job):
        # Its transaction died with the process, so nothing of it was written: say so, and
        # never leave a poller waiting on "running" for ever.
        job.status, job.finished_at, job.problem_count = ImportStatus.failed, datetime.now(UTC), 1
        job.report = {**job.report, "problems": [{"row": None, "column": None, "problem": INTERRUPTED}]}
        await session.flush()
    return job


async def _interrupted(session: AsyncSession, job: ImportJob) -> bool:
    if job.status == ImportStatus.queued:
        if datetime.now(UTC) - job.created_at < QUEUED_GRACE:
            return False
    elif job.status != ImportStatus.running:
        return False
    return await repository.nobody_runs(session, job.id)


class _Run:
    """The state of one job's pass over the file."""

    def __init__(self, session: AsyncSession, job: ImportJob, actor: Actor) -> None:
        self.session, self.job, self.actor = session, job, actor
        self.problems: list[dict[str, Any]] = []
        self.problem_count = 0
        self.seen_tags: dict[str, int] = {}
        self.pending: list[tuple[int, ImportRow]] = []
        self.created = 0
        self.processed = 0
        self.columns: dict[str, Any] = {}

    def report(self, problems: list[dict[str, Any]]) -> None:
        self.problem_count += len(problems)
        self.problems.extend(problems[:max(0, MAX_REPORTED - len(self.problems))])

    async def flush(self, heading: str | None) -> None:
        """Check this batch's tags against the database, then (real import, clean so far) insert it."""
        batch, self.pending = self.pending, []
        if not batch:
            return
        taken = await repository.taken_tags(self.session, [r.tag for _, r in batch if r.tag])
        self.report([{"row": n, "column": heading, "problem": f"tag {r.tag} is already on an asset"}
                     for n, r in batch if r.tag in taken])
        if self.job.dry_run or self.problem_count:
            return
        await self._insert([r for _, r in batch])

    async def _insert(self, batch: list[ImportRow]) -> None:
        tags = iter(await repository.next_tags(self.session, sum(1 for r in batch if not r.tag)))
        categories = self.checker.categories
        rows = [{"id": uuid.uuid4(), "tag": r.tag or next(tags), "home_id": self.job.home_id,
                 "category_id": categories[r.category].id, "version": 1,
                 **r.model_dump(exclude={"tag", "category"})} for r in batch]
        await repository.insert_assets(self.session, rows)
        ids = [r["id"] for r in rows]
        await schedule.refresh_assets(self.session, ids)
        await repository.insert_audit(self.session, audit.table, [
            {"actor_sub": self.actor.sub, "actor_name": self.actor.name, "actor_roles": list(self.actor.roles),
             "action": "create", "entity_type": ENTITY, "entity_id": str(i), "home_id": self.job.home_id,
             "details": {"import": str(self.job.id)}} for i in ids])
        self.created += len(rows)

    checker: Checker


async def _pass(run: _Run, sheet: reading.Sheet, engine: AsyncEngine) -> None:
    categories = await repository.live_categories(run.session)
    cols = map_columns(sheet.header, run.job.mapping, categories)
    run.report(cols.problems)
    run.checker = Checker(sheet.header, cols, categories, await repository.home_locations(run.session,
                                                                                          run.job.home_id))
    tag_heading = run.checker.heading("tag")
    processed = 0
    for row in sheet.rows:
        checked, problems = run.checker.check(row.number, row.values, row.formulas)
        run.report(problems)
        if checked is not None and checked.tag:
            if (first := run.seen_tags.setdefault(checked.tag, row.number)) != row.number:
                run.report([{"row": row.number, "column": tag_heading,
                             "problem": f"tag {checked.tag} is also on row {first} of this file"}])
                checked = None
        if checked is not None:
            run.pending.append((row.number, checked))
        processed += 1
        if len(run.pending) >= BATCH:
            await run.flush(tag_heading)
        if processed % BATCH == 0:
            async with engine.begin() as conn:
                await repository.set_fields(conn, run.job.id, processed_rows=processed)
    await run.flush(tag_heading)
    run.processed = processed
    run.columns = {"unmapped_columns": cols.unmapped, "ignored_columns": cols.ignored,
                   "columns": {sheet.header[i]: f for i, f in cols.fields.items()} |
                   {sheet.header[i]: f"extra.{f}" for i, f in cols.extras.items()}}


def _open(job: ImportJob, path: Path) -> reading.Sheet:
    if job.file_format == "xlsx":
        return reading.read_xlsx(path)
    return reading.read_csv(path, job.report.get("encoding") or "utf-8-sig")


async def run(sessions: async_sessionmaker[AsyncSession], engine: AsyncEngine, job_id: uuid.UUID, actor: Actor,
              path: Path) -> None:
    """The background task. Whatever happens, the job ends succeeded or failed and the file is
    removed; while it runs it holds the job's lock, so a reader can tell a dead run from a slow one."""
    try:
        async with engine.connect() as guard:
            await repository.hold_job(guard, job_id)
            try:
                await _run(sessions, engine, job_id, actor, path)
            finally:
                await repository.release_job(guard, job_id)
    except Exception:
        log.exception("import %s failed", job_id)
        async with engine.begin() as conn:
            await repository.set_fields(conn, job_id, status=ImportStatus.failed, finished_at=datetime.now(UTC),
                                        report={"problems": [{"row": None, "column": None,
                                                              "problem": "the file could not be read to the end"}]},
                                        problem_count=1)
    finally:
        path.unlink(missing_ok=True)


async def _run(sessions: async_sessionmaker[AsyncSession], engine: AsyncEngine, job_id: uuid.UUID, actor: Actor,
               path: Path) -> None:
    async with sessions() as session:
        job = await repository.get(session, job_id)
        assert job is not None
        report = dict(job.report)
        sheet = _open(job, path)
        async with engine.begin() as conn:
            await repository.set_fields(conn, job_id, status=ImportStatus.running, started_at=datetime.now(UTC),
                                        total_rows=sheet.total)
        run_ = _Run(session, job, actor)
        try:
            await _import(session, run_, sheet, engine, report)
        except IntegrityError:  # a tag taken by someone else after our check
            log.warning("import %s: integrity error", job_id, exc_info=True)
            await session.rollback()
            async with engine.begin() as conn:
                await repository.set_fields(conn, job_id, status=ImportStatus.failed, finished_at=datetime.now(UTC),
                                            problem_count=1, report={**report, "problems": [{
                                                "row": None, "column": None,
                                                "problem": "an asset tag was taken while importing: run it again"}]})


async def _import(session: AsyncSession, run_: _Run, sheet: reading.Sheet, engine: AsyncEngine,
                  report: dict[str, Any]) -> None:
    job_id, dry_run = run_.job.id, run_.job.dry_run  # the object expires at rollback
    try:
        if not dry_run:
            await repository.lock_tags(session)
        await _pass(run_, sheet, engine)
    finally:
        sheet.close()
    ok = run_.problem_count == 0
    if dry_run or not ok:
        await session.rollback()  # nothing half-written
    done = {"status": ImportStatus.succeeded if ok else ImportStatus.failed, "finished_at": datetime.now(UTC),
            "processed_rows": run_.processed, "problem_count": run_.problem_count,
            "created_assets": 0 if dry_run or not ok else run_.created,
            "report": {**report, **run_.columns, "problems": run_.problems}}
    await repository.set_fields(await session.connection(), job_id, **done)
    await session.commit()
