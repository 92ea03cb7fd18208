"""Labels: a QR code that opens the asset's page, per asset (SVG, PNG) and as A4 sheets."""

import re
import struct
from typing import Any

import httpx
import pytest

from assets_api.labels import render


@pytest.fixture
async def label_home(estate: Any) -> str:
    return (await estate.home())["id"]  # type: ignore[no-any-return]


class TestAssetLabel:
    async def test_svg_label_has_the_tag_name_and_a_qr_code(self, client: httpx.AsyncClient, estate: Any,
                                                            label_home: str) -> None:
        asset = await estate.asset(label_home, tag="HOIST-7", name="Ceiling hoist <Room 4, east wing>")
        response = await client.get(f"/v1/labels/assets/{asset['id']}")
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/svg+xml"
        assert "HOIST-7" in response.text
        assert "Ceiling hoist &lt;Room 4…" in response.text
        assert 'class="segno"' in response.text

    async def test_png_is_the_qr_code_of_the_assets_page(self, client: httpx.AsyncClient, estate: Any,
                                                         label_home: str) -> None:
        asset = await estate.asset(label_home)
        response = await client.get(f"/v1/labels/assets/{asset['id']}", params={"format": "png"})
        assert response.headers["content-type"] == "image/png"
        assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", response.content[16:24])
        assert width == height > 200
        assert render.page_url("http://127.0.0.1:8000/", asset["id"]) == \
            f"http://127.0.0.1:8000/estate/assets/{asset['id']}"

    def test_long_lines_are_fitted_to_the_label_not_clipped(self) -> None:
        short = render.label_svg("https://carehub.example", render.LabelData("8c2a3e2e-1b1b-4c4c-9d9d-0e0e0e0e0e0e",  # type: ignore[arg-type]
                                                                                "T-1", "Hoist")).decode()
        long = render.label_svg("https://carehub.example", render.LabelData("8c2a3e2e-1b1b-4c4c-9d9d-0e0e0e0e0e0e",  # type: ignore[arg-type]
                                                                               "HALTON-HOIST-0042", "Hoist")).decode()
        fitted = f'textLength="{render.TEXT_WIDTH:.1f}"'
        assert 'font-size="5.0" font-weight="bold">T-1</text>' in short  # a short tag keeps its size and width
        assert re.search(r'font-size="(\d\.\d)" font-weight="bold"[^>]*>HALTON-HOIST-0042</text>', long)  # whole
        longest = render.label_svg("https://carehub.example", render.LabelData("8c2a3e2e-1b1b-4c4c-9d9d-0e0e0e0e0e0e",  # type: ignore[arg-type]
                                                                                  "X" * 32, "Hoist")).decode()
        assert re.search(rf'font-size="3.0" font-weight="bold" {fitted}[^>]*>X{{32}}</text>', longest)
        assert render.TEXT_WIDTH + render.QR_SIZE + 4 < render.LABEL_W  # the text area ends inside the label

    async def test_qr_encodes_the_page_url(self) -> None:
        import segno

        asset_id = "8c2a3e2e-1b1b-4c4c-9d9d-0e0e0e0e0e0e"
        expected = segno.make(render.page_url("https://carehub.example", asset_id), error="m", micro=False)
        label = render.label_svg("https://carehub.example", render.LabelData(asset_id, "T-1", "Hoist"))  # type: ignore[arg-type]
        assert expected.svg_inline(border=2, omitsize=True).split('d="')[1].split('"')[0] in label.decode()


class TestLabelSheet:
    async def test_a4_sheets_of_21_with_a_next_link(self, client: httpx.AsyncClient, estate: Any,
                                                    label_home: str) -> None:
        for i in range(23):
            await estate.asset(label_home, tag=f"HOIST-{i:02d}")
        first = await client.get("/v1/labels/sheet", params={"home_id": label_home})
        assert first.status_code == 200
        assert 'width="210mm" height="297mm"' in first.text
        assert first.text.count('class="segno"') == 21
        next_url = re.match(r"<([^>]+)>", first.headers["link"])
        assert next_url is not None
        second = await client.get(next_url.group(1))
        assert second.text.count('class="segno"') == 2
        assert "HOIST-21" in second.text
        assert "HOIST-00" not in second.text
        assert "link" not in second.headers

    async def test_bad_cursor_is_422(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/labels/sheet", params={"cursor": "garbage"})
        assert response.status_code == 422
