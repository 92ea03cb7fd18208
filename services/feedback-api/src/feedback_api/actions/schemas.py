"""Actions in and out."""

import uuid
from datetime import date, datetime

from pydantic import Field

from carehub_kit.pagination import Page
from feedback_api.actions.models import ActionStatus
from feedback_api.base import BoundedDate, Input, Long, Output, Short


class ActionCreate(Input):
    title: Short
    description: Long | None = None
    home_id: uuid.UUID | None = Field(default=None, description="Null for a council-wide action.")
    theme_id: uuid.UUID | None = None
    owner: Short = Field(description="Who is responsible: a name or a post, e.g. 'Divisional manager (north)'.")
    raised_on: BoundedDate | None = Field(default=None, description="Defaults to today.")
    due_date: BoundedDate = Field(description="On or after raised_on.")
    item_ids: list[uuid.UUID] = Field(default_factory=list, max_length=100,
                                      description="The feedback items this action answers.")


class ActionUpdate(Input):
    """Only the fields sent change. Status moves proposed -> agreed -> in_progress -> done; any open
    action may become not_doing, with a reason everyone can read."""

    title: Short | None = None
    description: Long | None = None
    owner: Short | None = None
    due_date: BoundedDate | None = None
    status: ActionStatus | None = None
    not_doing_reason: Long | None = None
    outcome: Long | None = None
    item_ids: list[uuid.UUID] | None = Field(default=None, max_length=100)


class ActionRead(Output):
    id: uuid.UUID
    title: str
    description: str | None
    home_id: uuid.UUID | None
    theme_id: uuid.UUID | None
    owner: str
    raised_on: date
    due_date: date
    status: ActionStatus
    not_doing_reason: str | None
    outcome: str | None
    completed_on: date | None
    overdue: bool
    item_ids: list[uuid.UUID]
    created_at: datetime
    updated_at: datetime
    version: int


class ActionPage(Page[ActionRead]):
    """One page of actions."""
