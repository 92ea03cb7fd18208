"""HTTP for recalls and field safety notices."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from assets_api.db import IdempotencyKey
from assets_api.permissions import Action, allowed
from assets_api.recalls import repository, service
from assets_api.recalls.models import RecallAction, RecallStatus
from assets_api.recalls.schemas import (
    RecallAssetPage,
    RecallAssetRead,
    RecallAssetUpdate,
    RecallCreate,
    RecallPage,
    RecallRead,
    RecallUpdate,
)
from assets_api.scope import list_homes
from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of

router = APIRouter(prefix="/v1/recalls", tags=["recalls"])

Reader = Annotated[Actor, allowed(Action.recall_read)]
Manager = Annotated[Actor, allowed(Action.recall_manage)]
Actioner = Annotated[Actor, allowed(Action.recall_action)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]


@router.get("", response_model=RecallPage, responses=problem_responses(401, 403, 404, 422))
async def list_recalls(request: Request, response: Response, session: DbSession, actor: Reader,
                       home_id: uuid.UUID | None = None, status: RecallStatus | None = None,
                       sort: SortParam = "-issued_date", cursor: Cursor = None,
                       limit: Limit = DEFAULT_LIMIT) -> RecallPage:
    """Recalls reaching the homes you see (or `home_id`), newest first."""
    f = repository.RecallFilter(homes=list_homes(actor, home_id), status=status)
    rows = await repository.list_page(session, repository.list_query(f), sort=sort, cursor=cursor, limit=limit)
    reads = {r.id: r for r in await service.read(session, actor, rows[:limit])}
    return page_of(rows, RecallPage, sort=sort, allowed=repository.SORTS, limit=limit, request=request,
                   response=response, to_item=lambda row: reads[row.id])


@router.post("", status_code=201, response_model=RecallRead, responses=problem_responses(401, 403, 422))
async def issue_recall(request: Request, body: RecallCreate, session: DbSession, actor: Manager,
                       idempotency: IdempotencyKey) -> JSONResponse:
    """Record a field safety notice and mark every matching asset, in every home, as affected."""
    recall = await service.issue(session, actor, body)
    (read,) = await service.read(session, actor, [recall])
    return await idempotency.respond(read, status=201, headers={
        "ETag": etag(recall.version), "Location": str(request.url_for("get_recall", recall_id=recall.id).path)})


@router.get("/{recall_id}", response_model=RecallRead, responses=problem_responses(401, 403, 404, 422))
async def get_recall(recall_id: uuid.UUID, response: Response, session: DbSession, actor: Reader) -> RecallRead:
    recall = await service.get(session, actor, recall_id)
    set_etag(response, recall.version)
    return (await service.read(session, actor, [recall]))[0]


@router.patch("/{recall_id}", response_model=RecallRead,
              responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def update_recall(recall_id: uuid.UUID, body: RecallUpdate, expected: ExpectedVersion, response: Response,
                        session: DbSession, actor: Manager) -> RecallRead:
    """Close the recall (409 while an affected asset is still pending)."""
    recall = await service.update(session, actor, recall_id, expected, body)
    set_etag(response, recall.version)
    return (await service.read(session, actor, [recall]))[0]


@router.get("/{recall_id}/assets", response_model=RecallAssetPage, responses=problem_responses(401, 403, 404, 422))
async def list_recall_assets(request: Request, response: Response, recall_id: uuid.UUID, session: DbSession,
                             actor: Reader, home_id: uuid.UUID | None = None, action: RecallAction | None = None,
                             cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> RecallAssetPage:
    """The affected assets in the homes you see, by tag."""
    homes = list_homes(actor, home_id)
    await service.get(session, actor, recall_id)
    rows = await repository.assets_page(session, repository.assets_query(recall_id, homes, action), cursor=cursor,
                                        limit=limit)
    return page_of(rows, RecallAssetPage, sort="asset_tag", allowed=repository.ASSET_SORTS, limit=limit,
                   request=request, response=response)


@router.patch("/{recall_id}/assets/{asset_id}", response_model=RecallAssetRead,
              responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def record_recall_action(recall_id: uuid.UUID, asset_id: uuid.UUID, body: RecallAssetUpdate,
                               expected: ExpectedVersion, response: Response, session: DbSession,
                               actor: Actioner) -> RecallAssetRead:
    """Record what was done to one affected asset: checked, modified or withdrawn."""
    row = await service.record_action(session, actor, recall_id, asset_id, expected, body)
    set_etag(response, row.version)
    return RecallAssetRead.model_validate(row)
