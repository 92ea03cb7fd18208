"""Time-ordered ids for append-heavy tables (UUID version 7, RFC 9562).

A random (v4) primary key sends each insert to a random leaf of a multi-million-row index; a
v7 id starts with the time in milliseconds, so new notes land on the index's right edge and
the pages being written stay in memory. Python gains `uuid.uuid7` only in 3.14."""

import os
import time
import uuid


def uuid7() -> uuid.UUID:
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")  # 80 random bits, 74 of them kept
    value = (millis & (1 << 48) - 1) << 80 | 0x7 << 76 | (rand >> 68 & 0xFFF) << 64 | 0b10 << 62 | rand & (1 << 62) - 1
    return uuid.UUID(int=value)
