"""Pulse surveys in and out."""

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, Field, StringConstraints, model_validator

from carehub_kit.auth import Role
from carehub_kit.pagination import Page
from feedback_api.base import Input, Long, Output, Short
from feedback_api.surveys.models import QuestionKind

Option = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Comment = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
GroupSize = Annotated[int, Field(ge=3, le=50, description="Smallest group whose results are shown; never below 3.")]
SCALE = {QuestionKind.likert: (1, 5), QuestionKind.recommend: (0, 10)}


class QuestionCreate(Input):
    kind: QuestionKind
    text: Short
    options: list[Option] = Field(default_factory=list, max_length=10, description="For single_choice only.")
    required: bool = True

    @model_validator(mode="after")
    def _options_fit_kind(self) -> "QuestionCreate":
        if self.kind == QuestionKind.single_choice and len(set(self.options)) < 2:
            raise ValueError("a single-choice question needs at least two different options")
        if self.kind != QuestionKind.single_choice and self.options:
            raise ValueError("only single-choice questions have options")
        return self


class SurveyCreate(Input):
    title: Short
    description: Long | None = None
    home_ids: list[uuid.UUID] = Field(default_factory=list, max_length=500, description="Empty: every home.")
    roles: list[Role] = Field(default_factory=list, description="Empty: everyone who can answer surveys.")
    opens_at: AwareDatetime
    closes_at: AwareDatetime
    min_group_size: GroupSize = 5
    questions: list[QuestionCreate] = Field(min_length=1, max_length=30)

    @model_validator(mode="after")
    def _closes_after_opens(self) -> "SurveyCreate":
        if self.closes_at <= self.opens_at:
            raise ValueError("closes_at must be after opens_at")
        return self


class SurveyUpdate(Input):
    """Only the fields sent change. Questions are fixed once a survey exists."""

    title: Short | None = None
    description: Long | None = None
    closes_at: AwareDatetime | None = None
    min_group_size: GroupSize | None = None


class QuestionRead(Output):
    id: uuid.UUID
    position: int
    kind: QuestionKind
    text: str
    options: list[str]
    required: bool


class SurveyRead(Output):
    id: uuid.UUID
    title: str
    description: str | None
    home_ids: list[uuid.UUID]
    roles: list[str]
    opens_at: datetime
    closes_at: datetime
    status: str = Field(description="scheduled, open or closed, now.")
    min_group_size: int
    questions: list[QuestionRead]
    version: int


class SurveySummary(Output):
    id: uuid.UUID
    title: str
    opens_at: datetime
    closes_at: datetime
    status: str
    min_group_size: int
    version: int


class SurveyPage(Page[SurveySummary]):
    """One page of surveys."""


class AnswerIn(Input):
    question_id: uuid.UUID
    score: int | None = Field(default=None, ge=0, le=10)
    choice: Option | None = None
    comment: Comment | None = None


class ResponseCreate(Input):
    home_id: uuid.UUID | None = Field(default=None, description="The home you work in; needed if you work in several.")
    answers: list[AnswerIn] = Field(min_length=1, max_length=30)


class ResponseReceipt(BaseModel):
    """What a respondent gets back: nothing that identifies the response."""

    survey_id: uuid.UUID
    submitted_on: date
    message: str = "Thank you. Your answers are recorded without your name."


class QuestionResult(BaseModel):
    question_id: uuid.UUID
    kind: QuestionKind
    text: str
    answered: int | None = Field(description="Null when suppressed.")
    suppressed: bool
    mean: float | None = None
    distribution: dict[str, int] | None = None
    enps: float | None = Field(default=None, description="% scoring 9-10 minus % scoring 0-6.")
    choices: dict[str, int] | None = None
    comments: list[str] | None = Field(default=None, description="Sorted, so their order says nothing.")


class GroupResult(BaseModel):
    home_id: uuid.UUID | None = Field(description="Null for all homes together.")
    respondents: int | None = Field(description="Null when suppressed.")
    suppressed: bool
    reason: str | None = Field(default=None, description="below_minimum or differencing.")
    questions: list[QuestionResult]


class SurveyResults(BaseModel):
    survey_id: uuid.UUID
    title: str
    min_group_size: int
    groups: list[GroupResult]


class HomeResponseRate(BaseModel):
    home_id: uuid.UUID
    responses: int
    eligible: int | None = Field(description="Staff in the audience roles in the home's latest workforce return.")
    rate: float | None = Field(description="Per cent; null without a workforce return.")


class ResponseRates(BaseModel):
    survey_id: uuid.UUID
    homes: list[HomeResponseRate]


class ScorePoint(BaseModel):
    survey_id: uuid.UUID
    title: str
    closes_at: datetime
    respondents: int | None
    suppressed: bool
    enps: float | None
    likert_mean: float | None


class ScoreSeries(BaseModel):
    home_id: uuid.UUID | None
    points: list[ScorePoint]
