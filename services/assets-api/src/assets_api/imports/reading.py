"""Reading an uploaded asset spreadsheet safely and a row at a time.

- Size: at most 50 MB, counted while the upload is copied to a temporary file (413 beyond).
- XLSX: before openpyxl sees it, the zip's directory is checked: at most 200 entries and 200 MB
  uncompressed in total, so a zip bomb is refused without inflating it. Read with openpyxl in
  read-only mode (rows streamed from the sheet XML), formulas kept as formulas so they can be
  refused: an imported value must be the value the council sees, not one we would compute.
- CSV: UTF-8 (with or without a byte-order mark); failing that Windows-1252, the encoding Excel
  on Windows saves "CSV" in, noted in the report; anything else (bytes cp1252 leaves undefined)
  is a 422."""

import codecs
import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import openpyxl

from carehub_kit.errors import ProblemError

MAX_UPLOAD = 50 * 1024 * 1024
MAX_ENTRIES = 200
MAX_UNCOMPRESSED = 200 * 1024 * 1024
CHUNK = 1024 * 1024
ENCODINGS = ("utf-8-sig", "cp1252")


def _file_problem(status: int, detail: str, kind: str) -> ProblemError:
    return ProblemError(status, detail, slug="validation" if status == 422 else None,
                        errors=[{"loc": ["body", "file"], "msg": detail, "type": kind}])


def too_large() -> ProblemError:
    return ProblemError(413, "The file is larger than 50 MB: split it into smaller files.", slug="payload-too-large")


async def save_upload(upload: Any, target: BinaryIO) -> None:
    """Copy the upload to `target` chunk by chunk, stopping at the limit (413, nothing kept)."""
    size = 0
    while chunk := await upload.read(CHUNK):
        size += len(chunk)
        if size > MAX_UPLOAD:
            raise too_large()
        target.write(chunk)
    if size == 0:
        raise _file_problem(422, "The file is empty.", "empty_file")
    target.flush()


def check_xlsx(path: Path) -> None:
    if not zipfile.is_zipfile(path):
        raise _file_problem(422, "This is not an XLSX spreadsheet (not a zip package).", "not_xlsx")
    with zipfile.ZipFile(path) as archive:
        entries = archive.infolist()
        names = {e.filename for e in entries}
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNCOMPRESSED:
        raise _file_problem(422, "The spreadsheet unpacks to too much data (more than 200 MB or 200 parts).",
                            "archive_too_large")
    if "xl/workbook.xml" not in names:
        raise _file_problem(422, "This zip file is not an XLSX spreadsheet (no workbook inside).", "not_xlsx")


def csv_encoding(path: Path) -> str:
    """The first of UTF-8 and Windows-1252 that decodes the whole file, decoded in chunks. NUL bytes
    mean UTF-16 or a binary file, which Windows-1252 would otherwise read as nonsense."""
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            if b"\0" in chunk:
                raise _unknown_encoding()
    for encoding in ENCODINGS:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as f:
                while chunk := f.read(CHUNK):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise _unknown_encoding()


def _unknown_encoding() -> ProblemError:
    return _file_problem(422, "The CSV is neither UTF-8 nor Windows-1252: save it as \"CSV UTF-8\".",
                         "unknown_encoding")


@dataclass
class Row:
    number: int  # as the spreadsheet shows it: the header is row 1
    values: list[Any]
    formulas: list[int] = field(default_factory=list)  # column indexes holding a formula


@dataclass
class Sheet:
    header: list[str]
    rows: Iterator[Row]
    total: int | None
    close: Any = None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_csv(path: Path, encoding: str) -> Sheet:
    f = path.open(newline="", encoding=encoding)
    total = sum(1 for _ in csv.reader(f)) - 1
    f.seek(0)
    reader = csv.reader(f)
    header = [h.strip() for h in next(reader, [])]

    def rows() -> Iterator[Row]:
        for number, values in enumerate(reader, start=2):
            if not all(_blank(v) for v in values):
                yield Row(number, list(values))

    return Sheet(header, rows(), max(total, 0), f.close)


def read_xlsx(path: Path) -> Sheet:
    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    sheet = book.worksheets[0]
    cells = sheet.iter_rows()
    first = next(cells, ())
    header = ["" if c.value is None else str(c.value).strip() for c in first]
    total = (sheet.max_row - 1) if sheet.max_row else None

    def rows() -> Iterator[Row]:
        for number, row in enumerate(cells, start=2):
            values = [c.value for c in row]
            if all(_blank(v) for v in values):
                continue
            yield Row(number, values, [i for i, c in enumerate(row) if getattr(c, "data_type", None) == "f"])

    return Sheet(header, rows(), total, book.close)
