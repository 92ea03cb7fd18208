"""HTTP for homes: parse, call the service, shape the response."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from assets_api.db import IdempotencyKey
from assets_api.homes import repository, service
from assets_api.homes.models import HomeStatus
from assets_api.homes.schemas import HomeCreate, HomePage, HomeRead, HomeUpdate
from assets_api.permissions import Action, allowed
from carehub_kit.auth import home_scope
from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of

router = APIRouter(prefix="/v1/homes", tags=["homes"])

Reader = Annotated[Actor, allowed(Action.home_read)]
Creator = Annotated[Actor, allowed(Action.home_create)]
Updater = Annotated[Actor, allowed(Action.home_update)]
Archiver = Annotated[Actor, allowed(Action.home_archive)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]


@router.get("", response_model=HomePage, responses=problem_responses(401, 403, 422))
async def list_homes(
    request: Request, response: Response, session: DbSession, actor: Reader,
    q: Annotated[str | None, Query(max_length=100, description="Words that start a home's name or postcode.")] = None,
    status: HomeStatus | None = None,
    include_archived: bool = False,
    sort: SortParam = "name",
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> HomePage:
    stmt = repository.list_query(q=q, status=status, include_archived=include_archived,
                                 home_ids=home_scope(actor))
    rows = await repository.list_page(session, stmt, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, HomePage, sort=sort, allowed=repository.SORTS, limit=limit,
                   request=request, response=response)


@router.post("", status_code=201, response_model=HomeRead, responses=problem_responses(401, 403, 409, 422))
async def create_home(
    request: Request, body: HomeCreate, session: DbSession, actor: Creator, idempotency: IdempotencyKey,
) -> JSONResponse:
    home = await service.create(session, actor, body)
    location = str(request.url_for("get_home", home_id=home.id).path)
    return await idempotency.respond(
        HomeRead.model_validate(home), status=201,
        headers={"ETag": etag(home.version), "Location": location},
    )


@router.get("/{home_id}", response_model=HomeRead, responses=problem_responses(401, 403, 404))
async def get_home(home_id: uuid.UUID, response: Response, session: DbSession, actor: Reader) -> HomeRead:
    home = await service.get(session, actor, home_id)
    set_etag(response, home.version)
    return HomeRead.model_validate(home)


@router.patch("/{home_id}", response_model=HomeRead,
              responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def update_home(
    home_id: uuid.UUID, body: HomeUpdate, expected: ExpectedVersion, response: Response,
    session: DbSession, actor: Updater,
) -> HomeRead:
    home = await service.update(session, actor, home_id, expected, body)
    set_etag(response, home.version)
    return HomeRead.model_validate(home)


@router.delete("/{home_id}", response_model=HomeRead, responses=problem_responses(400, 401, 403, 404, 412, 428))
async def archive_home(
    home_id: uuid.UUID, expected: ExpectedVersion, response: Response, session: DbSession, actor: Archiver,
) -> HomeRead:
    """Archive the home: it leaves lists but its record and history are kept."""
    home = await service.archive(session, actor, home_id, expected)
    set_etag(response, home.version)
    return HomeRead.model_validate(home)
