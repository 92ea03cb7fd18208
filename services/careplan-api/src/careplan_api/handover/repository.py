"""Every query of the handover: three statements, each one index range scan of one home."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from careplan_api.assessments.models import RiskAssessment
from careplan_api.notes.models import DailyNote, NoteCategory
from careplan_api.residents.models import ENDED, Resident
from careplan_api.reviews.models import ReviewSchedule

_WHO = (Resident.given_name, Resident.family_name, Resident.preferred_name)

_NOTES = select(
    DailyNote.id.label("note_id"), DailyNote.resident_id, *_WHO, DailyNote.occurred_at, DailyNote.category,
    DailyNote.text, DailyNote.handover, DailyNote.corrects_note_id, DailyNote.author_name,
).join(Resident, Resident.id == DailyNote.resident_id)

_RISKS = select(
    RiskAssessment.id.label("assessment_id"), RiskAssessment.resident_id, *_WHO, RiskAssessment.tool,
    RiskAssessment.assessed_at, RiskAssessment.score, RiskAssessment.band, RiskAssessment.high_risk,
    RiskAssessment.section_id, RiskAssessment.assessor_name,
).join(Resident, Resident.id == RiskAssessment.resident_id)

_DUE = select(
    ReviewSchedule.resident_id, *_WHO, ReviewSchedule.section_id, ReviewSchedule.domain, ReviewSchedule.title,
    ReviewSchedule.interval, ReviewSchedule.next_review_date,
).join(Resident, Resident.id == ReviewSchedule.resident_id)


async def notes(session: AsyncSession, home_id: uuid.UUID, since: datetime, until: datetime) -> list[Any]:
    stmt = _NOTES.where(
        DailyNote.home_id == home_id, DailyNote.occurred_at >= since, DailyNote.occurred_at < until,
        # The same predicate as the partial index ix_daily_note_home_id_occurred_at_handover.
        or_(DailyNote.handover, DailyNote.category == NoteCategory.incident),
    ).order_by(DailyNote.occurred_at, DailyNote.id)
    return list((await session.execute(stmt)).all())


async def risks(session: AsyncSession, home_id: uuid.UUID, since: datetime, until: datetime) -> list[Any]:
    stmt = _RISKS.where(
        RiskAssessment.home_id == home_id, RiskAssessment.assessed_at >= since, RiskAssessment.assessed_at < until,
    ).order_by(RiskAssessment.assessed_at, RiskAssessment.id)
    return list((await session.execute(stmt)).all())


async def reviews_due(session: AsyncSession, home_id: uuid.UUID, by: date) -> list[Any]:
    stmt = _DUE.where(
        ReviewSchedule.home_id == home_id, ReviewSchedule.active, ReviewSchedule.next_review_date <= by,
        Resident.status.not_in(ENDED),
    ).order_by(ReviewSchedule.next_review_date, ReviewSchedule.id)
    return list((await session.execute(stmt)).all())
