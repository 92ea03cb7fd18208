"""The handover of one home and shift window: incidents and notes flagged for handover written
in the window, risk results recorded in it, and plan sections due for review by its end. It
shows parts of several residents' records, so each resident shown gets an audited 'view'."""

import uuid
from datetime import datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.auth import can_see_home
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor
from careplan_api import auditing, clock
from careplan_api.db import audit
from careplan_api.handover import repository
from careplan_api.handover.schemas import Handover, HandoverNote, HandoverReview, HandoverRisk
from careplan_api.notes.models import NoteCategory

# A shift is at most a day: a longer window is a report, not a handover.
MAX_WINDOW = timedelta(hours=24)


def _check_window(since: datetime, until: datetime) -> None:
    if not since < until <= since + MAX_WINDOW:
        raise ProblemError(422, "The shift window must end after it starts and last at most 24 hours.",
                           slug="validation", errors=[{"loc": ["query", "to"], "msg": "must be after from, within "
                                                       "24 hours", "type": "date_range"}])


async def _audit_views(session: AsyncSession, actor: Actor, home_id: uuid.UUID, residents: set[uuid.UUID]) -> None:
    if residents:
        rows = [auditing.row(actor, "view", "resident", rid, resident_id=rid, home_id=home_id, part="handover")
                for rid in sorted(residents)]
        await session.execute(insert(audit.table), rows)


async def build(session: AsyncSession, actor: Actor, home_id: uuid.UUID, since: datetime,
                until: datetime) -> Handover:
    if not can_see_home(actor, home_id):
        raise not_found("home")
    _check_window(since, until)
    notes = [HandoverNote.model_validate(r) for r in await repository.notes(session, home_id, since, until)]
    risks = [HandoverRisk.model_validate(r) for r in await repository.risks(session, home_id, since, until)]
    by, today = clock.local_date(until), clock.today()
    due = [HandoverReview(**r._mapping, overdue=r.next_review_date < today)
           for r in await repository.reviews_due(session, home_id, by)]
    await _audit_views(session, actor, home_id, {n.resident_id for n in notes} | {r.resident_id for r in risks})
    return Handover(home_id=home_id, from_=since, to=until,
                    incidents=[n for n in notes if n.category is NoteCategory.incident],
                    handover_notes=[n for n in notes if n.category is not NoteCategory.incident],
                    risk_results=risks, reviews_due=due)
