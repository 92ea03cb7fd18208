"""Every query of the surveys module. Results are aggregated in SQL, one round trip each."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.pagination import SortKey, paginate_query
from feedback_api.surveys.models import (
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyReceipt,
    SurveyResponse,
)

SORTS = {"-opens_at": SortKey(Survey.opens_at, descending=True), "closes_at": SortKey(Survey.closes_at)}


def list_query(*, status: str | None, now: datetime) -> Select[Any]:
    stmt = select(Survey).where(Survey.archived_at.is_(None))
    if status == "scheduled":
        stmt = stmt.where(Survey.opens_at > now)
    elif status == "open":
        stmt = stmt.where(Survey.opens_at <= now, Survey.closes_at > now)
    elif status == "closed":
        stmt = stmt.where(Survey.closes_at <= now)
    return stmt


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[Survey]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=Survey.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, survey_id: uuid.UUID, *, for_update: bool = False) -> Survey | None:
    stmt = select(Survey).where(Survey.id == survey_id, Survey.archived_at.is_(None))
    return await session.scalar(stmt.with_for_update() if for_update else stmt)


async def questions(session: AsyncSession, survey_id: uuid.UUID) -> list[SurveyQuestion]:
    stmt = select(SurveyQuestion).where(SurveyQuestion.survey_id == survey_id).order_by(SurveyQuestion.position)
    return list((await session.scalars(stmt)).all())


async def take_receipt(session: AsyncSession, survey_id: uuid.UUID, receipt_hash: str, key_hash: str | None) -> bool:
    """True if this is the person's first response; the primary key decides under races."""
    taken = await session.scalar(
        insert(SurveyReceipt).values(survey_id=survey_id, receipt_hash=receipt_hash, key_hash=key_hash)
        .on_conflict_do_nothing().returning(SurveyReceipt.receipt_hash))
    return taken is not None


async def receipt_key_hash(session: AsyncSession, survey_id: uuid.UUID, receipt_hash: str) -> str | None:
    stmt = select(SurveyReceipt.key_hash).where(SurveyReceipt.survey_id == survey_id,
                                                SurveyReceipt.receipt_hash == receipt_hash)
    return await session.scalar(stmt)


async def respondents_by_home(session: AsyncSession, survey_id: uuid.UUID) -> dict[uuid.UUID, int]:
    stmt = (select(SurveyResponse.home_id, func.count()).where(SurveyResponse.survey_id == survey_id)
            .group_by(SurveyResponse.home_id))
    return {row[0]: int(row[1]) for row in await session.execute(stmt)}


def _of_survey(survey_ids: list[uuid.UUID]) -> Any:
    """Answers reached through their questions' index, not a scan of every survey's answers."""
    return SurveyAnswer.question_id.in_(select(SurveyQuestion.id).where(SurveyQuestion.survey_id.in_(survey_ids)))


async def answer_stats(session: AsyncSession, survey_id: uuid.UUID, question_ids: list[uuid.UUID]) -> list[Any]:
    """(question_id, home_id, score, choice, n) for scored and choice answers."""
    a, r = SurveyAnswer, SurveyResponse
    choice = a.choice.collate("C")  # byte order: grouping needs no locale-aware comparison
    stmt = (select(a.question_id, r.home_id, a.score, choice, func.count().label("n"))
            .join(r, r.id == a.response_id)
            .where(r.survey_id == survey_id, a.question_id.in_(question_ids), a.comment.is_(None))
            .group_by(a.question_id, r.home_id, a.score, choice))
    return list((await session.execute(stmt)).all())


async def comments(session: AsyncSession, survey_id: uuid.UUID, question_ids: list[uuid.UUID]) -> list[Any]:
    a, r = SurveyAnswer, SurveyResponse
    stmt = (select(a.question_id, r.home_id, a.comment).join(r, r.id == a.response_id)
            .where(r.survey_id == survey_id, a.question_id.in_(question_ids), a.comment.is_not(None)))
    return list((await session.execute(stmt)).all())


async def scores_by_survey_home(session: AsyncSession, survey_ids: list[uuid.UUID]) -> list[Any]:
    """Per (survey, home): respondents, likert sum and count, promoters, detractors, recommenders."""
    a, r, q = SurveyAnswer, SurveyResponse, SurveyQuestion
    likert = q.kind == QuestionKind.likert
    recommend = q.kind == QuestionKind.recommend
    answers = (select(r.survey_id, r.home_id,
                      func.sum(case((likert, a.score), else_=0)).label("likert_sum"),
                      func.count(case((likert, 1))).label("likert_n"),
                      func.count(case((and_(recommend, a.score >= 9), 1))).label("promoters"),
                      func.count(case((and_(recommend, a.score <= 6), 1))).label("detractors"),
                      func.count(case((recommend, 1))).label("recommend_n"))
               .join(a, a.response_id == r.id).join(q, q.id == a.question_id)
               .where(r.survey_id.in_(survey_ids), _of_survey(survey_ids)).group_by(r.survey_id, r.home_id))
    return list((await session.execute(answers)).all())


async def respondents_by_survey_home(session: AsyncSession, survey_ids: list[uuid.UUID]) -> dict[tuple[uuid.UUID,
                                                                                                      uuid.UUID], int]:
    stmt = (select(SurveyResponse.survey_id, SurveyResponse.home_id, func.count())
            .where(SurveyResponse.survey_id.in_(survey_ids))
            .group_by(SurveyResponse.survey_id, SurveyResponse.home_id))
    return {(row[0], row[1]): int(row[2]) for row in await session.execute(stmt)}


async def closed_between(session: AsyncSession, start: datetime, end: datetime, limit: int = 100) -> list[Survey]:
    stmt = (select(Survey).where(Survey.archived_at.is_(None), Survey.closes_at > start, Survey.closes_at <= end)
            .order_by(Survey.closes_at, Survey.id).limit(limit))
    return list((await session.scalars(stmt)).all())


async def latest_closed(session: AsyncSession, up_to: datetime, limit: int) -> list[Survey]:
    """The `limit` surveys that closed most recently at or before `up_to`, oldest first."""
    stmt = (select(Survey).where(Survey.archived_at.is_(None), Survey.closes_at <= up_to)
            .order_by(Survey.closes_at.desc(), Survey.id.desc()).limit(limit))
    return list(reversed((await session.scalars(stmt)).all()))
