"""Imports: dry runs report every problem by row and column and write nothing; real imports are all
or nothing, fill the category's extra fields, and never drop a column silently."""

import csv
import io
import uuid
import zipfile
from datetime import timedelta
from typing import Any

import httpx
import openpyxl
import pytest
from sqlalchemy import text

from assets_api.imports import repository as imports_repository
from assets_api.imports import service as imports_service

HEADER = ["Asset No", "Description", "Type", "Serial", "SWL", "Bought"]
MAPPING = '{"Asset No": "tag", "Description": "name", "Type": "category", "SWL": "extra.safe_working_load_kg", ' \
          '"Bought": "purchase_date"}'


@pytest.fixture
async def import_home(estate: Any) -> str:
    return (await estate.home())["id"]  # type: ignore[no-any-return]


def xlsx(rows: list[list[Any]], header: list[str] = HEADER) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows: list[list[Any]], encoding: str = "utf-8", header: list[str] = HEADER) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    return out.getvalue().encode(encoding)


async def upload(http: httpx.AsyncClient, home: str, content: bytes, name: str = "register.xlsx",
                 mapping: str | None = MAPPING, dry_run: bool = True, **kw: Any) -> httpx.Response:
    data = {"home_id": home, "dry_run": str(dry_run).lower(), **({"mapping": mapping} if mapping else {})}
    return await http.post("/v1/imports", data=data, files={"file": (name, content)}, **kw)


async def finished(http: httpx.AsyncClient, response: httpx.Response) -> dict[str, Any]:
    """The job as a poller sees it (in-process, the background task has run by now)."""
    assert response.status_code == 202, response.text
    job = (await http.get(response.headers["location"])).json()
    assert job["status"] in ("succeeded", "failed")
    return job  # type: ignore[no-any-return]


def problems(job: dict[str, Any]) -> set[tuple[Any, Any]]:
    return {(p["row"], p["column"]) for p in job["report"]["problems"]}


GOOD = [["HOIST-1", "Ceiling hoist, Room 4", "hoist", "AX-1", 180, "2024-03-01"],
        ["", "Mobile hoist", "hoist", 12345, "200", None]]


class TestImportRuns:
    async def test_dry_run_reports_and_writes_nothing(self, client: httpx.AsyncClient, estate: Any,
                                                      import_home: str) -> None:
        job = await finished(client, await upload(client, import_home, xlsx(GOOD)))
        assert (job["status"], job["dry_run"], job["processed_rows"]) == ("succeeded", True, 2)
        assert job["report"]["columns"]["SWL"] == "extra.safe_working_load_kg"
        assert await estate.count("asset") == 0

    async def test_real_import_creates_every_row_with_extras_and_tags(self, client: httpx.AsyncClient, estate: Any,
                                                                      import_home: str) -> None:
        job = await finished(client, await upload(client, import_home, xlsx(GOOD), dry_run=False))
        assert (job["status"], job["created_assets"], job["problem_count"]) == ("succeeded", 2, 0)
        assets = (await client.get("/v1/assets", params={"home_id": import_home})).json()["items"]
        by_name = {a["name"]: a for a in assets}
        assert by_name["Ceiling hoist, Room 4"]["extra"] == {"safe_working_load_kg": 180}
        assert by_name["Ceiling hoist, Room 4"]["purchase_date"] == "2024-03-01"
        assert by_name["Mobile hoist"]["tag"].startswith("CH-")
        assert by_name["Mobile hoist"]["serial"] == "12345"
        assert by_name["Mobile hoist"]["next_due_date"] is not None  # the LOLER schedule applies
        assert await estate.count("audit_event", "entity_type = 'asset' AND action = 'create'") == 2

    async def test_csv_with_headings_named_like_fields_needs_no_mapping(
        self, client: httpx.AsyncClient, estate: Any, import_home: str,
    ) -> None:
        content = csv_bytes([["Bath hoist", "hoist", "150"]], header=["Name", "Category", "safe_working_load_kg"])
        job = await finished(client, await upload(client, import_home, content, "r.csv", None, dry_run=False))
        assert (job["status"], job["created_assets"], job["report"]["encoding"]) == ("succeeded", 1, "utf-8-sig")

    async def test_a_cp1252_csv_is_read_and_the_encoding_reported(self, client: httpx.AsyncClient,
                                                                  import_home: str) -> None:
        content = csv_bytes([["H-1", "Hoist – Café room", "hoist", "", "180", ""]], "cp1252")
        job = await finished(client, await upload(client, import_home, content, "r.csv"))
        assert (job["status"], job["report"]["encoding"]) == ("succeeded", "cp1252")


class TestImportBadInput:
    async def test_wrong_type_in_row_7812_is_reported_by_row_and_column(
        self, client: httpx.AsyncClient, estate: Any, import_home: str,
    ) -> None:
        rows = [[f"H-{i}", "Hoist", "hoist", "", 180, ""] for i in range(2, 7813)]
        rows[7812 - 2][4] = "heavy"  # SWL must be a number
        job = await finished(client, await upload(client, import_home, xlsx(rows), dry_run=False))
        assert job["status"] == "failed"
        assert problems(job) == {(7812, "SWL")}
        assert (job["processed_rows"], job["created_assets"]) == (7811, 0)
        assert await estate.count("asset") == 0  # all or nothing: 7,810 good rows are not written

    async def test_duplicate_tags_in_the_file_and_against_the_database(
        self, client: httpx.AsyncClient, estate: Any, import_home: str,
    ) -> None:
        await estate.asset(import_home, tag="HOIST-9")
        rows = [["HOIST-1", "A", "hoist", "", 180, ""], ["hoist-1", "B", "hoist", "", 180, ""],
                ["HOIST-9", "C", "hoist", "", 180, ""]]
        job = await finished(client, await upload(client, import_home, xlsx(rows), dry_run=False))
        assert problems(job) == {(3, "Asset No"), (4, "Asset No")}
        assert "row 2" in next(p["problem"] for p in job["report"]["problems"] if p["row"] == 3)
        assert await estate.count("asset") == 1

    async def test_unknown_category_and_bad_extra_field(self, client: httpx.AsyncClient, import_home: str) -> None:
        rows = [["H-1", "A", "spaceship", "", "", ""], ["H-2", "B", "boiler", "", 180, ""]]
        job = await finished(client, await upload(client, import_home, xlsx(rows)))
        assert problems(job) == {(2, "Type"), (3, "SWL")}  # boilers have no safe working load

    async def test_formula_cells_are_refused(self, client: httpx.AsyncClient, import_home: str) -> None:
        rows = [["H-1", "A", "hoist", "", "=100+80", ""]]
        job = await finished(client, await upload(client, import_home, xlsx(rows), dry_run=False))
        assert job["status"] == "failed"
        assert any(p["column"] == "SWL" and "formula" in p["problem"] for p in job["report"]["problems"])

    async def test_unmapped_columns_are_reported_and_block_the_import(
        self, client: httpx.AsyncClient, estate: Any, import_home: str,
    ) -> None:
        content = xlsx([["H-1", "A", "hoist", "", 180, "", "blue"]], [*HEADER, "Colour"])
        job = await finished(client, await upload(client, import_home, content, dry_run=False))
        assert (job["status"], job["report"]["unmapped_columns"]) == ("failed", ["Colour"])
        assert await estate.count("asset") == 0
        ignored = MAPPING[:-1] + ', "Colour": "ignore"}'
        job = await finished(client, await upload(client, import_home, content, mapping=ignored, dry_run=False))
        assert (job["status"], job["report"]["ignored_columns"]) == ("succeeded", ["Colour"])

    @pytest.mark.parametrize(("content", "kind"), [
        (b"PK\x03\x04 definitely not a zip", "not_xlsx"), (b"%PDF-1.7 a report", "not_xlsx")])
    async def test_an_xlsx_that_is_not_a_spreadsheet(self, client: httpx.AsyncClient, estate: Any, import_home: str,
                                                     content: bytes, kind: str) -> None:
        response = await upload(client, import_home, content)
        assert response.status_code == 422
        assert response.json()["errors"][0]["type"] == kind
        assert await estate.count("import_job") == 0

    async def test_a_zip_without_a_workbook(self, client: httpx.AsyncClient, import_home: str) -> None:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("hello.txt", "hi")
        response = await upload(client, import_home, out.getvalue())
        assert response.json()["errors"][0]["type"] == "not_xlsx"

    async def test_a_zip_bomb_is_refused_without_inflating_it(self, client: httpx.AsyncClient,
                                                              import_home: str) -> None:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
            with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                block = b"\0" * (8 * 1024 * 1024)
                for _ in range(26):  # 208 MB of zeros, a few hundred KB packed
                    sheet.write(block)
        assert len(out.getvalue()) < 1024 * 1024
        response = await upload(client, import_home, out.getvalue())
        assert response.status_code == 422
        assert response.json()["errors"][0]["type"] == "archive_too_large"

    async def test_an_upload_over_50_mb_is_413(self, client: httpx.AsyncClient, estate: Any,
                                               import_home: str) -> None:
        response = await upload(client, import_home, b"x" * (50 * 1024 * 1024 + 1), "big.csv")
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"
        assert await estate.count("import_job") == 0

    async def test_a_csv_in_neither_utf8_nor_cp1252_is_422(self, client: httpx.AsyncClient, import_home: str) -> None:
        response = await upload(client, import_home, "Name,Category\nÄ,hoist\n".encode("utf-16"), "r.csv")
        assert response.status_code == 422
        response = await upload(client, import_home, b"Name,Category\n\x81\x8d,hoist\n", "r.csv")
        assert response.status_code == 422
        assert response.json()["errors"][0]["type"] == "unknown_encoding"

    @pytest.mark.parametrize(("mapping", "name"), [("{not json", "r.xlsx"), ('["tag"]', "r.xlsx"),
                                                   (None, "register.ods")])
    async def test_bad_mapping_or_format(self, client: httpx.AsyncClient, import_home: str, mapping: str | None,
                                         name: str) -> None:
        response = await upload(client, import_home, xlsx(GOOD), name, mapping)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"][-1] in ("mapping", "file")

    async def test_progress_is_written_while_running(self, client: httpx.AsyncClient, import_home: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(imports_service, "BATCH", 1)
        content = csv_bytes(GOOD)
        job = await finished(client, await upload(client, import_home, content, "r.csv", dry_run=False))
        assert (job["processed_rows"], job["total_rows"], job["created_assets"]) == (2, 2, 2)


class TestImportRetries:
    async def test_a_retry_with_the_same_key_returns_the_first_job(self, client: httpx.AsyncClient, estate: Any,
                                                                   import_home: str) -> None:
        content = xlsx(GOOD)
        first = await upload(client, import_home, content, dry_run=False, headers={"Idempotency-Key": "reg-1"})
        again = await upload(client, import_home, content, dry_run=False, headers={"Idempotency-Key": "reg-1"})
        assert again.status_code == 202
        assert again.headers["location"] == first.headers["location"]
        assert await estate.count("import_job") == 1
        assert await estate.count("asset") == 2

    async def test_the_same_key_with_another_file_is_422(self, client: httpx.AsyncClient, estate: Any,
                                                         import_home: str) -> None:
        await upload(client, import_home, xlsx(GOOD), headers={"Idempotency-Key": "reg-2"})
        other = await upload(client, import_home, xlsx(GOOD[:1]), headers={"Idempotency-Key": "reg-2"})
        assert other.status_code == 422
        assert await estate.count("import_job") == 1


class TestInterruptedImports:
    """A restart mid-import kills the job's transaction (nothing written) and its runner: the job
    must not stay "running" for ever, yet a live run must never be called interrupted."""

    async def _stuck(self, estate: Any, home: str, status: str, age: timedelta = timedelta(0)) -> str:
        async with estate.app.state.engine.begin() as conn:
            return str((await conn.execute(text(
                "INSERT INTO assets.import_job (id, home_id, file_name, file_format, dry_run, mapping, status, "
                "processed_rows, created_assets, problem_count, report, created_by, created_at) "
                "VALUES (gen_random_uuid(), :home, 'r.xlsx', 'xlsx', false, '{}', :status, 40, 0, 0, '{}', "
                "'estates.officer', now() - CAST(:age AS interval)) RETURNING id"),
                {"home": home, "status": status, "age": age})).scalar_one())

    async def test_a_running_job_whose_process_died_is_reported_failed(
            self, client: httpx.AsyncClient, estate: Any, import_home: str) -> None:
        job_id = await self._stuck(estate, import_home, "running")
        job = (await client.get(f"/v1/imports/{job_id}")).json()
        assert (job["status"], job["created_assets"], job["problem_count"]) == ("failed", 0, 1)
        assert "interrupted" in job["report"]["problems"][0]["problem"]
        assert job["finished_at"] is not None
        assert await estate.count("import_job", "status = 'failed'") == 1  # it stays answered

    async def test_a_job_whose_runner_holds_its_lock_is_still_running(
            self, client: httpx.AsyncClient, estate: Any, import_home: str) -> None:
        job_id = await self._stuck(estate, import_home, "running")
        async with estate.app.state.engine.connect() as runner:
            await imports_repository.hold_job(runner, uuid.UUID(job_id))
            assert (await client.get(f"/v1/imports/{job_id}")).json()["status"] == "running"
            await imports_repository.release_job(runner, uuid.UUID(job_id))
        assert (await client.get(f"/v1/imports/{job_id}")).json()["status"] == "failed"

    async def test_a_queued_job_gets_time_to_start(self, client: httpx.AsyncClient, estate: Any,
                                                   import_home: str) -> None:
        fresh = await self._stuck(estate, import_home, "queued")
        assert (await client.get(f"/v1/imports/{fresh}")).json()["status"] == "queued"
        stale = await self._stuck(estate, import_home, "queued", timedelta(minutes=3))
        assert (await client.get(f"/v1/imports/{stale}")).json()["status"] == "failed"
