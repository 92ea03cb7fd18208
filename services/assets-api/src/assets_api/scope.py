"""Home scoping shared by the estate modules: a home outside the actor's is a 404, never a 403."""

import uuid

from sqlalchemy import ColumnElement, true
from sqlalchemy.orm import InstrumentedAttribute

from carehub_kit.auth import can_see_home, home_scope
from carehub_kit.errors import not_found
from carehub_kit.identity import Actor


def require_home(actor: Actor, home_id: uuid.UUID, what: str = "home") -> None:
    if not can_see_home(actor, home_id):
        raise not_found(what)


def visible(actor: Actor, home_col: InstrumentedAttribute[uuid.UUID]) -> ColumnElement[bool]:
    """A WHERE clause limiting a query to the actor's homes (nothing extra for org-wide roles)."""
    scope = home_scope(actor)
    return true() if scope is None else home_col.in_(scope)


def list_homes(actor: Actor, home_id: uuid.UUID | None) -> frozenset[uuid.UUID] | None:
    """The homes a list may cover: one asked-for home (404 if not the actor's), or all theirs."""
    if home_id is not None:
        require_home(actor, home_id)
        return frozenset({home_id})
    return home_scope(actor)
