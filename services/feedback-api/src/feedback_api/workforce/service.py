"""Rules for workforce returns: sane figures, one return per home and month."""

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.concurrency import check_version
from carehub_kit.errors import not_found
from carehub_kit.identity import Actor
from feedback_api.anonymity import today
from feedback_api.common import field_error, month_start, require_home
from feedback_api.db import audit
from feedback_api.workforce import repository
from feedback_api.workforce.models import WorkforceReturn, WorkforceRoleLine
from feedback_api.workforce.schemas import ReturnCreate, ReturnFigures, ReturnRead, RoleLineRead

ENTITY = "workforce_return"


def _totals(figures: ReturnFigures) -> dict[str, Any]:
    """The whole-home figures, from the role lines, checked against each other."""
    headcount = sum(line.headcount for line in figures.roles)
    leavers = figures.leavers_voluntary + figures.leavers_involuntary
    if leavers > headcount:
        raise field_error(["body", "leavers_voluntary"],
                          f"leavers ({leavers}) cannot be more than the staff in post ({headcount})",
                          "leavers_gt_staff")
    if figures.first_year_leavers > leavers:
        raise field_error(["body", "first_year_leavers"], "cannot be more than all leavers", "value_error")
    if figures.level2_qualified > headcount:
        raise field_error(["body", "level2_qualified"], "cannot be more than the staff in post", "value_error")
    return {"headcount": headcount, "fte": sum(line.fte for line in figures.roles),
            "vacancies": sum(line.vacancies for line in figures.roles),
            **figures.model_dump(exclude={"roles", "home_id", "month"})}


def to_read(row: WorkforceReturn, lines: list[WorkforceRoleLine]) -> ReturnRead:
    values = {k: getattr(row, k) for k in ReturnRead.model_fields if k != "roles"}
    return ReturnRead.model_validate({**values, "roles": [RoleLineRead.model_validate(x) for x in lines]})


async def create(session: AsyncSession, actor: Actor, data: ReturnCreate) -> tuple[WorkforceReturn, list[Any]]:
    require_home(actor, data.home_id)
    values = _totals(data)
    month = month_start(data.month)
    if month > month_start(today()):
        raise field_error(["body", "month"], "a return cannot be for a month that has not started", "future")
    if await repository.exists(session, data.home_id, month):
        raise field_error(["body", "month"], "this home already has a return for this month; change that one",
                          "unique", status=409)
    row = WorkforceReturn(home_id=data.home_id, month=month, **values)
    session.add(row)
    await session.flush()
    await repository.replace_lines(session, row.id, [line.model_dump() for line in data.roles])
    await audit.record(session, actor, "create", ENTITY, row.id, home_id=row.home_id,
                       details={"month": month.isoformat()})
    return row, (await repository.lines_of(session, [row.id]))[row.id]


async def get(session: AsyncSession, actor: Actor, return_id: uuid.UUID, *,
              for_update: bool = False) -> WorkforceReturn:
    row = await repository.get(session, return_id, for_update=for_update)
    if row is None:
        raise not_found("workforce return")
    require_home(actor, row.home_id, "workforce return")
    return row


async def replace(session: AsyncSession, actor: Actor, return_id: uuid.UUID, expected: int,
                  data: ReturnFigures) -> tuple[WorkforceReturn, list[Any]]:
    values = _totals(data)
    row = await get(session, actor, return_id, for_update=True)
    check_version(row.version, expected)
    for field, value in values.items():
        setattr(row, field, value)
    await session.flush()
    await repository.replace_lines(session, row.id, [line.model_dump() for line in data.roles])
    await audit.record(session, actor, "update", ENTITY, row.id, home_id=row.home_id,
                       details={"month": row.month.isoformat()})
    return row, (await repository.lines_of(session, [row.id]))[row.id]
