"""Rules for residents: admission, changes, status changes, and who may reach a record.
Flushes, never commits: the request's unit of work commits."""

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.auth import can_see_home
from carehub_kit.concurrency import check_version
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor
from careplan_api import auditing
from careplan_api.permissions import MATRIX, Action
from careplan_api.residents import repository
from careplan_api.residents.models import ENDED, NhsNumberStatus, Resident, ResidentStatus, ResidentStatusChange
from careplan_api.residents.schemas import (
    REQUIRED_ON_UPDATE,
    ResidentCreate,
    ResidentUpdate,
    StatusChangeCreate,
    nhs_status_problem,
)

ENTITY = "resident"


@dataclass(frozen=True)
class Access:
    """The little every request about one resident needs: where they live and whether the
    record is still open."""

    id: uuid.UUID
    home_id: uuid.UUID
    status: ResidentStatus
    status_date: date
    admission_date: date

    @property
    def ended_on(self) -> date | None:
        return self.status_date if self.status in ENDED else None


def field_problem(status: int, field: str, msg: str, kind: str, detail: str | None = None) -> ProblemError:
    return ProblemError(status, detail or f"{field.replace('_', ' ').capitalize()} {msg}.",
                        slug="validation" if status == 422 else "conflict",
                        errors=[{"loc": ["body", field], "msg": msg, "type": kind}])


def _nhs_conflict() -> ProblemError:
    return field_problem(409, "nhs_number", "belongs to another resident", "unique",
                         "Another resident already has this NHS number.")


async def access(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, *, lock: bool = False) -> Access:
    """The resident's access facts, or 404 when missing or in another home (no existence leak).
    `lock` holds the row (FOR KEY SHARE) so a discharge cannot slip in before this request commits."""
    row = await repository.access_row(session, resident_id, lock=lock)
    if row is None or not can_see_home(actor, row.home_id):
        raise not_found("resident")
    return Access(row.id, row.home_id, row.status, row.status_date, row.admission_date)


async def get(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, *, for_update: bool = False) -> Resident:
    resident = await repository.get(session, resident_id, for_update=for_update)
    if resident is None or not can_see_home(actor, resident.home_id):
        raise not_found("resident")
    return resident


async def read(session: AsyncSession, actor: Actor, resident_id: uuid.UUID) -> Resident:
    resident = await get(session, actor, resident_id)
    await auditing.viewed(session, actor, resident.id, resident.home_id, "resident")
    return resident


async def admit(session: AsyncSession, actor: Actor, data: ResidentCreate) -> Resident:
    if not can_see_home(actor, data.home_id):
        raise field_problem(422, "home_id", "is not a home you work in", "home_scope")
    if data.nhs_number and await repository.nhs_number_taken(session, data.nhs_number):
        raise _nhs_conflict()
    values = data.model_dump()
    values["nhs_number_status"] = data.nhs_number_status or (
        NhsNumberStatus.unverified if data.nhs_number else NhsNumberStatus.trace_required)
    resident = Resident(**values, status=ResidentStatus.active, status_date=data.admission_date)
    session.add(resident)
    await session.flush()
    session.add(ResidentStatusChange(resident_id=resident.id, status=ResidentStatus.active,
                                     effective_date=data.admission_date, recorded_by=actor.sub))
    await session.flush()
    await auditing.record(session, actor, "create", ENTITY, resident.id, resident_id=resident.id,
                          home_id=resident.home_id)
    return await get(session, actor, resident.id)


def _check_update(resident: Resident, changes: dict[str, object]) -> None:
    cleared = sorted(f for f in REQUIRED_ON_UPDATE if f in changes and changes[f] is None)
    if cleared:
        raise ProblemError(422, "Required fields cannot be cleared.", slug="validation", errors=[
            {"loc": ["body", f], "msg": "cannot be empty", "type": "missing"} for f in cleared])
    born = changes.get("date_of_birth", resident.date_of_birth)
    if isinstance(born, date) and born > resident.admission_date:
        raise field_problem(422, "date_of_birth", "cannot be after the admission date", "date_order")
    number = changes.get("nhs_number", resident.nhs_number)
    status = changes.get("nhs_number_status", resident.nhs_number_status)
    if "nhs_number" in changes and "nhs_number_status" not in changes:
        status = NhsNumberStatus.unverified if number else NhsNumberStatus.trace_required
        changes["nhs_number_status"] = status
    if why := nhs_status_problem(number if isinstance(number, str) else None, NhsNumberStatus(str(status))):
        raise field_problem(422, "nhs_number_status", why, "nhs_number_status")


async def update(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, expected_version: int,
                 data: ResidentUpdate) -> Resident:
    changes = data.model_dump(exclude_unset=True)
    resident = await get(session, actor, resident_id)
    check_version(resident.version, expected_version)
    _check_update(resident, changes)
    number = changes.get("nhs_number")
    if number and await repository.nhs_number_taken(session, number, other_than=resident.id):
        raise _nhs_conflict()
    for field, value in changes.items():
        setattr(resident, field, value)
    await session.flush()  # version_id_col: UPDATE ... WHERE version = expected, else 412
    await auditing.record(session, actor, "update", ENTITY, resident.id, resident_id=resident.id,
                          home_id=resident.home_id, fields=sorted(changes))
    return resident


def _status_action(status: ResidentStatus) -> Action:
    return Action.resident_discharge if status in ENDED else Action.resident_absence


async def change_status(session: AsyncSession, actor: Actor, resident_id: uuid.UUID,
                        data: StatusChangeCreate) -> Resident:
    if not MATRIX.allows(actor.roles, _status_action(data.status)):
        raise ProblemError(403, "Your role does not allow this status change.", slug="forbidden")
    resident = await get(session, actor, resident_id, for_update=True)  # serialise status changes
    if resident.status in ENDED:
        raise field_problem(409, "status", "cannot change: the record is closed", "record_closed",
                            "This resident has been discharged or has died; the record is closed.")
    if data.status == resident.status:
        raise field_problem(409, "status", "is already the resident's status", "unchanged")
    if data.effective_date < resident.status_date:
        raise field_problem(422, "effective_date", "cannot be before the current status began", "date_order")
    resident.status, resident.status_date = data.status, data.effective_date
    session.add(ResidentStatusChange(resident_id=resident.id, status=data.status,
                                     effective_date=data.effective_date, recorded_by=actor.sub))
    await session.flush()
    await auditing.record(session, actor, "status_change", ENTITY, resident.id, resident_id=resident.id,
                          home_id=resident.home_id, status=data.status.value)
    session.expire(resident, ["status_history"])
    return await get(session, actor, resident.id)
