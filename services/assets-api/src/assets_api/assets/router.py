"""HTTP for assets."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from assets_api.assets import repository, service
from assets_api.assets.filters import FilteredAssets
from assets_api.assets.schemas import AssetCreate, AssetPage, AssetRead, AssetUpdate
from assets_api.compliance import service as compliance_service
from assets_api.compliance.schemas import AssetSchedule
from assets_api.db import IdempotencyKey
from assets_api.permissions import Action, allowed
from assets_api.types import today
from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of

router = APIRouter(prefix="/v1/assets", tags=["assets"])

Reader = Annotated[Actor, allowed(Action.asset_read)]
Manager = Annotated[Actor, allowed(Action.asset_manage)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]


@router.get("", response_model=AssetPage, responses=problem_responses(401, 403, 404, 422))
async def list_assets(
    request: Request, response: Response, session: DbSession, f: FilteredAssets,
    count: Annotated[bool, Query(description="Also return `total`, the number of matching assets.")] = False,
    sort: SortParam = "tag",
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> AssetPage:
    rows = await repository.list_page(session, repository.list_query(f), sort=sort, cursor=cursor, limit=limit)
    page = page_of(rows, AssetPage, sort=sort, allowed=repository.SORTS, limit=limit,
                   request=request, response=response)
    if count:
        page.total = await repository.count(session, f)
    return page


@router.post("", status_code=201, response_model=AssetRead, responses=problem_responses(401, 403, 404, 409, 422))
async def create_asset(
    request: Request, body: AssetCreate, session: DbSession, actor: Manager, idempotency: IdempotencyKey,
) -> JSONResponse:
    asset = await service.create(session, actor, body)
    return await idempotency.respond(AssetRead.model_validate(asset), status=201, headers={
        "ETag": etag(asset.version), "Location": str(request.url_for("get_asset", asset_id=asset.id).path)})


@router.get("/{asset_id}", response_model=AssetRead, responses=problem_responses(401, 403, 404, 422))
async def get_asset(asset_id: uuid.UUID, response: Response, session: DbSession, actor: Reader) -> AssetRead:
    asset = await service.get(session, actor, asset_id)
    set_etag(response, asset.version)
    return AssetRead.model_validate(asset)


@router.get("/{asset_id}/schedule", response_model=AssetSchedule, responses=problem_responses(401, 403, 404, 422))
async def get_asset_schedule(asset_id: uuid.UUID, session: DbSession, actor: Reader) -> AssetSchedule:
    """Every inspection the asset needs: last done, outcome, next due date and compliance states, in
    one call (the asset page's table; the dates come from the same schedule as compliance)."""
    return await compliance_service.asset_schedule(session, actor, asset_id, today())


@router.patch("/{asset_id}", response_model=AssetRead,
              responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def update_asset(asset_id: uuid.UUID, body: AssetUpdate, expected: ExpectedVersion, response: Response,
                       session: DbSession, actor: Manager) -> AssetRead:
    asset = await service.update(session, actor, asset_id, expected, body)
    set_etag(response, asset.version)
    return AssetRead.model_validate(asset)


@router.delete("/{asset_id}", response_model=AssetRead, responses=problem_responses(400, 401, 403, 404, 412, 428))
async def archive_asset(asset_id: uuid.UUID, expected: ExpectedVersion, response: Response, session: DbSession,
                        actor: Manager) -> AssetRead:
    asset = await service.archive(session, actor, asset_id, expected)
    set_etag(response, asset.version)
    return AssetRead.model_validate(asset)
