"""The "You said, we did" board, in words staff can read."""

import uuid
from datetime import date

from pydantic import BaseModel, Field

from feedback_api.actions.models import ActionStatus
from feedback_api.items.models import Kind


class ThemeCount(BaseModel):
    theme_id: uuid.UUID
    theme: str
    raised: int
    working: int
    not_working: int
    ideas: int


class YouSaid(BaseModel):
    kind: Kind
    said: str | None = Field(description="The item's summary; null when it is withheld to protect anonymity.")
    withheld: bool


class WeDid(BaseModel):
    action_id: uuid.UUID
    home_id: uuid.UUID | None
    theme: str | None
    title: str
    owner: str
    status: ActionStatus
    due_date: date
    completed_on: date | None
    outcome: str | None
    not_doing_reason: str | None
    you_said: list[YouSaid] = Field(description="Up to five of the items this action answers.")
    items: int


class Board(BaseModel):
    home_id: uuid.UUID | None = Field(description="Null for the council-wide board.")
    period_from: date
    period_to: date
    min_contributors: int = Field(description="Anonymous words are shown only for homes where at least this many "
                                              "different people gave feedback in the period.")
    items_raised: int
    themes: list[ThemeCount]
    actions: list[WeDid] = Field(description="Actions open in, or finished during, the period (at most 100).")
