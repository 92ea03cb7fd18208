"""HTTP for feedback items: give feedback, read it, triage it, talk about it."""

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.auth import home_scope
from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.idempotency import REPLAY_HEADER
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from feedback_api.common import require_home, settings_of
from feedback_api.db import IdempotencyKey
from feedback_api.items import conversation, repository, service, triage
from feedback_api.items.models import ItemStatus
from feedback_api.items.schemas import (
    ItemCreate,
    ItemMerge,
    ItemPage,
    ItemRead,
    ItemSubmitted,
    ItemTriage,
    MessageCreate,
    MessagePage,
    MessageRead,
)
from feedback_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/feedback-items", tags=["feedback-items"])
mine_router = APIRouter(prefix="/v1/my-feedback", tags=["feedback-items"])

Submitter = Annotated[Actor, allowed(Action.item_submit)]
Reader = Annotated[Actor, allowed(Action.item_read)]
OwnReader = Annotated[Actor, allowed(Action.item_read_own)]
Replier = Annotated[Actor, allowed(Action.item_reply)]
Triager = Annotated[Actor, allowed(Action.item_triage)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]
# Handled here rather than by the kit's table: that table would store the caller's sub next to
# the response, which an anonymous item must never have (see items/anonymous.py).
KeyHeader = Annotated[str | None, Header(alias="Idempotency-Key", min_length=1, max_length=255)]


@router.post("", status_code=201, response_model=ItemSubmitted, responses=problem_responses(401, 403, 404, 422))
async def submit_item(request: Request, body: ItemCreate, session: DbSession, actor: Submitter,
                      idempotency_key: KeyHeader = None) -> JSONResponse:
    """Give feedback. With `anonymous: true` nothing stored says who gave it; keep the reply
    code from the answer to read replies and to answer them."""
    done = await service.submit(session, actor, body, secret=settings_of(request).receipt_secret,
                                idempotency_key=idempotency_key)
    model = ItemSubmitted(**ItemRead.model_validate(done.item).model_dump(), reply_code=done.reply_code)
    headers = {"ETag": etag(done.item.version),
               "Location": str(request.url_for("get_item", item_id=done.item.id).path)}
    if done.replayed:
        headers[REPLAY_HEADER] = "true"
    return JSONResponse(model.model_dump(mode="json"), status_code=201, headers=headers)


@router.get("", response_model=ItemPage, responses=problem_responses(401, 403, 404, 422))
async def list_items(
    request: Request, response: Response, session: DbSession, actor: Reader,
    home_id: uuid.UUID | None = None, theme_id: uuid.UUID | None = None, status: ItemStatus | None = None,
    tag: Annotated[str | None, Query(max_length=40)] = None,
    raised_from: date | None = None, raised_to: date | None = None,
    sort: SortParam = "-raised_on", cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> ItemPage:
    require_home(actor, home_id)
    stmt = repository.list_query(homes=home_scope(actor), home_id=home_id, theme_id=theme_id, status=status,
                                 tag=tag, raised_from=raised_from, raised_to=raised_to)
    rows = await repository.list_page(session, stmt, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, ItemPage, sort=sort, allowed=repository.SORTS, limit=limit, request=request,
                   response=response)


@router.get("/{item_id}", response_model=ItemRead, responses=problem_responses(401, 403, 404))
async def get_item(item_id: uuid.UUID, response: Response, session: DbSession, actor: Reader) -> ItemRead:
    item = await service.get_visible(session, actor, item_id)
    set_etag(response, item.version)
    return ItemRead.model_validate(item)


@router.patch("/{item_id}", response_model=ItemRead,
              responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def triage_item(item_id: uuid.UUID, body: ItemTriage, expected: ExpectedVersion, response: Response,
                      session: DbSession, actor: Triager) -> ItemRead:
    """Set the theme, tags or status (new, triaged, closed)."""
    item = await triage.update(session, actor, item_id, expected, body)
    set_etag(response, item.version)
    return ItemRead.model_validate(item)


@router.post("/{item_id}/merge", response_model=ItemRead,
             responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def merge_item(item_id: uuid.UUID, body: ItemMerge, expected: ExpectedVersion, session: DbSession,
                     actor: Triager, idempotency: IdempotencyKey) -> JSONResponse:
    """Merge this item into the one it duplicates (send this item's ETag in If-Match)."""
    item = await triage.merge(session, actor, item_id, expected, body)
    return await idempotency.respond(ItemRead.model_validate(item), status=200, headers={"ETag": etag(item.version)})


@router.get("/{item_id}/messages", response_model=MessagePage, responses=problem_responses(401, 403, 404, 422))
async def list_item_messages(item_id: uuid.UUID, request: Request, response: Response, session: DbSession,
                             actor: Reader, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> MessagePage:
    await service.get_visible(session, actor, item_id)
    rows = await repository.message_page(session, item_id, cursor=cursor, limit=limit)
    return page_of(rows, MessagePage, sort="seq", allowed=repository.MESSAGE_SORTS, limit=limit,
                   request=request, response=response)


@router.post("/{item_id}/messages", status_code=201, response_model=MessageRead,
             responses=problem_responses(401, 403, 404, 409, 422))
async def reply_to_item(item_id: uuid.UUID, body: MessageCreate, session: DbSession, actor: Replier,
                        idempotency: IdempotencyKey) -> JSONResponse:
    """Answer the person who gave the feedback (under your own name)."""
    message = await conversation.staff_reply(session, actor, item_id, body.body)
    return await idempotency.respond(MessageRead.model_validate(message), status=201)


@mine_router.get("", response_model=ItemPage, responses=problem_responses(401, 403, 422))
async def list_my_items(request: Request, response: Response, session: DbSession, actor: OwnReader,
                        sort: SortParam = "-raised_on", cursor: Cursor = None,
                        limit: Limit = DEFAULT_LIMIT) -> ItemPage:
    """Feedback you gave under your name (anonymous items are not linked to you, so not here)."""
    stmt = repository.list_query(homes=None, home_id=None, theme_id=None, status=None, tag=None, raised_from=None,
                                 raised_to=None, author_sub=actor.sub)
    rows = await repository.list_page(session, stmt, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, ItemPage, sort=sort, allowed=repository.SORTS, limit=limit, request=request,
                   response=response)
