"""HTTP for consent, capacity, best-interest decisions and DoLS (append-only: no PATCH or
DELETE), and a home's list of DoLS authorisations expiring soon."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from careplan_api.consent import repository, service
from careplan_api.consent.models import BestInterestDecision, CapacityAssessment, Consent, DolsRecord
from careplan_api.consent.schemas import (
    BestInterestCreate,
    BestInterestPage,
    BestInterestRead,
    CapacityCreate,
    CapacityPage,
    CapacityRead,
    ConsentCreate,
    ConsentPage,
    ConsentRead,
    DolsCreate,
    DolsExpiringPage,
    DolsPage,
    DolsRead,
)
from careplan_api.db import IdempotencyKey
from careplan_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/residents/{resident_id}", tags=["consent"])
dols_router = APIRouter(prefix="/v1/dols", tags=["consent"])

Reader = Annotated[Actor, allowed(Action.consent_read)]
Recorder = Annotated[Actor, allowed(Action.consent_record)]
DolsRecorder = Annotated[Actor, allowed(Action.dols_record)]
DolsLister = Annotated[Actor, allowed(Action.dols_list)]
WRITE_ERRORS = problem_responses(401, 403, 404, 422)
READ_ERRORS = problem_responses(401, 403, 404, 422)


def _sort(default: str) -> Any:
    return Query(description=f"{default} or {default.lstrip('-')}")


@router.post("/consents", status_code=201, response_model=ConsentRead, responses=WRITE_ERRORS)
async def record_consent(resident_id: uuid.UUID, body: ConsentCreate, session: DbSession, actor: Recorder,
                         idempotency: IdempotencyKey) -> JSONResponse:
    """Consent to care or to information sharing: given, refused or withdrawn (a new record)."""
    record = await service.add(session, actor, resident_id, body)
    return await idempotency.respond(ConsentRead.model_validate(record))


@router.get("/consents", response_model=ConsentPage, responses=READ_ERRORS)
async def list_consents(resident_id: uuid.UUID, request: Request, response: Response, session: DbSession,
                        actor: Reader, sort: Annotated[str, _sort("-decision_date")] = "-decision_date",
                        cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> ConsentPage:
    """A resident's consent records. Audited."""
    rows = await service.page(session, actor, Consent, resident_id, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, ConsentPage, sort=sort, allowed=repository.SORTS[Consent], limit=limit, request=request,
                   response=response)


@router.post("/capacity-assessments", status_code=201, response_model=CapacityRead, responses=WRITE_ERRORS)
async def record_capacity_assessment(resident_id: uuid.UUID, body: CapacityCreate, session: DbSession,
                                     actor: Recorder, idempotency: IdempotencyKey) -> JSONResponse:
    """A Mental Capacity Act assessment of one named decision, with the two-stage test and outcome."""
    record = await service.add(session, actor, resident_id, body)
    return await idempotency.respond(CapacityRead.model_validate(record))


@router.get("/capacity-assessments", response_model=CapacityPage, responses=READ_ERRORS)
async def list_capacity_assessments(resident_id: uuid.UUID, request: Request, response: Response,
                                    session: DbSession, actor: Reader,
                                    sort: Annotated[str, _sort("-assessed_on")] = "-assessed_on",
                                    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> CapacityPage:
    """A resident's capacity assessments. Audited."""
    rows = await service.page(session, actor, CapacityAssessment, resident_id, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, CapacityPage, sort=sort, allowed=repository.SORTS[CapacityAssessment], limit=limit,
                   request=request, response=response)


@router.post("/best-interest-decisions", status_code=201, response_model=BestInterestRead, responses=WRITE_ERRORS)
async def record_best_interest_decision(resident_id: uuid.UUID, body: BestInterestCreate, session: DbSession,
                                        actor: Recorder, idempotency: IdempotencyKey) -> JSONResponse:
    """A decision made in the person's best interests after an assessment found they lack capacity
    for it, naming who was consulted."""
    record = await service.add(session, actor, resident_id, body)
    return await idempotency.respond(BestInterestRead.model_validate(record))


@router.get("/best-interest-decisions", response_model=BestInterestPage, responses=READ_ERRORS)
async def list_best_interest_decisions(resident_id: uuid.UUID, request: Request, response: Response,
                                       session: DbSession, actor: Reader,
                                       sort: Annotated[str, _sort("-decided_on")] = "-decided_on",
                                       cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> BestInterestPage:
    """A resident's best-interest decisions. Audited."""
    rows = await service.page(session, actor, BestInterestDecision, resident_id, sort=sort, cursor=cursor,
                              limit=limit)
    return page_of(rows, BestInterestPage, sort=sort, allowed=repository.SORTS[BestInterestDecision], limit=limit,
                   request=request, response=response)


@router.post("/dols", status_code=201, response_model=DolsRead, responses=WRITE_ERRORS)
async def record_dols(resident_id: uuid.UUID, body: DolsCreate, session: DbSession, actor: DolsRecorder,
                      idempotency: IdempotencyKey) -> JSONResponse:
    """A DoLS application, authorisation (start, expiry, conditions) or refusal."""
    record = await service.add(session, actor, resident_id, body)
    return await idempotency.respond(DolsRead.model_validate(record))


@router.get("/dols", response_model=DolsPage, responses=READ_ERRORS)
async def list_dols(resident_id: uuid.UUID, request: Request, response: Response, session: DbSession,
                    actor: Reader, sort: Annotated[str, _sort("-event_date")] = "-event_date",
                    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> DolsPage:
    """A resident's DoLS applications, authorisations and refusals. Audited."""
    rows = await service.page(session, actor, DolsRecord, resident_id, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, DolsPage, sort=sort, allowed=repository.SORTS[DolsRecord], limit=limit, request=request,
                   response=response)


@dols_router.get("/expiring", response_model=DolsExpiringPage, responses=READ_ERRORS)
async def list_expiring_dols(
    request: Request, response: Response, session: DbSession, actor: DolsLister, home_id: uuid.UUID,
    within_days: Annotated[int, Query(ge=0, le=365, description="Expiring today or in the next N days.")] = 28,
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> DolsExpiringPage:
    """A home's DoLS authorisations that expire within `within_days` and have not been renewed,
    soonest first: time to apply for a further authorisation. Discharged residents are left out."""
    rows = await service.expiring(session, actor, home_id, within_days=within_days, cursor=cursor, limit=limit)
    return page_of(rows, DolsExpiringPage, sort="expires_on", allowed=repository.EXPIRING_SORTS, limit=limit,
                   request=request, response=response)
