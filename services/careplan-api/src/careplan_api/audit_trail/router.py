"""HTTP for a resident's audit trail: who viewed and changed the record (managers only)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from careplan_api import auditing
from careplan_api.audit_trail import repository
from careplan_api.audit_trail.schemas import AuditEventPage
from careplan_api.permissions import Action, allowed
from careplan_api.residents import service as residents_service

router = APIRouter(prefix="/v1/residents/{resident_id}/audit", tags=["audit"])

Auditor = Annotated[Actor, allowed(Action.audit_read)]


@router.get("", response_model=AuditEventPage, responses=problem_responses(401, 403, 404, 422))
async def get_resident_audit(
    resident_id: uuid.UUID, request: Request, response: Response, session: DbSession, actor: Auditor,
    sort: Annotated[str, Query(description="-at or at")] = "-at",
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> AuditEventPage:
    """Who viewed and changed this resident's record, and when. Reading it is itself audited."""
    who = await residents_service.access(session, actor, resident_id)
    rows = await repository.page(session, who.id, sort=sort, cursor=cursor, limit=limit)
    await auditing.viewed(session, actor, who.id, who.home_id, "audit")
    return page_of(rows, AuditEventPage, sort=sort, allowed=repository.SORTS, limit=limit, request=request,
                   response=response)
