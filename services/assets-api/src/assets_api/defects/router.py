"""HTTP for defects and work orders."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from assets_api.db import IdempotencyKey
from assets_api.defects import repository, service
from assets_api.defects.models import DefectStatus, Priority
from assets_api.defects.schemas import DefectCreate, DefectPage, DefectRead, DefectUpdate
from assets_api.permissions import Action, allowed
from assets_api.scope import list_homes
from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of

router = APIRouter(prefix="/v1/defects", tags=["defects"])

Reader = Annotated[Actor, allowed(Action.defect_read)]
Raiser = Annotated[Actor, allowed(Action.defect_raise)]
Manager = Annotated[Actor, allowed(Action.defect_manage)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]


@router.get("", response_model=DefectPage, responses=problem_responses(401, 403, 404, 422))
async def list_defects(
    request: Request, response: Response, session: DbSession, actor: Reader,
    home_id: uuid.UUID | None = None, asset_id: uuid.UUID | None = None, status: DefectStatus | None = None,
    priority: Priority | None = None, sort: SortParam = "-created_at", cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> DefectPage:
    f = repository.DefectFilter(homes=list_homes(actor, home_id), asset_id=asset_id, status=status,
                                priority=priority)
    rows = await repository.list_page(session, repository.list_query(f), sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, DefectPage, sort=sort, allowed=repository.SORTS, limit=limit, request=request,
                   response=response)


@router.post("", status_code=201, response_model=DefectRead, responses=problem_responses(401, 403, 404, 422))
async def raise_defect(request: Request, body: DefectCreate, session: DbSession, actor: Raiser,
                       idempotency: IdempotencyKey) -> JSONResponse:
    """Report a fault with an asset in a home you work in."""
    defect = await service.raise_defect(session, actor, body)
    return await idempotency.respond(DefectRead.model_validate(defect), status=201, headers={
        "ETag": etag(defect.version), "Location": str(request.url_for("get_defect", defect_id=defect.id).path)})


@router.get("/{defect_id}", response_model=DefectRead, responses=problem_responses(401, 403, 404, 422))
async def get_defect(defect_id: uuid.UUID, response: Response, session: DbSession, actor: Reader) -> DefectRead:
    defect = await service.get(session, actor, defect_id)
    set_etag(response, defect.version)
    return DefectRead.model_validate(defect)


@router.patch("/{defect_id}", response_model=DefectRead,
              responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def update_defect(defect_id: uuid.UUID, body: DefectUpdate, expected: ExpectedVersion, response: Response,
                        session: DbSession, actor: Manager) -> DefectRead:
    """Move the work order along (status, contractor, cost); resolving may need a return-to-service check."""
    defect = await service.update(session, actor, defect_id, expected, body)
    set_etag(response, defect.version)
    return DefectRead.model_validate(defect)
