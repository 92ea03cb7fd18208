"""Rules for consent, mental capacity (MCA 2005), best-interest decisions and DoLS. Records are
append-only and each is audited; reading them is a read of the resident's record, audited too."""

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.auth import can_see_home
from carehub_kit.errors import not_found
from carehub_kit.identity import Actor
from careplan_api import auditing, clock
from careplan_api.consent import repository
from careplan_api.consent.models import (
    BestInterestDecision,
    CapacityAssessment,
    CapacityOutcome,
    Consent,
    DolsRecord,
)
from careplan_api.consent.schemas import BestInterestCreate, CapacityCreate, ConsentCreate, DolsCreate, DolsExpiring
from careplan_api.residents import service as residents_service
from careplan_api.residents.service import Access, field_problem

Create = ConsentCreate | CapacityCreate | BestInterestCreate | DolsCreate
MODELS: dict[type[Create], type[Any]] = {
    ConsentCreate: Consent, CapacityCreate: CapacityAssessment, BestInterestCreate: BestInterestDecision,
    DolsCreate: DolsRecord,
}
# What the audit row may say about each (codes only, never the text of a decision).
AUDIT_CODES = {ConsentCreate: ("scope", "decision"), CapacityCreate: ("outcome",), BestInterestCreate: (),
               DolsCreate: ("stage", "kind")}


async def _check(session: AsyncSession, who: Access, data: Create) -> None:
    day = next(getattr(data, f) for f in ("decision_date", "assessed_on", "decided_on", "event_date")
               if hasattr(data, f))
    if isinstance(data, BestInterestCreate):
        outcome = await repository.capacity_outcome(session, who.id, data.capacity_assessment_id)
        if outcome is not CapacityOutcome.lacks_capacity:
            raise field_problem(422, "capacity_assessment_id", "is not an assessment of this resident that found "
                                "they lack capacity", "capacity")
    if who.ended_on is not None and day > who.ended_on:
        raise field_problem(422, "resident", "record is closed", "record_closed",
                            "The resident's record closed before this date.")


async def add(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, data: Create) -> Any:
    who = await residents_service.access(session, actor, resident_id, lock=True)
    await _check(session, who, data)
    record = MODELS[type(data)](resident_id=who.id, home_id=who.home_id, recorded_by_sub=actor.sub,
                                recorded_by_name=actor.name, **data.model_dump())
    session.add(record)
    await session.flush()
    codes = {k: str(getattr(data, k)) for k in AUDIT_CODES[type(data)]}
    await auditing.record(session, actor, "create", record.__tablename__, record.id, resident_id=who.id,
                          home_id=who.home_id, **codes)
    return record


async def page(session: AsyncSession, actor: Actor, model: type[Any], resident_id: uuid.UUID,
               **paging: Any) -> list[Any]:
    who = await residents_service.access(session, actor, resident_id)
    rows = await repository.page(session, model, who.id, **paging)
    await auditing.viewed(session, actor, who.id, who.home_id, model.__tablename__)
    return rows


async def expiring(session: AsyncSession, actor: Actor, home_id: uuid.UUID, *, within_days: int,
                   cursor: str | None, limit: int) -> list[Any]:
    if not can_see_home(actor, home_id):
        raise not_found("home")
    today = clock.today()
    rows = await repository.expiring_page(session, home_id, since=today, until=today + timedelta(days=within_days),
                                          cursor=cursor, limit=limit)
    return [DolsExpiring(**row._mapping, days_left=(row.expires_on - today).days) for row in rows]


async def consents_for(session: AsyncSession, resident_id: uuid.UUID) -> list[Consent]:
    """Every consent record of a resident, oldest first, for exports (the caller checks access and audits)."""
    return await repository.consents_for(session, resident_id)
