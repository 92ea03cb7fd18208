"""Every query of the consent, capacity and DoLS module."""

import uuid
from datetime import date
from typing import Any, cast

from sqlalchemy import Row, Select, exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from carehub_kit.pagination import SortKey, paginate_query
from careplan_api.consent.models import BestInterestDecision, CapacityAssessment, Consent, DolsRecord, DolsStage
from careplan_api.residents.models import ENDED, Resident

Record = Consent | CapacityAssessment | BestInterestDecision | DolsRecord

# The date each kind of record is listed by, newest first by default.
SORTS: dict[type[Any], dict[str, SortKey]] = {
    model: {f"-{column.key}": SortKey(column, descending=True), column.key: SortKey(column)}
    for model, column in ((Consent, Consent.decision_date), (CapacityAssessment, CapacityAssessment.assessed_on),
                          (BestInterestDecision, BestInterestDecision.decided_on), (DolsRecord, DolsRecord.event_date))
}
EXPIRING_SORTS = {"expires_on": SortKey(DolsRecord.expires_on)}


async def page(session: AsyncSession, model: type[Any], resident_id: uuid.UUID, *, sort: str, cursor: str | None,
               limit: int) -> list[Any]:
    stmt = select(model).where(model.resident_id == resident_id)
    paged = paginate_query(stmt, sort=sort, allowed=SORTS[model], id_col=model.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def capacity_outcome(session: AsyncSession, resident_id: uuid.UUID, assessment_id: uuid.UUID) -> Any:
    stmt = select(CapacityAssessment.outcome).where(
        CapacityAssessment.id == assessment_id, CapacityAssessment.resident_id == resident_id)
    return await session.scalar(stmt)


_later = aliased(DolsRecord)
_EXPIRING = select(
    DolsRecord.id, DolsRecord.resident_id, Resident.given_name, Resident.family_name, Resident.preferred_name,
    DolsRecord.kind, DolsRecord.supervisory_body, DolsRecord.starts_on, DolsRecord.expires_on,
).join(Resident, Resident.id == DolsRecord.resident_id)


async def expiring_page(session: AsyncSession, home_id: uuid.UUID, *, since: date, until: date, cursor: str | None,
                        limit: int) -> list[Row[Any]]:
    """Authorisations in force whose expiry falls in [since, until] and that no later
    authorisation of the same resident has replaced (a renewal takes it off the list)."""
    renewed = exists().where(_later.resident_id == DolsRecord.resident_id, _later.stage == DolsStage.authorisation,
                             _later.expires_on > DolsRecord.expires_on)
    stmt = _EXPIRING.where(
        DolsRecord.home_id == home_id, DolsRecord.stage == DolsStage.authorisation,
        DolsRecord.expires_on >= since, DolsRecord.expires_on <= until, ~renewed, Resident.status.not_in(ENDED))
    paged = paginate_query(cast("Select[Any]", stmt), sort="expires_on", allowed=EXPIRING_SORTS,
                           id_col=DolsRecord.id, cursor=cursor, limit=limit)
    return list((await session.execute(paged)).all())


async def consents_for(session: AsyncSession, resident_id: uuid.UUID) -> list[Consent]:
    stmt = select(Consent).where(Consent.resident_id == resident_id).order_by(Consent.decision_date, Consent.id)
    return list((await session.scalars(stmt)).all())
