import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, Field, computed_field

from carehub_kit.pagination import Page
from careplan_api import clock
from careplan_api.fields import Input, LongText, Output
from careplan_api.reviews.intervals import ReviewInterval
from careplan_api.reviews.models import ReviewOutcome


def _not_future(value: date) -> date:
    if value > clock.today():
        raise ValueError("cannot be in the future")
    return value


class ReviewCreate(Input):
    review_date: Annotated[date, AfterValidator(_not_future)]
    outcome: ReviewOutcome
    summary: LongText
    changes: LongText | None = Field(default=None, description="What should change in the plan, if anything.")


class ReviewRead(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    section_id: uuid.UUID
    domain: str
    plan_version_number: int
    review_date: date
    outcome: ReviewOutcome
    summary: str
    changes: str | None
    next_review_date: date
    reviewer_name: str
    created_at: datetime


class ReviewPage(Page[ReviewRead]):
    """One page of a resident's section reviews."""


class DueReview(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    given_name: str
    family_name: str
    preferred_name: str | None
    section_id: uuid.UUID
    domain: str
    title: str
    interval: ReviewInterval
    last_reviewed_date: date | None
    next_review_date: date

    @computed_field  # type: ignore[prop-decorator]
    @property
    def overdue(self) -> bool:
        return self.next_review_date < clock.today()


class DueReviewPage(Page[DueReview]):
    """One page of sections due (or overdue) for review in a home."""
