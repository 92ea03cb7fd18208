"""Rules for section reviews: schedules follow the current plan; a review moves its section's
next-review date on by the section's interval."""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.auth import can_see_home
from carehub_kit.errors import not_found
from carehub_kit.identity import Actor
from careplan_api import auditing, clock
from careplan_api.residents import service as residents_service
from careplan_api.residents.service import field_problem
from careplan_api.reviews import repository
from careplan_api.reviews.intervals import ReviewInterval, next_review
from careplan_api.reviews.models import ReviewSchedule, SectionReview
from careplan_api.reviews.schemas import ReviewCreate


@dataclass(frozen=True)
class SignedOffPlan:
    plan_id: uuid.UUID
    resident_id: uuid.UUID
    home_id: uuid.UUID
    number: int
    signed_off_on: date
    sections: list[dict[str, Any]]


def _restart(schedule: ReviewSchedule, interval: ReviewInterval, on: date) -> None:
    schedule.interval = interval
    schedule.next_review_date = next_review(schedule.last_reviewed_date or on, interval)


async def follow_plan(session: AsyncSession, plan: SignedOffPlan) -> None:
    """Bring the resident's review schedules into line with a newly current plan version:
    new sections are first due one interval after sign-off; a changed interval counts from the
    last review; sections no longer in the plan stop being due."""
    existing = {s.section_id: s for s in await repository.schedules_of(session, plan.resident_id)}
    for section in plan.sections:
        section_id, interval = uuid.UUID(section["id"]), ReviewInterval(section["review_interval"])
        schedule = existing.pop(section_id, None)
        if schedule is None:
            schedule = ReviewSchedule(
                plan_id=plan.plan_id, resident_id=plan.resident_id, home_id=plan.home_id, section_id=section_id,
                scheduled_from=plan.signed_off_on, interval=interval,
                next_review_date=next_review(plan.signed_off_on, interval), active=True)
            session.add(schedule)
        elif schedule.interval != interval or not schedule.active:
            schedule.active = True
            _restart(schedule, interval, plan.signed_off_on)
        schedule.domain, schedule.title, schedule.plan_version_number = (
            section["domain"], section["title"], plan.number)
    for retired in existing.values():
        retired.active = False
    await session.flush()


async def section_is_current(session: AsyncSession, resident_id: uuid.UUID, section_id: uuid.UUID) -> bool:
    """Whether the section is in the resident's current (signed-off) plan."""
    return await repository.section_is_current(session, resident_id, section_id)


async def due_now(session: AsyncSession, resident_id: uuid.UUID, section_id: uuid.UUID) -> None:
    """A new high-band risk result: the section's review is due today (never pushed later)."""
    schedule = await repository.active_schedule(session, resident_id, section_id)
    if schedule is not None:
        schedule.next_review_date = min(schedule.next_review_date, clock.today())
        await session.flush()


async def record(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, section_id: uuid.UUID,
                 data: ReviewCreate) -> SectionReview:
    who = await residents_service.access(session, actor, resident_id)
    schedule = await repository.active_schedule(session, who.id, section_id)  # locked: reviews in order
    if schedule is None:
        raise not_found("section of the current care plan")
    if data.review_date < max(schedule.last_reviewed_date or schedule.scheduled_from, who.admission_date):
        raise field_problem(422, "review_date", "cannot be before the last review or the plan's sign-off",
                            "date_order")
    schedule.last_reviewed_date = data.review_date
    schedule.next_review_date = next_review(data.review_date, schedule.interval)
    review = SectionReview(
        resident_id=who.id, home_id=who.home_id, section_id=section_id, domain=schedule.domain,
        plan_version_number=schedule.plan_version_number, next_review_date=schedule.next_review_date,
        reviewer_sub=actor.sub, reviewer_name=actor.name, **data.model_dump())
    session.add(review)
    await session.flush()
    await auditing.record(session, actor, "create", "section_review", review.id, resident_id=who.id,
                          home_id=who.home_id, section_id=str(section_id), outcome=data.outcome.value)
    return review


async def list_for_resident(session: AsyncSession, actor: Actor, resident_id: uuid.UUID,
                            **paging: Any) -> list[SectionReview]:
    who = await residents_service.access(session, actor, resident_id)
    rows = await repository.review_page(session, who.id, **paging)
    await auditing.viewed(session, actor, who.id, who.home_id, "reviews")
    return rows


async def due(session: AsyncSession, actor: Actor, home_id: uuid.UUID, *, within_days: int, overdue_only: bool,
              cursor: str | None, limit: int) -> list[Any]:
    if not can_see_home(actor, home_id):
        raise not_found("home")
    today = clock.today()
    return await repository.due_page(session, home_id, due_by=today + timedelta(days=within_days),
                                     overdue_before=today if overdue_only else None, cursor=cursor, limit=limit)
