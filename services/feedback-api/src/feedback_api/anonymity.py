"""The pieces that keep anonymous feedback and survey answers anonymous in the database.

Everything that must tell "the same person" apart without knowing who is a keyed hash
(HMAC-SHA256 with the server's `FEEDBACK_RECEIPT_SECRET`): it cannot be reversed to a person,
and without the secret it cannot even be tested against a guessed one. Times that could be
matched against request logs are kept to the day.
"""

import base64
import hashlib
import hmac
import secrets
import uuid
from datetime import UTC, date, datetime, time

REPLY_CODE_BYTES = 15  # 120 bits, shown as 24 base32 characters in groups of four


def keyed_hash(secret: str, *parts: str) -> str:
    message = "\x1f".join(parts).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def survey_receipt(secret: str, survey_id: uuid.UUID, sub: str) -> str:
    return keyed_hash(secret, "survey-receipt", str(survey_id), sub)


def contributor_hash(secret: str, home_id: uuid.UUID, sub: str) -> str:
    return keyed_hash(secret, "contributor", str(home_id), sub)


def today() -> date:
    return datetime.now(UTC).date()


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _format_code(raw: bytes) -> str:
    text = base64.b32encode(raw).decode().rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def new_reply_code() -> str:
    return _format_code(secrets.token_bytes(REPLY_CODE_BYTES))


def reply_code_for_key(secret: str, sub: str, idempotency_key: str) -> str:
    """A retried submission (same person, same Idempotency-Key) gets the same reply code back
    without the code, the key or the person being stored anywhere."""
    digest = hmac.new(secret.encode(), "\x1f".join(("reply-code", sub, idempotency_key)).encode(),
                      hashlib.sha256).digest()
    return _format_code(digest[:REPLY_CODE_BYTES])


def normalise_reply_code(code: str) -> str:
    compact = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def reply_code_hash(code: str) -> str:
    """Stored in place of the code. The code carries 120 random bits, so a plain SHA-256 cannot
    be searched; the code itself is shown once, to the submitter."""
    return hashlib.sha256(normalise_reply_code(code).encode()).hexdigest()
