"""HTTP for the location tree."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from assets_api.db import IdempotencyKey
from assets_api.locations import repository, service
from assets_api.locations.models import LocationKind, RoomType
from assets_api.locations.schemas import LocationCreate, LocationPage, LocationRead, LocationUpdate
from assets_api.permissions import Action, allowed
from assets_api.scope import list_homes
from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of

router = APIRouter(prefix="/v1/locations", tags=["locations"])

Reader = Annotated[Actor, allowed(Action.location_read)]
Manager = Annotated[Actor, allowed(Action.location_manage)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}. `path` gives tree order.")]


@router.get("", response_model=LocationPage, responses=problem_responses(401, 403, 404, 422))
async def list_locations(
    request: Request, response: Response, session: DbSession, actor: Reader,
    home_id: uuid.UUID | None = None,
    parent_id: uuid.UUID | None = None,
    within: Annotated[uuid.UUID | None, Query(description="This location and everything inside it.")] = None,
    kind: LocationKind | None = None,
    room_type: RoomType | None = None,
    include_archived: bool = False,
    sort: SortParam = "path",
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> LocationPage:
    within_path = (await service.get(session, actor, within)).path if within else None
    stmt = repository.list_query(homes=list_homes(actor, home_id), parent_id=parent_id, within=within_path,
                                 kind=kind, room_type=room_type, include_archived=include_archived)
    rows = await repository.list_page(session, stmt, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, LocationPage, sort=sort, allowed=repository.SORTS, limit=limit,
                   request=request, response=response)


@router.post("", status_code=201, response_model=LocationRead, responses=problem_responses(401, 403, 404, 409, 422))
async def create_location(
    request: Request, body: LocationCreate, session: DbSession, actor: Manager, idempotency: IdempotencyKey,
) -> JSONResponse:
    location = await service.create(session, actor, body)
    return await idempotency.respond(LocationRead.model_validate(location), status=201, headers={
        "ETag": etag(location.version),
        "Location": str(request.url_for("get_location", location_id=location.id).path)})


@router.get("/{location_id}", response_model=LocationRead, responses=problem_responses(401, 403, 404, 422))
async def get_location(location_id: uuid.UUID, response: Response, session: DbSession,
                       actor: Reader) -> LocationRead:
    location = await service.get(session, actor, location_id)
    set_etag(response, location.version)
    return LocationRead.model_validate(location)


@router.patch("/{location_id}", response_model=LocationRead,
              responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def update_location(location_id: uuid.UUID, body: LocationUpdate, expected: ExpectedVersion,
                          response: Response, session: DbSession, actor: Manager) -> LocationRead:
    """Change a location; a new `parent_id` moves it, with everything inside it."""
    location = await service.update(session, actor, location_id, expected, body)
    set_etag(response, location.version)
    return LocationRead.model_validate(location)


@router.delete("/{location_id}", response_model=LocationRead,
               responses=problem_responses(400, 401, 403, 404, 409, 412, 428))
async def archive_location(location_id: uuid.UUID, expected: ExpectedVersion, response: Response,
                           session: DbSession, actor: Manager) -> LocationRead:
    """Archive an empty location (no live sub-locations or assets)."""
    location = await service.archive(session, actor, location_id, expected)
    set_etag(response, location.version)
    return LocationRead.model_validate(location)
