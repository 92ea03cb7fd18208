"""Rules for daily notes: append-only, corrections as new notes, nothing dated after discharge,
and fluid totals per day against the resident's target."""

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.auth import home_scope
from carehub_kit.errors import ProblemError
from carehub_kit.identity import Actor
from careplan_api import auditing, clock
from careplan_api.ids import uuid7
from careplan_api.notes import repository
from careplan_api.notes.schemas import FluidDay, FluidTotals, NoteCreate
from careplan_api.residents import service as residents_service
from careplan_api.residents.models import Sex
from careplan_api.residents.service import Access, field_problem
from careplan_api.reviews import service as reviews_service

# Notes may be written a little ahead of the server clock (tablets drift), never further.
CLOCK_SKEW = timedelta(minutes=5)
# When a resident has no target of their own: drinks making up about 80 % of the EFSA (2010)
# adequate total water intake of 2.0 L a day for women and 2.5 L for men.
DEFAULT_FLUID_TARGET_ML = {Sex.female: 1600, Sex.male: 2000}
FALLBACK_FLUID_TARGET_ML = 1600
MAX_FLUID_DAYS = 31


def _check_time(who: Access, at: datetime) -> None:
    if at > datetime.now(UTC) + CLOCK_SKEW:
        raise field_problem(422, "occurred_at", "cannot be in the future", "date_order")
    day = clock.local_date(at)
    if day < who.admission_date:
        raise field_problem(422, "occurred_at", "is before the resident's admission", "date_order")
    if who.ended_on is not None and day > who.ended_on:
        raise field_problem(422, "occurred_at", "is after the resident was discharged or died", "record_closed",
                            "The resident's record closed before this date; a note cannot be added after it.")


async def _check_links(session: AsyncSession, who: Access, data: NoteCreate) -> None:
    if data.section_id and not await reviews_service.section_is_current(session, who.id, data.section_id):
        raise field_problem(422, "section_id", "is not a section of the resident's current care plan", "section")
    if data.corrects_note_id:
        found, corrected = await repository.correctable(session, who.id, data.corrects_note_id)
        if not found:
            raise field_problem(422, "corrects_note_id", "is not a note of this resident", "note")
        if corrected:
            raise field_problem(409, "corrects_note_id", "has already been corrected: correct the correction",
                                "already_corrected")


async def add(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, data: NoteCreate) -> Row[Any]:
    """A plain note (the busiest write) goes in with one statement that also checks the resident;
    a refused one, or one with links to check, takes the slow path, which says exactly why."""
    if data.occurred_at > datetime.now(UTC) + CLOCK_SKEW:
        raise field_problem(422, "occurred_at", "cannot be in the future", "date_order")
    note_id = uuid7()
    values = {"id": note_id, "author_sub": actor.sub, "author_name": actor.name, **data.model_dump()}
    audit_row = auditing.row(actor, "create", "daily_note", note_id, resident_id=resident_id, home_id=None,
                             category=data.category.value, corrects=bool(data.corrects_note_id))
    if data.section_id is None and data.corrects_note_id is None:
        del audit_row["home_id"]  # taken from the resident's row inside the statement
        note = await repository.insert_if_open(session, resident_id, clock.local_date(data.occurred_at),
                                               home_scope(actor), values, audit_row)
        if note is not None:
            return note
    who = await residents_service.access(session, actor, resident_id, lock=True)
    _check_time(who, data.occurred_at)
    await _check_links(session, who, data)
    return await repository.insert_note(session, {**values, "resident_id": who.id, "home_id": who.home_id},
                                        {**audit_row, "home_id": who.home_id})


async def page(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, *, day: date | None,
               **filters: Any) -> list[Row[Any]]:
    who = await residents_service.access(session, actor, resident_id)
    since, until = clock.day_bounds(day) if day else (None, None)
    rows = await repository.page(session, who.id, since=since, until=until, **filters)
    await auditing.viewed(session, actor, who.id, who.home_id, "daily_notes")
    return rows


async def fluids(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, first: date, last: date) -> FluidTotals:
    if last < first or (last - first).days >= MAX_FLUID_DAYS:
        raise ProblemError(422, f"Ask for 1 to {MAX_FLUID_DAYS} days.", slug="validation", errors=[
            {"loc": ["query", "to_date"], "msg": f"must be on or after from_date, within {MAX_FLUID_DAYS} days",
             "type": "date_range"}])
    who = await residents_service.access(session, actor, resident_id)
    own_target, sex = await repository.fluid_target(session, who.id)
    target = own_target or DEFAULT_FLUID_TARGET_ML.get(sex, FALLBACK_FLUID_TARGET_ML)
    totals = await repository.fluid_totals(session, who.id, clock.day_bounds(first)[0], clock.day_bounds(last)[1])
    days = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        total = totals.get(day, 0)
        days.append(FluidDay(date=day, total_ml=total, target_ml=target, percent_of_target=round(100 * total / target),
                             target_met=total >= target))
    await auditing.viewed(session, actor, who.id, who.home_id, "fluid_totals")
    return FluidTotals(resident_id=who.id, target_ml=target, target_source="resident" if own_target else "default",
                       days=days)
