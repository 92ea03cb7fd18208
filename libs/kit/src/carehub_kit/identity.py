"""Who is calling. The actor is what the audit trail and idempotency keys are recorded against.

Until sign-in lands (the identity issue), every caller is the anonymous actor; routes already
depend on `CurrentActor`, so that issue fills this in without touching them.
"""

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends


@dataclass(frozen=True)
class Actor:
    sub: str
    name: str
    roles: tuple[str, ...] = field(default_factory=tuple)
    homes: tuple[str, ...] = field(default_factory=tuple)


ANONYMOUS = Actor(sub="anonymous", name="Anonymous")


async def current_actor() -> Actor:
    return ANONYMOUS


CurrentActor = Annotated[Actor, Depends(current_actor)]
