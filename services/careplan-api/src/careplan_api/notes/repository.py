"""Every query of the daily notes module. Notes are the busiest table (millions of rows), so
these are Core statements fetching only the columns the response needs."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ARRAY, Date, Row, Uuid, any_, bindparam, cast, exists, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from carehub_kit.pagination import SortKey, paginate_query
from careplan_api.db import audit
from careplan_api.notes.models import DailyNote, NoteCategory
from careplan_api.residents.models import ENDED, Resident, Sex

SORTS = {
    "occurred_at": SortKey(DailyNote.occurred_at),
    "-occurred_at": SortKey(DailyNote.occurred_at, descending=True),
}
_NOTE = DailyNote.__table__.c
_READ_COLUMNS = (_NOTE.id, _NOTE.resident_id, _NOTE.occurred_at, _NOTE.category, _NOTE.text, _NOTE.fluid_ml,
                 _NOTE.section_id, _NOTE.corrects_note_id, _NOTE.handover, _NOTE.author_name, _NOTE.created_at)
_correction = aliased(DailyNote)


async def insert_note(session: AsyncSession, values: dict[str, Any], audit_row: dict[str, Any]) -> Row[Any]:
    """The note and its audit row in one statement (the audit insert rides along as a CTE): the
    busiest write in the system makes one round trip, not two."""
    audit_insert = insert(audit.table).values(audit_row).cte("audit_row")
    stmt = insert(DailyNote).values(values).returning(*_READ_COLUMNS).add_cte(audit_insert)
    return (await (await session.connection()).execute(stmt)).one()


_NOTE_FIELDS = ("id", "author_sub", "author_name", "occurred_at", "category", "text", "fluid_ml", "section_id",
                "corrects_note_id", "handover")
_AUDIT_FIELDS = ("actor_sub", "actor_name", "actor_roles", "action", "entity_type", "entity_id", "request_id",
                 "details")


def _insert_if_open(scoped: bool) -> Any:
    """Check the resident, insert the note and its audit row: ONE statement, built once (building
    and caching a statement this size costs more CPU than running it). The resident qualifies if
    the caller may write in their home and the record is open on the note's day (the rules of
    notes.service._check_time, in SQL). FOR KEY SHARE: a concurrent discharge (FOR UPDATE) waits
    for this note, or this note re-reads the discharged row and is refused."""
    resident = select(Resident.id, Resident.home_id).where(
        Resident.id == bindparam("resident_id"), Resident.admission_date <= bindparam("day"),
        or_(Resident.status.not_in(ENDED), Resident.status_date >= bindparam("day")))
    if scoped:
        resident = resident.where(Resident.home_id == any_(bindparam("home_ids", type_=ARRAY(Uuid))))
    open_resident = resident.with_for_update(read=True, key_share=True).cte("open_resident")
    note = (insert(DailyNote).from_select(
        [*_NOTE_FIELDS, "resident_id", "home_id"],
        select(*(bindparam(f, type_=_NOTE[f].type) for f in _NOTE_FIELDS), open_resident.c.id, open_resident.c.home_id))
        .returning(*_READ_COLUMNS, _NOTE.home_id).cte("note"))
    audit_columns = audit.table.c
    audit_insert = insert(audit.table).from_select(
        [*_AUDIT_FIELDS, "home_id"],
        select(*(bindparam(f"audit_{f}", type_=audit_columns[f].type) for f in _AUDIT_FIELDS), note.c.home_id),
    ).cte("audit_row")
    return select(*(note.c[c.key] for c in _READ_COLUMNS)).add_cte(audit_insert)


_INSERT_IF_OPEN = {True: _insert_if_open(scoped=True), False: _insert_if_open(scoped=False)}


async def insert_if_open(session: AsyncSession, resident_id: uuid.UUID, day: date,
                         home_ids: frozenset[uuid.UUID] | None, values: dict[str, Any],
                         audit_row: dict[str, Any]) -> Row[Any] | None:
    """The hot path. None when nothing was inserted; the caller then finds out why, the slow way."""
    params = {"resident_id": resident_id, "day": day, **{f: values[f] for f in _NOTE_FIELDS},
              **{f"audit_{f}": audit_row[f] for f in _AUDIT_FIELDS}}
    if home_ids is not None:
        params["home_ids"] = list(home_ids)
    stmt = _INSERT_IF_OPEN[home_ids is not None]
    return (await (await session.connection()).execute(stmt, params)).first()


async def correctable(session: AsyncSession, resident_id: uuid.UUID, note_id: uuid.UUID) -> tuple[bool, bool]:
    """(the note is this resident's, it has already been corrected)."""
    stmt = select(exists().where(_correction.corrects_note_id == DailyNote.id)).where(
        DailyNote.id == note_id, DailyNote.resident_id == resident_id)
    corrected = await session.scalar(stmt)
    return corrected is not None, bool(corrected)


async def page(session: AsyncSession, resident_id: uuid.UUID, *, since: datetime | None, until: datetime | None,
               category: NoteCategory | None, sort: str, cursor: str | None, limit: int) -> list[Row[Any]]:
    stmt = (select(*_READ_COLUMNS, _correction.id.label("corrected_by_note_id"))
            .select_from(DailyNote)
            .outerjoin(_correction, _correction.corrects_note_id == DailyNote.id)
            .where(DailyNote.resident_id == resident_id))
    if since is not None:
        stmt = stmt.where(DailyNote.occurred_at >= since)
    if until is not None:
        stmt = stmt.where(DailyNote.occurred_at < until)
    if category is not None:
        stmt = stmt.where(DailyNote.category == category)
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=DailyNote.id, cursor=cursor, limit=limit)
    return list((await session.execute(paged)).all())


async def fluid_totals(session: AsyncSession, resident_id: uuid.UUID, since: datetime,
                       until: datetime) -> dict[date, int]:
    """Millilitres per Europe/London day, leaving out notes that a later note corrects."""
    day = cast(func.timezone("Europe/London", DailyNote.occurred_at), Date)
    stmt = (select(day, func.sum(DailyNote.fluid_ml))
            .where(DailyNote.resident_id == resident_id, DailyNote.category == NoteCategory.fluids,
                   DailyNote.occurred_at >= since, DailyNote.occurred_at < until,
                   ~exists().where(_correction.corrects_note_id == DailyNote.id))
            .group_by(day))
    return {d: int(total or 0) for d, total in (await session.execute(stmt)).all()}


async def fluid_target(session: AsyncSession, resident_id: uuid.UUID) -> tuple[int | None, Sex]:
    return (await session.execute(
        select(Resident.fluid_target_ml, Resident.sex).where(Resident.id == resident_id))).one()
