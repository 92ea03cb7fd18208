"""HTTP for asset categories."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from assets_api.categories import repository, service
from assets_api.categories.schemas import CategoryCreate, CategoryPage, CategoryRead, CategoryUpdate
from assets_api.db import IdempotencyKey
from assets_api.permissions import Action, allowed
from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of

router = APIRouter(prefix="/v1/categories", tags=["categories"])

Reader = Annotated[Actor, allowed(Action.category_read)]
Manager = Annotated[Actor, allowed(Action.category_manage)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]


@router.get("", response_model=CategoryPage, responses=problem_responses(401, 403, 422))
async def list_categories(
    request: Request, response: Response, session: DbSession, _actor: Reader,
    include_archived: bool = False, sort: SortParam = "name", cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> CategoryPage:
    stmt = repository.list_query(include_archived=include_archived)
    rows = await repository.list_page(session, stmt, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, CategoryPage, sort=sort, allowed=repository.SORTS, limit=limit,
                   request=request, response=response)


@router.post("", status_code=201, response_model=CategoryRead, responses=problem_responses(401, 403, 409, 422))
async def create_category(
    request: Request, body: CategoryCreate, session: DbSession, actor: Manager, idempotency: IdempotencyKey,
) -> JSONResponse:
    category = await service.create(session, actor, body)
    return await idempotency.respond(CategoryRead.model_validate(category), status=201, headers={
        "ETag": etag(category.version),
        "Location": str(request.url_for("get_category", category_id=category.id).path)})


@router.get("/{category_id}", response_model=CategoryRead, responses=problem_responses(401, 403, 404, 422))
async def get_category(category_id: uuid.UUID, response: Response, session: DbSession,
                       _actor: Reader) -> CategoryRead:
    category = await service.get(session, category_id)
    set_etag(response, category.version)
    return CategoryRead.model_validate(category)


@router.patch("/{category_id}", response_model=CategoryRead,
              responses=problem_responses(400, 401, 403, 404, 412, 422, 428))
async def update_category(category_id: uuid.UUID, body: CategoryUpdate, expected: ExpectedVersion,
                          response: Response, session: DbSession, actor: Manager) -> CategoryRead:
    category = await service.update(session, actor, category_id, expected, body)
    set_etag(response, category.version)
    return CategoryRead.model_validate(category)


@router.delete("/{category_id}", response_model=CategoryRead,
               responses=problem_responses(400, 401, 403, 404, 412, 428))
async def archive_category(category_id: uuid.UUID, expected: ExpectedVersion, response: Response,
                           session: DbSession, actor: Manager) -> CategoryRead:
    category = await service.archive(session, actor, category_id, expected)
    set_etag(response, category.version)
    return CategoryRead.model_validate(category)
