"""HTTP for daily notes (append-only: no PATCH or DELETE) and fluid totals."""

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from careplan_api import clock
from careplan_api.db import IdempotencyKey
from careplan_api.notes import repository, service
from careplan_api.notes.models import NoteCategory
from careplan_api.notes.schemas import FluidTotals, NoteCreate, NotePage, NoteRead
from careplan_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/residents/{resident_id}", tags=["notes"])

Reader = Annotated[Actor, allowed(Action.note_read)]
Writer = Annotated[Actor, allowed(Action.note_write)]


@router.post("/notes", status_code=201, response_model=NoteRead, responses=problem_responses(401, 403, 404, 409, 422))
async def add_note(
    resident_id: uuid.UUID, body: NoteCreate, session: DbSession, actor: Writer, idempotency: IdempotencyKey,
) -> JSONResponse:
    """Add to the daily record. To put a note right, add a new one with `corrects_note_id`."""
    note = await service.add(session, actor, resident_id, body)
    return await idempotency.respond(NoteRead.model_validate(note))


@router.get("/notes", response_model=NotePage, responses=problem_responses(401, 403, 404, 422))
async def list_notes(
    resident_id: uuid.UUID, request: Request, response: Response, session: DbSession, actor: Reader,
    day: Annotated[date | None, Query(alias="date", description="Only this day (Europe/London).")] = None,
    category: NoteCategory | None = None,
    sort: Annotated[str, Query(description="occurred_at or -occurred_at")] = "-occurred_at",
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> NotePage:
    """A resident's daily notes. Audited as a view of the resident's record."""
    rows = await service.page(session, actor, resident_id, day=day, category=category, sort=sort, cursor=cursor,
                              limit=limit)
    return page_of(rows, NotePage, sort=sort, allowed=repository.SORTS, limit=limit, request=request,
                   response=response)


@router.get("/fluid-totals", response_model=FluidTotals, responses=problem_responses(401, 403, 404, 422))
async def get_fluid_totals(
    resident_id: uuid.UUID, session: DbSession, actor: Reader,
    from_date: Annotated[date | None, Query(description="First day (Europe/London); default today.")] = None,
    to_date: Annotated[date | None, Query(description="Last day, at most 31 days on; default from_date.")] = None,
) -> FluidTotals:
    """Millilitres drunk per day (00:00 to 24:00 Europe/London) against the resident's target.
    A corrected note counts by its correction only."""
    first = from_date or clock.today()
    return await service.fluids(session, actor, resident_id, first, to_date or first)
