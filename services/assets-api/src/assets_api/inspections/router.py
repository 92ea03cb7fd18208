"""HTTP for inspection records (append-only: a correction is a new record)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from assets_api.db import IdempotencyKey
from assets_api.inspections import repository, service
from assets_api.inspections.models import Outcome
from assets_api.inspections.schemas import InspectionCreate, InspectionPage, InspectionRead, InspectionRecorded
from assets_api.permissions import Action, allowed
from assets_api.scope import list_homes
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of

router = APIRouter(prefix="/v1/inspections", tags=["inspections"])

Reader = Annotated[Actor, allowed(Action.inspection_read)]
Recorder = Annotated[Actor, allowed(Action.inspection_record)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]


@router.get("", response_model=InspectionPage, responses=problem_responses(401, 403, 404, 422))
async def list_inspections(
    request: Request, response: Response, session: DbSession, actor: Reader,
    home_id: uuid.UUID | None = None, asset_id: uuid.UUID | None = None, rule_id: uuid.UUID | None = None,
    outcome: Outcome | None = None, sort: SortParam = "-inspected_date", cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> InspectionPage:
    f = repository.InspectionFilter(homes=list_homes(actor, home_id), asset_id=asset_id, rule_id=rule_id,
                                    outcome=outcome)
    rows = await repository.list_page(session, repository.list_query(f), sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, InspectionPage, sort=sort, allowed=repository.SORTS, limit=limit, request=request,
                   response=response)


@router.post("", status_code=201, response_model=InspectionRecorded,
             responses=problem_responses(401, 403, 404, 409, 422))
async def record_inspection(request: Request, body: InspectionCreate, session: DbSession, actor: Recorder,
                            idempotency: IdempotencyKey) -> JSONResponse:
    """Record a completed inspection. The next due date follows from it; a fail opens a defect and,
    when the rule says so, takes the asset out of service."""
    inspection, defect_id = await service.record(session, actor, body)
    read = InspectionRead.model_validate(inspection)
    return await idempotency.respond(
        InspectionRecorded(**read.model_dump(), opened_defect_id=defect_id), status=201,
        headers={"Location": str(request.url_for("get_inspection", inspection_id=inspection.id).path)})


@router.get("/{inspection_id}", response_model=InspectionRead, responses=problem_responses(401, 403, 404, 422))
async def get_inspection(inspection_id: uuid.UUID, session: DbSession, actor: Reader) -> InspectionRead:
    return InspectionRead.model_validate(await service.get(session, actor, inspection_id))
