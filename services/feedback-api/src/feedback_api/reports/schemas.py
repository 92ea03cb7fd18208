"""The recommendations report."""

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field

from feedback_api.surveys.schemas import ScorePoint
from feedback_api.workforce.schemas import Indicators


class ThemeTrend(BaseModel):
    theme: str
    raised: int
    previous: int = Field(description="Raised in the same length of time just before the period.")
    trend: str = Field(description="rising, falling or steady")


class OverdueAction(BaseModel):
    action_id: uuid.UUID
    home_id: uuid.UUID | None
    title: str
    owner: str
    due_date: date
    days_overdue: int


class ActionSummary(BaseModel):
    open: int
    overdue: int
    done_in_period: int
    not_doing_in_period: int
    overdue_actions: list[OverdueAction] = Field(description="The 20 most overdue.")


class Flag(BaseModel):
    rule: str = Field(description="The rule that raised it (see the service README).")
    home_id: uuid.UUID | None
    indicator: str | None
    value: float | None
    threshold: float | None
    message: str


class Report(BaseModel):
    home_id: uuid.UUID | None = Field(description="Null: the whole council (the homes you can see).")
    period_from: date
    period_to: date
    generated_at: datetime
    top_themes: list[ThemeTrend]
    actions: ActionSummary
    pulse: list[ScorePoint] = Field(description="Surveys closed in the period, suppression applied.")
    pulse_before: ScorePoint | None = Field(description="The last survey that closed before the period.")
    pulse_trend: str | None = Field(description="rising, falling or steady: the latest eNPS shown against the one "
                                                "before it (5 points either way); null without two to compare.")
    workforce: Indicators | None = Field(description="At the latest month with returns, homes added together.")
    workforce_by_home: list[Indicators]
    flags: list[Flag]
