"""Input building blocks shared by the estate modules: bounded strings and the strict base."""

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, StringConstraints

from carehub_kit.errors import ProblemError

LONDON = ZoneInfo("Europe/London")

Text100 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Text200 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text2000 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Code = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[a-z][a-z0-9_]{1,62}$")]


class Input(BaseModel):
    """Request bodies refuse fields they do not know."""

    model_config = ConfigDict(extra="forbid")


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def today() -> date:
    """The date in the UK, where the homes are: what 'due today' means to a manager."""
    return datetime.now(UTC).astimezone(LONDON).date()


def field_error(field: str | list[str | int], msg: str, kind: str, *, status: int = 422,
                detail: str | None = None) -> ProblemError:
    """A problem pointing at one body field, e.g. the unknown category in a new asset."""
    loc: list[str | int] = ["body", *(field if isinstance(field, list) else [field])]
    return ProblemError(status, detail or f"{loc[-1]}: {msg}.",
                        slug="validation" if status == 422 else "conflict",
                        errors=[{"loc": loc, "msg": msg, "type": kind}])


def required_cleared(changes: dict[str, Any], required: frozenset[str]) -> None:
    cleared = sorted(f for f in required if f in changes and changes[f] is None)
    if cleared:
        raise ProblemError(422, "Required fields cannot be cleared.", slug="validation", errors=[
            {"loc": ["body", f], "msg": "cannot be empty", "type": "missing"} for f in cleared])


def as_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
