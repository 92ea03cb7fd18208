"""Who is calling: the actor the audit trail, idempotency keys and home scoping are recorded
against. Services get it from a verified bearer token (`carehub_kit.auth.CurrentActor`); jobs
such as the demo seed name a system actor."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Actor:
    sub: str
    name: str
    roles: tuple[str, ...] = field(default_factory=tuple)
    homes: tuple[str, ...] = field(default_factory=tuple)
