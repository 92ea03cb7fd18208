"""A streaming XLSX writer: the workbook's zip is written entry by entry, and the sheet row by row,
into a buffer drained after every batch, so the first bytes leave before the last row is read.

openpyxl's write-only workbook keeps memory flat but assembles the zip only in `save()`, after
every row: 100,000 rows took seconds before the first byte. The sheet written here is plain
SpreadsheetML (inline strings, no shared-string table), which Excel, LibreOffice and openpyxl read."""

import zipfile
from collections.abc import Iterable, Sequence
from typing import IO, Any
from xml.sax.saxutils import escape

_NS = "http://schemas.openxmlformats.org"
_OOXML = "application/vnd.openxmlformats"
_REL = f"{_NS}/officeDocument/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="{_NS}/package/2006/content-types">'
    f'<Default Extension="rels" ContentType="{_OOXML}-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_OOXML}-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    f'ContentType="{_OOXML}-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_RELS = (f'{_XML}<Relationships xmlns="{_NS}/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (f'{_XML}<workbook xmlns="{_NS}/spreadsheetml/2006/main" xmlns:r="{_REL}">'
             '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (f'{_XML}<Relationships xmlns="{_NS}/package/2006/relationships">'
                  f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
_SHEET_START = f'{_XML}<worksheet xmlns="{_NS}/spreadsheetml/2006/main"><sheetData>'
_SHEET_END = "</sheetData></worksheet>"


class _Drain:
    """A write-only, unseekable file: zipfile then writes data descriptors after each entry."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def close(self) -> None:
        pass

    def write(self, data: bytes, /) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        out, self.chunks = b"".join(self.chunks), []
        return out


def _cell(value: Any) -> str:
    if value is None or value == "":
        return "<c/>"
    if isinstance(value, bool):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f"<c><v>{value}</v></c>"
    return f'<c t="inlineStr"><is><t xml:space="preserve">{escape(_clean(str(value)))}</t></is></c>'


def _clean(text: str) -> str:
    """XML 1.0 forbids most control characters; a stray one would make the file unreadable."""
    return "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")


def row_xml(values: Sequence[Any]) -> str:
    return "<row>" + "".join(_cell(v) for v in values) + "</row>"


class XlsxStream:
    """`start()`, then `rows(batch)` per batch, then `finish()`; each returns the bytes ready to send."""

    def __init__(self, sheet_name: str) -> None:
        self._drain = _Drain()
        self._zip = zipfile.ZipFile(self._drain, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        self._sheet_name = escape(sheet_name[:31])
        self._sheet: IO[bytes] | None = None

    def start(self, header: Sequence[str]) -> bytes:
        for name, body in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
                           ("xl/workbook.xml", _WORKBOOK.format(name=self._sheet_name)),
                           ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)):
            self._zip.writestr(name, body)
        self._sheet = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self._sheet.write((_SHEET_START + row_xml(header)).encode())
        return self._drain.take()

    def rows(self, rows: Iterable[Sequence[Any]]) -> bytes:
        assert self._sheet is not None
        self._sheet.write("".join(row_xml(r) for r in rows).encode())
        return self._drain.take()

    def finish(self) -> bytes:
        assert self._sheet is not None
        self._sheet.write(_SHEET_END.encode())
        self._sheet.close()
        self._zip.close()
        return self._drain.take()
