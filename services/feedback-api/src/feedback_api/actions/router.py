"""HTTP for actions: what is being done about feedback, and what is overdue."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.auth import home_scope
from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from feedback_api.actions import repository, service
from feedback_api.actions.models import ActionStatus
from feedback_api.actions.schemas import ActionCreate, ActionPage, ActionRead, ActionUpdate
from feedback_api.anonymity import today
from feedback_api.common import require_home
from feedback_api.db import IdempotencyKey
from feedback_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/actions", tags=["actions"])

Reader = Annotated[Actor, allowed(Action.action_read)]
Manager = Annotated[Actor, allowed(Action.action_manage)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]


@router.get("", response_model=ActionPage, responses=problem_responses(401, 403, 404, 422))
async def list_actions(
    request: Request, response: Response, session: DbSession, actor: Reader,
    home_id: uuid.UUID | None = None, status: ActionStatus | None = None,
    overdue: Annotated[bool, Query(description="Only open actions past their due date.")] = False,
    sort: SortParam = "due_date", cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> ActionPage:
    require_home(actor, home_id)
    stmt = repository.list_query(homes=home_scope(actor), home_id=home_id, status=status, overdue=overdue,
                                 today=today())
    rows = await repository.list_page(session, stmt, sort=sort, cursor=cursor, limit=limit)
    links = await repository.item_ids_of(session, [a.id for a in rows[:limit]])
    return page_of(rows, ActionPage, to_item=lambda a: service.to_read(a, links.get(a.id, [])), sort=sort,
                      allowed=repository.SORTS, limit=limit, request=request, response=response)


@router.post("", status_code=201, response_model=ActionRead, responses=problem_responses(401, 403, 404, 409, 422))
async def create_action(request: Request, body: ActionCreate, session: DbSession, actor: Manager,
                        idempotency: IdempotencyKey) -> JSONResponse:
    action, item_ids = await service.create(session, actor, body)
    location = str(request.url_for("get_action", action_id=action.id).path)
    return await idempotency.respond(service.to_read(action, item_ids), status=201,
                                     headers={"ETag": etag(action.version), "Location": location})


@router.get("/{action_id}", response_model=ActionRead, responses=problem_responses(401, 403, 404))
async def get_action(action_id: uuid.UUID, response: Response, session: DbSession, actor: Reader) -> ActionRead:
    action = await service.get(session, actor, action_id)
    links = await repository.item_ids_of(session, [action.id])
    set_etag(response, action.version)
    return service.to_read(action, links.get(action.id, []))


@router.patch("/{action_id}", response_model=ActionRead,
              responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def update_action(action_id: uuid.UUID, body: ActionUpdate, expected: ExpectedVersion, response: Response,
                        session: DbSession, actor: Manager) -> ActionRead:
    action, item_ids = await service.update(session, actor, action_id, expected, body)
    set_etag(response, action.version)
    return service.to_read(action, item_ids)
