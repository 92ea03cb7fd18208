"""Streaming exports of a filtered asset list. The rows are read in keyset batches by (tag, id)
inside one read-only REPEATABLE READ transaction (one consistent snapshot, never the whole list in
memory), on a session of their own: the request's session is committed and gone before the body
is sent."""

import csv
import io
import json
from collections.abc import AsyncIterator, Callable, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from assets_api.assets.repository import EXPORT_COLUMNS, AssetFilter, batch_after
from assets_api.exports.xlsx import XlsxStream

BATCH = 2000
HEADER = [c.key for c in EXPORT_COLUMNS]
# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True) if value else None
    if value is None or isinstance(value, int | float | str):
        return value
    return str(value)  # UUIDs and dates as their canonical text


def _values(row: Row[Any]) -> list[Any]:
    return [_plain(v) for v in row]


async def _batches(sessions: async_sessionmaker[AsyncSession], f: AssetFilter) -> AsyncIterator[list[Row[Any]]]:
    async with sessions() as session:
        conn = await session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        await conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        after = None
        while True:
            rows = await batch_after(session, f, after, BATCH)
            if rows:
                yield rows
            if len(rows) < BATCH:
                return
            after = (rows[-1].tag, rows[-1].id)


def _csv_safe(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _csv_lines(rows: Sequence[Sequence[Any]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([[_csv_safe(v) for v in r] for r in rows])
    return out.getvalue().encode()


async def csv_stream(sessions: async_sessionmaker[AsyncSession], f: AssetFilter) -> AsyncIterator[bytes]:
    yield b"\xef\xbb\xbf" + _csv_lines([HEADER])  # BOM: Excel then reads UTF-8 rather than cp1252
    async for rows in _batches(sessions, f):
        yield _csv_lines([_values(r) for r in rows])


async def xlsx_stream(sessions: async_sessionmaker[AsyncSession], f: AssetFilter) -> AsyncIterator[bytes]:
    book = XlsxStream("Assets")
    yield book.start(HEADER)
    async for rows in _batches(sessions, f):
        yield book.rows(_values(r) for r in rows)
    yield book.finish()


STREAMS: dict[str, tuple[Callable[[async_sessionmaker[AsyncSession], AssetFilter], AsyncIterator[bytes]], str]] = {
    "csv": (csv_stream, "text/csv; charset=utf-8"),
    "xlsx": (xlsx_stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
