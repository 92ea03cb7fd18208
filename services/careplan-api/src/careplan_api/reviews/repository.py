"""Every query of the reviews module."""

import uuid
from datetime import date
from typing import Any, cast

from sqlalchemy import Row, Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.pagination import SortKey, paginate_query
from careplan_api.residents.models import ENDED, Resident
from careplan_api.reviews.models import ReviewSchedule, SectionReview

REVIEW_SORTS = {
    "-review_date": SortKey(SectionReview.review_date, descending=True),
    "review_date": SortKey(SectionReview.review_date),
}
DUE_SORTS = {"next_review_date": SortKey(ReviewSchedule.next_review_date)}

_DUE_COLUMNS = select(
    ReviewSchedule.id, ReviewSchedule.resident_id, Resident.given_name, Resident.family_name,
    Resident.preferred_name, ReviewSchedule.section_id, ReviewSchedule.domain, ReviewSchedule.title,
    ReviewSchedule.interval, ReviewSchedule.last_reviewed_date, ReviewSchedule.next_review_date,
).join(Resident, Resident.id == ReviewSchedule.resident_id)


async def schedules_of(session: AsyncSession, resident_id: uuid.UUID) -> list[ReviewSchedule]:
    stmt = select(ReviewSchedule).where(ReviewSchedule.resident_id == resident_id).with_for_update()
    return list((await session.scalars(stmt)).all())


async def active_schedule(session: AsyncSession, resident_id: uuid.UUID,
                          section_id: uuid.UUID) -> ReviewSchedule | None:
    stmt = select(ReviewSchedule).where(
        ReviewSchedule.resident_id == resident_id, ReviewSchedule.section_id == section_id, ReviewSchedule.active,
    ).with_for_update()
    return await session.scalar(stmt)


async def section_is_current(session: AsyncSession, resident_id: uuid.UUID, section_id: uuid.UUID) -> bool:
    stmt = select(ReviewSchedule.id).where(
        ReviewSchedule.resident_id == resident_id, ReviewSchedule.section_id == section_id, ReviewSchedule.active)
    return (await session.scalar(stmt)) is not None


async def review_page(session: AsyncSession, resident_id: uuid.UUID, *, sort: str, cursor: str | None,
                      limit: int) -> list[SectionReview]:
    stmt = select(SectionReview).where(SectionReview.resident_id == resident_id)
    paged = paginate_query(stmt, sort=sort, allowed=REVIEW_SORTS, id_col=SectionReview.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def due_page(session: AsyncSession, home_id: uuid.UUID, *, due_by: date, overdue_before: date | None,
                   cursor: str | None, limit: int) -> list[Row[Any]]:
    stmt = _DUE_COLUMNS.where(
        ReviewSchedule.home_id == home_id, ReviewSchedule.active, ReviewSchedule.next_review_date <= due_by,
        Resident.status.not_in(ENDED),
    )
    if overdue_before is not None:
        stmt = stmt.where(ReviewSchedule.next_review_date < overdue_before)
    # Several columns, not one entity: the kit types its statements as Select[Any].
    paged = paginate_query(cast("Select[Any]", stmt), sort="next_review_date", allowed=DUE_SORTS,
                           id_col=ReviewSchedule.id, cursor=cursor, limit=limit)
    return list((await session.execute(paged)).all())
