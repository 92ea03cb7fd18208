"""HTTP for themes."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from feedback_api.db import IdempotencyKey
from feedback_api.permissions import Action, allowed
from feedback_api.themes import repository, service
from feedback_api.themes.schemas import ThemeCreate, ThemePage, ThemeRead, ThemeUpdate

router = APIRouter(prefix="/v1/themes", tags=["themes"])

Reader = Annotated[Actor, allowed(Action.theme_read)]
Manager = Annotated[Actor, allowed(Action.theme_manage)]


@router.get("", response_model=ThemePage, responses=problem_responses(401, 403, 422))
async def list_themes(
    request: Request, response: Response, session: DbSession, _actor: Reader,
    include_archived: bool = False,
    sort: Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")] = "name",
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> ThemePage:
    rows = await repository.list_page(session, include_archived=include_archived, sort=sort, cursor=cursor,
                                      limit=limit)
    return page_of(rows, ThemePage, sort=sort, allowed=repository.SORTS, limit=limit, request=request,
                   response=response)


@router.post("", status_code=201, response_model=ThemeRead, responses=problem_responses(401, 403, 409, 422))
async def create_theme(request: Request, body: ThemeCreate, session: DbSession, actor: Manager,
                       idempotency: IdempotencyKey) -> JSONResponse:
    theme = await service.create(session, actor, body)
    location = str(request.url_for("update_theme", theme_id=theme.id).path)
    return await idempotency.respond(ThemeRead.model_validate(theme), status=201,
                                     headers={"ETag": etag(theme.version), "Location": location})


@router.patch("/{theme_id}", response_model=ThemeRead,
              responses=problem_responses(400, 401, 403, 404, 412, 422, 428))
async def update_theme(theme_id: uuid.UUID, body: ThemeUpdate, expected: ExpectedVersion, response: Response,
                       session: DbSession, actor: Manager) -> ThemeRead:
    theme = await service.update(session, actor, theme_id, expected, body)
    set_etag(response, theme.version)
    return ThemeRead.model_validate(theme)


@router.delete("/{theme_id}", response_model=ThemeRead, responses=problem_responses(400, 401, 403, 404, 412, 428))
async def archive_theme(theme_id: uuid.UUID, expected: ExpectedVersion, response: Response, session: DbSession,
                        actor: Manager) -> ThemeRead:
    """Archive the theme: existing feedback keeps it, new feedback cannot choose it."""
    theme = await service.archive(session, actor, theme_id, expected)
    set_etag(response, theme.version)
    return ThemeRead.model_validate(theme)
