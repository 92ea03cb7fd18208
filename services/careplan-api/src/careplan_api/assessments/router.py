"""HTTP for risk assessments (append-only: no PATCH or DELETE; reassess with a new one)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from careplan_api.assessments import repository, service
from careplan_api.assessments.models import Tool
from careplan_api.assessments.schemas import AssessmentCreate, AssessmentPage, AssessmentRead
from careplan_api.db import IdempotencyKey
from careplan_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/residents/{resident_id}/risk-assessments", tags=["risk-assessments"])

Reader = Annotated[Actor, allowed(Action.risk_read)]
Assessor = Annotated[Actor, allowed(Action.risk_assess)]


@router.post("", status_code=201, response_model=AssessmentRead, responses=problem_responses(401, 403, 404, 422))
async def record_risk_assessment(
    resident_id: uuid.UUID, body: Annotated[AssessmentCreate, Body()], session: DbSession, actor: Assessor,
    idempotency: IdempotencyKey,
) -> JSONResponse:
    """Record a Waterlow, MUST or falls (FRAT) assessment; the server scores it. A high-band
    result linked to a plan section makes that section's review due today."""
    assessment = await service.record(session, actor, resident_id, body)
    return await idempotency.respond(AssessmentRead.model_validate(assessment))


@router.get("", response_model=AssessmentPage, responses=problem_responses(401, 403, 404, 422))
async def list_risk_assessments(
    resident_id: uuid.UUID, request: Request, response: Response, session: DbSession, actor: Reader,
    tool: Tool | None = None,
    sort: Annotated[str, Query(description="-assessed_at or assessed_at")] = "-assessed_at",
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> AssessmentPage:
    """A resident's risk assessments, newest first. Audited as a view of the resident's record."""
    rows = await service.page(session, actor, resident_id, tool=tool, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, AssessmentPage, sort=sort, allowed=repository.SORTS, limit=limit, request=request,
                   response=response)


@router.get("/{assessment_id}", response_model=AssessmentRead, responses=problem_responses(401, 403, 404))
async def get_risk_assessment(
    resident_id: uuid.UUID, assessment_id: uuid.UUID, session: DbSession, actor: Reader,
) -> AssessmentRead:
    """One assessment with its items and the points each scored. Audited."""
    return AssessmentRead.model_validate(await service.read(session, actor, resident_id, assessment_id))
