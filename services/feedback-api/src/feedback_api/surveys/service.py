"""Rules for pulse surveys: the schedule, the audience, and one response per person."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, or_
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.concurrency import check_version
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor
from feedback_api import anonymity
from feedback_api.common import field_error
from feedback_api.db import audit
from feedback_api.items.anonymous import record_anonymous
from feedback_api.permissions import TRIAGE
from feedback_api.surveys import repository
from feedback_api.surveys.models import QuestionKind, Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from feedback_api.surveys.schemas import (
    SCALE,
    AnswerIn,
    QuestionRead,
    ResponseCreate,
    SurveyCreate,
    SurveyRead,
    SurveyUpdate,
)

ENTITY = "survey"


def status_of(survey: Survey, now: datetime) -> str:
    return "scheduled" if now < survey.opens_at else "open" if now < survey.closes_at else "closed"


def to_read(survey: Survey, questions: list[SurveyQuestion]) -> SurveyRead:
    return SurveyRead(
        id=survey.id, title=survey.title, description=survey.description, home_ids=survey.home_ids,
        roles=survey.roles, opens_at=survey.opens_at, closes_at=survey.closes_at,
        status=status_of(survey, datetime.now(UTC)), min_group_size=survey.min_group_size,
        questions=[QuestionRead.model_validate(q) for q in questions], version=survey.version)


def in_audience(actor: Actor, survey: Survey) -> bool:
    if any(role in TRIAGE for role in actor.roles):
        return True
    homes_ok = not survey.home_ids or bool({str(h) for h in survey.home_ids} & set(actor.homes))
    roles_ok = not survey.roles or bool(set(survey.roles) & set(actor.roles))
    return homes_ok and roles_ok


async def create(session: AsyncSession, actor: Actor, data: SurveyCreate) -> tuple[Survey, list[SurveyQuestion]]:
    survey = Survey(**data.model_dump(exclude={"questions", "roles"}), roles=[str(r) for r in data.roles])
    session.add(survey)
    await session.flush()
    questions = [SurveyQuestion(survey_id=survey.id, position=i + 1, **q.model_dump())
                 for i, q in enumerate(data.questions)]
    session.add_all(questions)
    await session.flush()
    await audit.record(session, actor, "create", ENTITY, survey.id,
                       details={"fields": sorted(data.model_fields_set), "questions": len(questions)})
    return survey, questions


async def get(session: AsyncSession, actor: Actor, survey_id: uuid.UUID, *, for_update: bool = False) -> Survey:
    survey = await repository.get(session, survey_id, for_update=for_update)
    if survey is None or not in_audience(actor, survey):
        raise not_found("survey")
    return survey


async def update(session: AsyncSession, actor: Actor, survey_id: uuid.UUID, expected: int,
                 data: SurveyUpdate) -> Survey:
    changes = data.model_dump(exclude_unset=True)
    for field in ("title", "closes_at", "min_group_size"):
        if field in changes and changes[field] is None:
            raise field_error(["body", field], "cannot be empty", "missing")
    survey = await get(session, actor, survey_id, for_update=True)
    check_version(survey.version, expected)
    if "closes_at" in changes:
        if status_of(survey, datetime.now(UTC)) == "closed":
            # Reopening would let results taken before and after be subtracted from each other.
            raise field_error(["body", "closes_at"], "a closed survey cannot be reopened", "closed", status=409)
        if changes["closes_at"] <= survey.opens_at:
            raise field_error(["body", "closes_at"], "must be after opens_at", "date_order")
    for field, value in changes.items():
        setattr(survey, field, value)
    await session.flush()
    await audit.record(session, actor, "update", ENTITY, survey.id, details={"fields": sorted(changes)})
    return survey


async def close(session: AsyncSession, actor: Actor, survey_id: uuid.UUID, expected: int) -> Survey:
    survey = await get(session, actor, survey_id, for_update=True)
    check_version(survey.version, expected)
    now = datetime.now(UTC)
    if survey.closes_at > now:
        if survey.opens_at >= now:  # closing before it opened: it never takes a response
            survey.opens_at = now - timedelta(seconds=1)
        survey.closes_at = now
        await session.flush()
        await audit.record(session, actor, "close", ENTITY, survey.id)
    return survey


def _respondent_home(actor: Actor, survey: Survey, asked: uuid.UUID | None) -> uuid.UUID:
    own = {uuid.UUID(h) for h in actor.homes if _is_uuid(h)}
    eligible = own if not survey.home_ids else own & set(survey.home_ids)
    if asked is not None:
        if asked not in eligible:
            raise field_error(["body", "home_id"], "must be a home you work in that this survey is for", "value_error")
        return asked
    if len(eligible) != 1:
        raise field_error(["body", "home_id"], "say which home you work in", "missing")
    return next(iter(eligible))


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _check_answer(index: int, answer: AnswerIn, question: SurveyQuestion) -> None:
    loc: list[str | int] = ["body", "answers", index]
    if question.kind in SCALE:
        low, high = SCALE[question.kind]
        if answer.score is None or not low <= answer.score <= high or answer.choice or answer.comment:
            raise field_error([*loc, "score"], f"give a score from {low} to {high}", "range")
    elif question.kind == QuestionKind.single_choice:
        if answer.choice not in question.options or answer.score is not None or answer.comment:
            raise field_error([*loc, "choice"], "choose one of the question's options", "enum")
    elif answer.comment is None or answer.score is not None or answer.choice:
        raise field_error([*loc, "comment"], "write a comment", "missing")


def _answers(data: ResponseCreate, questions: list[SurveyQuestion]) -> list[AnswerIn]:
    by_id = {q.id: q for q in questions}
    seen: set[uuid.UUID] = set()
    for index, answer in enumerate(data.answers):
        question = by_id.get(answer.question_id)
        if question is None or answer.question_id in seen:
            raise field_error(["body", "answers", index, "question_id"], "not a question of this survey, or repeated",
                              "value_error")
        seen.add(answer.question_id)
        _check_answer(index, answer, question)
    for question in questions:
        if question.required and question.id not in seen:
            raise field_error(["body", "answers"], f"question {question.position} needs an answer", "missing")
    return list(data.answers)


async def respond(session: AsyncSession, actor: Actor, survey_id: uuid.UUID, data: ResponseCreate, *,
                  secret: str, idempotency_key: str | None) -> tuple[datetime, bool]:
    """Record a response: the receipt first (one per person), then answers that carry no
    person and the day only. Returns (when, replayed)."""
    survey = await get(session, actor, survey_id)
    now = datetime.now(UTC)
    if status_of(survey, now) != "open":
        raise ProblemError(409, f"This survey is {status_of(survey, now)}: it is not taking responses.",
                           slug="survey-not-open")
    home_id = _respondent_home(actor, survey, data.home_id)
    answers = _answers(data, await repository.questions(session, survey.id))
    receipt = anonymity.survey_receipt(secret, survey.id, actor.sub)
    key_hash = anonymity.keyed_hash(secret, "survey-key", str(survey.id), actor.sub, idempotency_key) \
        if idempotency_key else None
    if not await repository.take_receipt(session, survey.id, receipt, key_hash):
        if key_hash is not None and await repository.receipt_key_hash(session, survey.id, receipt) == key_hash:
            return now, True
        raise ProblemError(409, "You have already answered this survey. Each person answers once.",
                           slug="already-responded")
    response = SurveyResponse(survey_id=survey.id, home_id=home_id, submitted_on=anonymity.today())
    session.add(response)
    await session.flush()
    session.add_all([SurveyAnswer(response_id=response.id, question_id=a.question_id, score=a.score,
                                  choice=a.choice, comment=a.comment) for a in answers])
    await session.flush()
    # Audited like anonymous feedback: system actor, the day only, no request id; the entity is
    # the survey, not the response, so the trail does not even point at the answers.
    await record_anonymous(session, "respond", ENTITY, survey.id, home_id=home_id)
    return now, False


def audience_filter(stmt: Select[Any], actor: Actor) -> Select[Any]:
    """Surveys whose audience includes the actor (triagers see all)."""
    if any(role in TRIAGE for role in actor.roles):
        return stmt
    homes = [uuid.UUID(h) for h in actor.homes if _is_uuid(h)]
    return stmt.where(
        or_(func.cardinality(Survey.home_ids) == 0, Survey.home_ids.overlap(homes)),
        or_(func.cardinality(Survey.roles) == 0, Survey.roles.overlap(list(actor.roles))),
    )


async def get_for_results(session: AsyncSession, survey_id: uuid.UUID) -> Survey:
    """Results are aggregates: any results reader may ask for any survey's."""
    survey = await repository.get(session, survey_id)
    if survey is None:
        raise not_found("survey")
    return survey
