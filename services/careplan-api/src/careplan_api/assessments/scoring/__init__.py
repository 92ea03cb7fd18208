"""Published risk-scoring rules, one module per tool, as pure functions (no I/O) so every band
boundary can be tested exactly. Each module's docstring names its source document."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """A scored assessment: the points per item, the total, the band and what to do."""

    item_scores: dict[str, int]
    score: int
    band: str
    high_risk: bool
    action: str
