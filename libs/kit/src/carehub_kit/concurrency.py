"""Optimistic concurrency: every mutable row has a `version`; reads and writes send it as the
ETag; PATCH/PUT/DELETE must send it back in `If-Match`.

Two guards: the `If-Match` value is compared with the row as read (412 when stale), and the
mapper's `version_id_col` makes the UPDATE itself say `WHERE version = :read_version`, so two
requests that both read version 3 cannot both write (the loser's flush raises StaleDataError,
answered as 412 too).
"""

import re
from typing import Annotated, Any

from fastapi import Depends, Header, Response
from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, declared_attr, mapped_column
from sqlalchemy.orm.exc import StaleDataError

from carehub_kit.errors import ProblemError

_ETAG = re.compile(r'^\s*(?:W/)?"(\d{1,18})"\s*$')


class Versioned:
    """Mixin for mutable tables: a `version` the ORM bumps and checks on every UPDATE."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # eager_defaults: server-set columns (updated_at, ...) come back in the same RETURNING,
        # so a flushed row can be serialised without another round trip.
        return {"version_id_col": cls.__table__.c.version, "eager_defaults": True}  # type: ignore[attr-defined]


def etag(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag(version)


def parse_if_match(if_match: str | None) -> int:
    if if_match is None:
        raise ProblemError(
            428, "Send the record's ETag in If-Match so a change made by someone else is not overwritten.",
            slug="precondition-required",
        )
    match = _ETAG.match(if_match)
    if not match:
        raise ProblemError(400, 'If-Match must be an ETag such as "3".', slug="bad-if-match")
    return int(match.group(1))


def _if_match(if_match: Annotated[str | None, Header(alias="If-Match")] = None) -> int:
    return parse_if_match(if_match)


# The version the client last saw, required on PATCH/PUT/DELETE.
ExpectedVersion = Annotated[int, Depends(_if_match)]


def stale() -> ProblemError:
    return ProblemError(
        412, "Someone else changed this record since you loaded it. Reload it and try again.",
        slug="stale",
    )


def check_version(current: int, expected: int) -> None:
    if current != expected:
        raise stale()


__all__ = ["ExpectedVersion", "StaleDataError", "Versioned", "check_version", "etag",
           "parse_if_match", "set_etag", "stale"]
