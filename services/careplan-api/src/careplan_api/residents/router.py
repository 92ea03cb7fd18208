"""HTTP for residents: admit, read, list, change details, record status changes."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.auth import CurrentActor, home_scope
from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from careplan_api.db import IdempotencyKey
from careplan_api.permissions import Action, allowed
from careplan_api.residents import repository, service
from careplan_api.residents.models import ResidentStatus
from careplan_api.residents.schemas import (
    ResidentCreate,
    ResidentPage,
    ResidentRead,
    ResidentUpdate,
    StatusChangeCreate,
)

router = APIRouter(prefix="/v1/residents", tags=["residents"])

Reader = Annotated[Actor, allowed(Action.resident_read)]
Admitter = Annotated[Actor, allowed(Action.resident_admit)]
Updater = Annotated[Actor, allowed(Action.resident_update)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]


def _created(request: Request, resident: ResidentRead) -> dict[str, str]:
    return {"ETag": etag(resident.version),
            "Location": str(request.url_for("get_resident", resident_id=resident.id).path)}


@router.get("", response_model=ResidentPage, responses=problem_responses(401, 403, 422))
async def list_residents(
    request: Request, response: Response, session: DbSession, actor: Reader,
    home_id: uuid.UUID | None = None,
    status: ResidentStatus | None = None,
    q: Annotated[str | None, Query(max_length=100, description=(
        "Words that start a given, family or preferred name ('mar jon' finds Margaret Jones), or an "
        "NHS number, in any spacing."))] = None,
    count: Annotated[bool, Query(description="Also return `total`, the number of matching residents.")] = False,
    sort: SortParam = "family_name",
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> ResidentPage:
    stmt = repository.list_query(home_id=home_id, status=status, home_ids=home_scope(actor), q=q)
    rows = await repository.list_page(session, stmt, sort=sort, cursor=cursor, limit=limit)
    page = page_of(rows, ResidentPage, sort=sort, allowed=repository.SORTS, limit=limit,
                   request=request, response=response)
    if count:
        page.total = await repository.count(session, stmt)
    return page


@router.post("", status_code=201, response_model=ResidentRead, responses=problem_responses(401, 403, 409, 422))
async def admit_resident(
    request: Request, body: ResidentCreate, session: DbSession, actor: Admitter, idempotency: IdempotencyKey,
) -> JSONResponse:
    """Admit a resident to a home (status `active` from the admission date)."""
    resident = ResidentRead.model_validate(await service.admit(session, actor, body))
    return await idempotency.respond(resident, status=201, headers=_created(request, resident))


@router.get("/{resident_id}", response_model=ResidentRead, responses=problem_responses(401, 403, 404))
async def get_resident(resident_id: uuid.UUID, response: Response, session: DbSession, actor: Reader) -> ResidentRead:
    """The resident's record. Audited as a view."""
    resident = await service.read(session, actor, resident_id)
    set_etag(response, resident.version)
    return ResidentRead.model_validate(resident)


@router.patch("/{resident_id}", response_model=ResidentRead,
              responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def update_resident(
    resident_id: uuid.UUID, body: ResidentUpdate, expected: ExpectedVersion, response: Response,
    session: DbSession, actor: Updater,
) -> ResidentRead:
    resident = await service.update(session, actor, resident_id, expected, body)
    set_etag(response, resident.version)
    return ResidentRead.model_validate(resident)


@router.post("/{resident_id}/status-changes", status_code=201, response_model=ResidentRead,
             responses=problem_responses(401, 403, 404, 409, 422))
async def change_resident_status(
    resident_id: uuid.UUID, body: StatusChangeCreate, session: DbSession, actor: CurrentActor,
    idempotency: IdempotencyKey,
) -> JSONResponse:
    """Record going into hospital, on leave, back home (`active`), discharge or death.
    Discharge and death close the record; the role needed depends on the status."""
    resident = ResidentRead.model_validate(await service.change_status(session, actor, resident_id, body))
    return await idempotency.respond(resident, status=201, headers={"ETag": etag(resident.version)})
