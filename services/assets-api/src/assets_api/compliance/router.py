"""HTTP for compliance: per home (`?home_id=`) or for every home the caller sees."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from assets_api.compliance import repository, service
from assets_api.compliance.schemas import ComplianceItemPage, ComplianceSummary, ItemState
from assets_api.permissions import Action, allowed
from assets_api.scope import list_homes
from assets_api.types import today
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of

router = APIRouter(prefix="/v1/compliance", tags=["compliance"])

Reader = Annotated[Actor, allowed(Action.compliance_read)]
HomeParam = Annotated[uuid.UUID | None, Query(description="One home; left out, every home you can see.")]


@router.get("/summary", response_model=ComplianceSummary, responses=problem_responses(401, 403, 404, 422))
async def compliance_summary(session: DbSession, actor: Reader, home_id: HomeParam = None) -> ComplianceSummary:
    """Counts of inspections due soon, overdue, never done and failed, and the compliance percentage,
    in total and by home, category and rule."""
    return await service.summary(session, list_homes(actor, home_id), home_id, today())


@router.get("/items", response_model=ComplianceItemPage, responses=problem_responses(401, 403, 404, 422))
async def compliance_items(
    request: Request, response: Response, session: DbSession, actor: Reader,
    state: ItemState, home_id: HomeParam = None, category_id: uuid.UUID | None = None,
    rule_id: uuid.UUID | None = None,
    sort: Annotated[str, Query(description="One of: due_date.")] = "due_date",
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> ComplianceItemPage:
    """The inspections behind a count, soonest due first."""
    stmt = repository.items_query(homes=list_homes(actor, home_id), state=state, today=today(),
                                  category_id=category_id, rule_id=rule_id)
    rows = await repository.items_page(session, stmt, cursor=cursor, limit=limit)
    return page_of(rows, ComplianceItemPage, sort=sort, allowed=repository.SORTS, limit=limit, request=request,
                   response=response)
