"""HTTP for section reviews: record one, a resident's reviews, a home's due and overdue list."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from careplan_api.db import IdempotencyKey
from careplan_api.permissions import Action, allowed
from careplan_api.reviews import repository, service
from careplan_api.reviews.schemas import DueReviewPage, ReviewCreate, ReviewPage, ReviewRead

router = APIRouter(prefix="/v1/residents/{resident_id}", tags=["reviews"])
due_router = APIRouter(prefix="/v1/reviews", tags=["reviews"])

Reader = Annotated[Actor, allowed(Action.plan_read)]
Reviewer = Annotated[Actor, allowed(Action.review_record)]
Lister = Annotated[Actor, allowed(Action.review_list)]


@router.post("/care-plan/sections/{section_id}/reviews", status_code=201,
             response_model=ReviewRead, responses=problem_responses(401, 403, 404, 422))
async def record_review(
    resident_id: uuid.UUID, section_id: uuid.UUID, body: ReviewCreate, session: DbSession, actor: Reviewer,
    idempotency: IdempotencyKey,
) -> JSONResponse:
    """Review one section of the current plan; its next review is one interval after this one."""
    review = await service.record(session, actor, resident_id, section_id, body)
    return await idempotency.respond(ReviewRead.model_validate(review))


@router.get("/reviews", response_model=ReviewPage,
            responses=problem_responses(401, 403, 404, 422))
async def list_resident_reviews(
    resident_id: uuid.UUID, request: Request, response: Response, session: DbSession, actor: Reader,
    sort: Annotated[str, Query(description="-review_date or review_date")] = "-review_date",
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> ReviewPage:
    """A resident's section reviews. Audited as a view of the resident's record."""
    rows = await service.list_for_resident(session, actor, resident_id, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, ReviewPage, sort=sort, allowed=repository.REVIEW_SORTS, limit=limit,
                   request=request, response=response)


@due_router.get("/due", response_model=DueReviewPage, responses=problem_responses(401, 403, 404, 422))
async def list_due_reviews(
    request: Request, response: Response, session: DbSession, actor: Lister,
    home_id: uuid.UUID,
    within_days: Annotated[int, Query(ge=0, le=90, description="Also list reviews due in the next N days.")] = 7,
    overdue_only: bool = False,
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> DueReviewPage:
    """Sections of current plans in one home whose review is overdue or due soon, soonest first.
    Discharged and deceased residents are left out."""
    rows = await service.due(session, actor, home_id, within_days=within_days, overdue_only=overdue_only,
                             cursor=cursor, limit=limit)
    return page_of(rows, DueReviewPage, sort="next_review_date", allowed=repository.DUE_SORTS, limit=limit,
                   request=request, response=response)
