"""`Idempotency-Key` on POST: a retry with the same key and body gets the first response back
and creates nothing new; the same key with a different body is refused (422).

The key row is inserted at the start of the request's own transaction. A concurrent retry's
INSERT waits on the primary key until the first transaction ends: if it committed, the retry
replays the stored response; if it rolled back, the retry runs as new. So a key is only ever
bound to a response that was really committed. Keys are kept 24 hours.
"""

import asyncio
import hashlib
import json
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import MetaData, Table, delete, func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from starlette.datastructures import UploadFile

from carehub_kit.auth import CurrentActor
from carehub_kit.db import DbSession
from carehub_kit.errors import ProblemError
from carehub_kit.logging import get_logger
from carehub_kit.tables import kit_table

KEEP_FOR = timedelta(hours=24)
REPLAY_HEADER = "Idempotent-Replayed"
_KEPT_HEADERS = ("etag", "location")
log = get_logger("carehub.idempotency")


class IdempotentReplay(Exception):
    """Raised by the dependency to answer with the stored first response."""

    def __init__(self, status: int, body: Any, headers: Mapping[str, str]) -> None:
        self.response = JSONResponse(body, status_code=status, headers={**headers, REPLAY_HEADER: "true"})


async def on_replay(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, IdempotentReplay)
    return exc.response


def request_fingerprint(method: str, path: str, body: bytes) -> str:
    try:  # the same JSON with other spacing or key order is the same request
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except ValueError:
        canonical = body
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + canonical).hexdigest()


class Idempotency:
    """Per-request handle: replays or claims the key up front, stores the response at the end."""

    def __init__(self, table: Table, session: AsyncSession, actor_sub: str, key: str | None) -> None:
        self.table, self.session, self.actor_sub, self.key = table, session, actor_sub, key

    async def claim(self, fingerprint: str) -> None:
        t = self.table
        mine = (t.c.actor_sub == self.actor_sub) & (t.c.key == self.key)
        await self.session.execute(delete(t).where(mine, t.c.created_at < func.now() - KEEP_FOR))
        claimed = await self.session.scalar(
            insert(t).values(actor_sub=self.actor_sub, key=self.key, request_hash=fingerprint)
            .on_conflict_do_nothing().returning(t.c.key)
        )
        if claimed is not None:
            return
        first = (await self.session.execute(select(t).where(mine))).one()
        if first.request_hash != fingerprint:
            raise ProblemError(
                422, "This Idempotency-Key was already used for a different request.",
                slug="idempotency-key-reused",
                errors=[{"loc": ["header", "Idempotency-Key"], "msg": "already used with another body",
                         "type": "idempotency_key_reused"}],
            )
        raise IdempotentReplay(first.status_code, first.response_body, first.response_headers)

    async def respond(self, body: BaseModel, *, status: int = 201,
                      headers: Mapping[str, str] | None = None) -> JSONResponse:
        """The route's response; stored against the key (when one was sent) in this transaction."""
        content = body.model_dump(mode="json")
        kept = {k: v for k, v in (headers or {}).items() if k.lower() in _KEPT_HEADERS}
        if self.key is not None:
            t = self.table
            await self.session.execute(
                update(t).where(t.c.actor_sub == self.actor_sub, t.c.key == self.key)
                .values(status_code=status, response_body=content, response_headers=kept)
            )
        return JSONResponse(content, status_code=status, headers=dict(headers or {}))


FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


async def _fingerprinted_body(request: Request) -> bytes:
    """What makes two requests "the same": the raw body, or for a form (whose stream the form
    parser has already read) its fields in order and each uploaded file's name and SHA-256."""
    if not request.headers.get("content-type", "").startswith(FORM_TYPES):
        return await request.body()
    parts = []
    for name, value in sorted((await request.form()).multi_items(), key=lambda item: item[0]):
        if isinstance(value, UploadFile):
            parts.append(f"{name}=file:{value.filename}:{await _file_sha256(value)}")
        else:
            parts.append(f"{name}={value}")
    return "\n".join(parts).encode()


async def _file_sha256(upload: UploadFile) -> str:
    digest = hashlib.sha256()
    await upload.seek(0)
    while chunk := await upload.read(1 << 20):
        digest.update(chunk)
    await upload.seek(0)  # the route reads it next
    return digest.hexdigest()


def idempotency_dependency(metadata: MetaData) -> Callable[..., Awaitable[Idempotency]]:
    """The dependency for one schema. Declare it per service with scope="function", so it
    shares the request's transaction:
    `IdempotencyKey = Annotated[Idempotency, Depends(idempotency_dependency(metadata), scope="function")]`
    """
    table = kit_table(metadata, "idempotency_key")

    async def dependency(
        request: Request, session: DbSession, actor: CurrentActor,
        idempotency_key: Annotated[str | None, Header(min_length=1, max_length=255)] = None,
    ) -> Idempotency:
        handle = Idempotency(table, session, actor.sub, idempotency_key)
        if idempotency_key is not None:
            body = await _fingerprinted_body(request)
            await handle.claim(request_fingerprint(request.method, request.url.path, body))
        return handle

    return dependency


async def purge_expired(engine: AsyncEngine, schema: str) -> int:
    """Forget keys older than 24 hours; returns how many went."""
    async with engine.begin() as conn:
        result = await conn.execute(
            text(f'DELETE FROM "{schema}".idempotency_key WHERE created_at < now() - make_interval(hours => :h)'),
            {"h": int(KEEP_FOR.total_seconds() // 3600)},
        )
    return int(result.rowcount or 0)


async def purge_periodically(engine: AsyncEngine, schema: str, every_s: float = 3600) -> None:
    """Run for the life of the app (cancelled at shutdown); a failed purge is retried next time."""
    while True:
        try:
            await purge_expired(engine, schema)
        except Exception as exc:  # the database may be briefly away: never kill the app for this
            log.warning("idempotency_purge_failed", error=type(exc).__name__)
        await asyncio.sleep(every_s)
