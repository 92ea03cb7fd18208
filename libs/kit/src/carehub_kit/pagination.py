"""Keyset pagination: `?limit=` (1-200, default 50) and an opaque `?cursor=`.

Rows are ordered by one allow-listed sort column and then by `id`, so the order is total and a
page boundary inside a run of equal sort values neither repeats nor skips a row. The cursor
holds the sort name and the last row's (value, id); a cursor made for another sort is refused.
"""

import base64
import binascii
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any, Generic, TypeVar, get_args

from fastapi import Query, Request, Response
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import BigInteger, ColumnElement, Integer, Select, SmallInteger, tuple_
from sqlalchemy.orm import InstrumentedAttribute

from carehub_kit.errors import ProblemError

T = TypeVar("T")
P = TypeVar("P", bound="Page[Any]")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size, 1 to 200.")]
Cursor = Annotated[str | None, Query(max_length=512, description="`next_cursor` from the previous page.")]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


@dataclass(frozen=True)
class SortKey:
    """One allow-listed ordering: a non-null column and its direction."""

    column: InstrumentedAttribute[Any]
    descending: bool = False


def _bad_cursor(detail: str) -> ProblemError:
    return ProblemError(
        422, detail, slug="validation",
        errors=[{"loc": ["query", "cursor"], "msg": detail, "type": "cursor_invalid"}],
    )


def encode_cursor(sort: str, value: Any, row_id: Any) -> str:
    raw = json.dumps([sort, TypeAdapter(Any).dump_python(value, mode="json"), str(row_id)])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str, key: SortKey, id_col: InstrumentedAttribute[Any]) -> tuple[Any, Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        name, value, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, TypeError):
        raise _bad_cursor("The cursor is not one this service issued.") from None
    if name != sort:
        raise _bad_cursor("The cursor was issued for a different sort order.")
    try:
        typed_value = TypeAdapter(key.column.type.python_type).validate_python(value)
        typed_id = TypeAdapter(id_col.type.python_type).validate_python(row_id)
    except ValidationError:
        raise _bad_cursor("The cursor is not one this service issued.") from None
    if not (_storable(typed_value, key.column.type) and _storable(typed_id, id_col.type)):
        raise _bad_cursor("The cursor is not one this service issued.")
    return typed_value, typed_id


def _storable(value: Any, column_type: Any) -> bool:
    """A forged cursor must not reach the database with a value its column type cannot hold
    (an int out of range, a NUL in text): the driver would fail the query with a 500."""
    if isinstance(value, str):
        return "\x00" not in value
    if isinstance(value, int) and isinstance(column_type, Integer):
        bits = 16 if isinstance(column_type, SmallInteger) else 64 if isinstance(column_type, BigInteger) else 32
        return -(1 << (bits - 1)) <= value < 1 << (bits - 1)
    return True


def resolve_sort(sort: str, allowed: Mapping[str, SortKey]) -> SortKey:
    if sort not in allowed:
        detail = f"Sort must be one of: {', '.join(sorted(allowed))}."
        raise ProblemError(422, detail, slug="validation",
                           errors=[{"loc": ["query", "sort"], "msg": detail, "type": "enum"}])
    return allowed[sort]


def paginate_query(
    stmt: Select[Any], *, sort: str, allowed: Mapping[str, SortKey],
    id_col: InstrumentedAttribute[Any], cursor: str | None, limit: int,
) -> Select[Any]:
    """Order, seek past the cursor, and fetch one extra row to learn whether a next page exists."""
    key = resolve_sort(sort, allowed)
    order: Sequence[ColumnElement[Any]] = (
        (key.column.desc(), id_col.desc()) if key.descending else (key.column.asc(), id_col.asc())
    )
    if cursor:
        value, row_id = decode_cursor(cursor, sort, key, id_col)
        after = tuple_(key.column, id_col)
        stmt = stmt.where(after < (value, row_id) if key.descending else after > (value, row_id))
    return stmt.order_by(*order).limit(limit + 1)


def page_of(
    rows: Sequence[Any], page: type[P], *, sort: str, allowed: Mapping[str, SortKey],
    limit: int, request: Request, response: Response, to_item: Callable[[Any], Any] | None = None,
) -> P:
    """Trim the extra row, build `next_cursor` and the `Link: rel="next"` header.

    `page` is the endpoint's named page model (`class HomePage(Page[HomeRead])`), so generated
    clients get a readable type name. Rows become items through the page's item model, or through
    `to_item` when an item needs more than its row (data fetched once for the whole page)."""
    key = allowed[sort]
    kept = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        last = kept[-1]
        next_cursor = encode_cursor(sort, getattr(last, key.column.key), last.id)
        next_url = request.url.include_query_params(cursor=next_cursor)
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    if to_item is None:
        (item,) = get_args(page.model_fields["items"].annotation)
        to_item = partial(item.model_validate, from_attributes=True)
    return page(items=[to_item(row) for row in kept], next_cursor=next_cursor)
