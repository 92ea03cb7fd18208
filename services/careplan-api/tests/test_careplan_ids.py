"""Note ids: UUID version 7, so new rows land at the right edge of the primary-key index."""

import time

from careplan_api.ids import uuid7


def test_note_ids_are_version_7_and_time_ordered() -> None:
    first = uuid7()
    time.sleep(0.002)
    second = uuid7()
    assert (first.version, first.variant) == (7, "specified in RFC 4122")
    assert second > first
