"""Small helpers the domain modules share: field errors, home visibility, months."""

import uuid
from datetime import date
from typing import Any

from fastapi import Request

from carehub_kit.auth import can_see_home, home_scope
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor
from feedback_api.settings import Settings


def field_error(loc: list[str | int], msg: str, type_: str = "value_error", status: int = 422,
                detail: str | None = None) -> ProblemError:
    """A problem+json pointing at one field, like FastAPI's own validation errors."""
    return ProblemError(status, detail or f"{loc[-1]}: {msg}.", slug="validation" if status == 422 else None,
                        errors=[{"loc": loc, "msg": msg, "type": type_}])


def require_home(actor: Actor, home_id: uuid.UUID | None, what: str = "home") -> None:
    """404 for a home outside the actor's homes: no existence leak."""
    if home_id is not None and not can_see_home(actor, home_id):
        raise not_found(what)


def scoped_homes(actor: Actor, home_id: uuid.UUID | None) -> frozenset[uuid.UUID] | None:
    """The homes a query may cover: one asked-for home (checked), else the actor's scope."""
    if home_id is not None:
        require_home(actor, home_id)
        return frozenset({home_id})
    return home_scope(actor)


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def settings_of(request: Request) -> Settings:
    settings: Any = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings
