"""`?q=` word-prefix search over a stored `tsvector` column (with a GIN index): 'naught fie'
finds 'Naughton Fields'. The 'simple' configuration: no stemming or stop words, since names,
postcodes, tags and serials are not prose."""

import re
from typing import Any

from sqlalchemy import ColumnElement, func


def prefix_tsquery(q: str) -> str | None:
    """'hoi sn12' -> 'hoi:* & sn12:*' (every word a prefix), or None when nothing is searchable."""
    words = re.findall(r"\w+", q.lower())
    return " & ".join(f"{word}:*" for word in words) or None


def matches_words(search_column: Any, q: str | None) -> ColumnElement[bool] | None:
    """The condition for `q`, or None when `q` holds no word (then there is nothing to filter)."""
    tsquery = prefix_tsquery(q) if q else None
    if tsquery is None:
        return None
    condition: ColumnElement[bool] = search_column.bool_op("@@")(func.to_tsquery("simple", tsquery))
    return condition
