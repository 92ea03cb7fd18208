"""The assets-api permission matrix: which roles may do what. Home scoping (which homes) is
applied on top of this by the queries: outside org-wide roles, people see their own homes."""

import enum
from typing import Any

from fastapi import Depends

from carehub_kit.auth import ALL_ROLES, Permissions, Role


class Action(enum.StrEnum):
    home_read = "home.read"
    home_create = "home.create"
    home_update = "home.update"
    home_archive = "home.archive"


ESTATE_MANAGERS = frozenset({Role.admin, Role.estates_officer})

MATRIX = Permissions[Action]({
    Action.home_read: ALL_ROLES,
    Action.home_create: ESTATE_MANAGERS,
    Action.home_update: ESTATE_MANAGERS,
    Action.home_archive: ESTATE_MANAGERS,
})


def allowed(action: Action) -> Any:
    """`actor: Annotated[Actor, allowed(Action.home_read)]`: 403 unless the role may do it."""
    return Depends(MATRIX.require(action))
