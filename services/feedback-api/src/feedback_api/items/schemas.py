"""Feedback items and their conversation, in and out."""

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from carehub_kit.pagination import Page
from feedback_api.base import Input, Long, Output, Short, Tag
from feedback_api.items.models import Importance, ItemStatus, Kind

ReplyCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=20, max_length=40)]


class ItemCreate(Input):
    home_id: uuid.UUID | None = Field(default=None, description="The home it is about; or give a department.")
    department: Short | None = Field(default=None, description="A council department (e.g. estates, HR).")
    theme_id: uuid.UUID
    kind: Kind = Field(description="What is working, what is not, or an idea.")
    importance: Importance = Field(description="How much it matters.")
    summary: Short
    detail: Long | None = None
    anonymous: bool = Field(default=False, description="Keep no record of who gave it, anywhere.")

    @model_validator(mode="after")
    def _home_or_department(self) -> "ItemCreate":
        if self.home_id is None and self.department is None:
            raise ValueError("give the home_id or the department the feedback is about")
        return self


class ItemRead(Output):
    """An item as triagers and home managers see it. `author_name` is null for anonymous items."""

    id: uuid.UUID
    home_id: uuid.UUID | None
    department: str | None
    theme_id: uuid.UUID
    kind: Kind
    importance: Importance
    summary: str
    detail: str | None
    anonymous: bool
    author_name: str | None
    raised_on: date
    status: ItemStatus
    tags: list[str]
    merged_into_id: uuid.UUID | None
    version: int


class ItemSubmitted(ItemRead):
    reply_code: str = Field(description="Shown once. Keep it to read replies and answer them; "
                                        "the service stores only a hash of it.")


class ItemPage(Page[ItemRead]):
    """One page of feedback items."""


class ItemTriage(Input):
    """Only the fields sent change."""

    theme_id: uuid.UUID | None = None
    tags: list[Tag] | None = Field(default=None, max_length=20)
    status: ItemStatus | None = Field(default=None, description="triaged or closed (merge has its own call).")


class ItemMerge(Input):
    into_id: uuid.UUID = Field(description="The item this one duplicates; it keeps the conversation going.")


class MessageCreate(Input):
    body: Long


class ReplyCodeBody(Input):
    reply_code: ReplyCode


class SubmitterMessageCreate(Input):
    reply_code: ReplyCode
    body: Long


class MessageRead(Output):
    id: uuid.UUID
    seq: int
    from_submitter: bool
    author_name: str | None = Field(description="Null for the submitter of an anonymous item.")
    body: str
    created_at: datetime = Field(description="For the submitter of an anonymous item, the day only.")


class MessagePage(Page[MessageRead]):
    """One page of a conversation, oldest first."""


class Conversation(Output):
    item: ItemRead
    messages: list[MessageRead] = Field(description="The latest 200 messages, oldest first.")
