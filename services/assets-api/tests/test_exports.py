"""Exports: the filtered asset list, all of it, as CSV and as XLSX that a spreadsheet opens."""

import csv
import io
from typing import Any

import httpx
import openpyxl
import pytest

from assets_api.exports import service as exports_service


@pytest.fixture
async def export_home(estate: Any) -> str:
    return (await estate.home())["id"]  # type: ignore[no-any-return]


class TestExportAssets:
    async def test_csv_has_every_filtered_asset_across_batches(self, client: httpx.AsyncClient, estate: Any,
                                                               export_home: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(exports_service, "BATCH", 2)  # several keyset batches from five rows
        tags = [(await estate.asset(export_home, tag=f"HOIST-{i}"))["tag"] for i in range(5)]
        await estate.asset(export_home, category="boiler", tag="BOILER-1")
        response = await client.get("/v1/exports/assets", params={
            "home_id": export_home, "category_id": await estate.category_id("hoist")})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert "attachment" in response.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert [r["tag"] for r in rows] == sorted(tags)
        assert rows[0]["category"] == "hoist"
        assert rows[0]["extra"] == '{"safe_working_load_kg": 180}'

    async def test_formula_like_text_is_defused_in_csv(self, client: httpx.AsyncClient, estate: Any,
                                                       export_home: str) -> None:
        await estate.asset(export_home, name="=HYPERLINK(\"http://x\")")
        rows = list(csv.DictReader(io.StringIO((await client.get("/v1/exports/assets")).content.decode("utf-8-sig"))))
        assert rows[0]["name"].startswith("'=")

    async def test_xlsx_opens_in_openpyxl(self, client: httpx.AsyncClient, estate: Any, export_home: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(exports_service, "BATCH", 2)
        for i in range(3):
            await estate.asset(export_home, tag=f"HOIST-{i}", purchase_cost="120.50", notes="Bay <2> & lift")
        response = await client.get("/v1/exports/assets", params={"format": "xlsx"})
        assert response.status_code == 200
        sheet = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True).active
        assert sheet is not None
        rows = list(sheet.iter_rows(values_only=True))
        header = list(rows[0])
        assert [r[header.index("tag")] for r in rows[1:]] == ["HOIST-0", "HOIST-1", "HOIST-2"]
        assert rows[1][header.index("purchase_cost")] == 120.5
        assert rows[1][header.index("notes")] == "Bay <2> & lift"

    @pytest.mark.parametrize("params", [{"format": "pdf"}, {"status": "broken"}, {"home_id": "nope"}])
    async def test_bad_parameters_are_422(self, client: httpx.AsyncClient, params: dict[str, str]) -> None:
        response = await client.get("/v1/exports/assets", params=params)
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
