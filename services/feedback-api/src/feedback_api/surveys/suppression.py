"""Which groups' results may be shown.

Primary suppression: a group (a home) with fewer than `k` respondents is hidden. Differencing
protection (complementary suppression): the all-homes total is shown, so the hidden homes
together could be worked out as total minus the shown homes; if that remainder is between 1
and k-1 people, the smallest shown home is hidden as well, and so on until the remainder is
0 or at least k. If the total itself is below k, everything is hidden.
"""

import uuid
from collections.abc import Mapping

BELOW_MINIMUM = "below_minimum"
DIFFERENCING = "differencing"


def hidden_groups(counts: Mapping[uuid.UUID, int], k: int,
                  already: Mapping[uuid.UUID, str] | None = None) -> dict[uuid.UUID, str]:
    """home -> why hidden. `counts` are respondents (or answers) per home; `already` is carried
    in (a question inherits the hiding of its group)."""
    hidden = dict(already or {})
    for home, n in counts.items():
        if n < k:
            hidden.setdefault(home, BELOW_MINIMUM)
    if sum(counts.values()) < k:
        return {home: hidden.get(home, BELOW_MINIMUM) for home in counts}
    while True:
        remainder = sum(n for home, n in counts.items() if home in hidden)
        shown = sorted((n, str(home)) for home, n in counts.items() if home not in hidden)
        if remainder == 0 or remainder >= k or not shown:
            return hidden
        hidden[uuid.UUID(shown[0][1])] = DIFFERENCING


def total_hidden(counts: Mapping[uuid.UUID, int], k: int) -> bool:
    return sum(counts.values()) < k


def enps(promoters: int, detractors: int, answered: int) -> float | None:
    """Employee Net Promoter Score: % answering 9-10 minus % answering 0-6, one decimal."""
    if answered == 0:
        return None
    return round(100 * (promoters - detractors) / answered, 1)
