"""Survey results, response rates and score series, with the suppression rules applied."""

import uuid
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.errors import ProblemError
from feedback_api.surveys import repository
from feedback_api.surveys.models import QuestionKind, Survey, SurveyQuestion
from feedback_api.surveys.schemas import GroupResult, QuestionResult, ScorePoint, SurveyResults
from feedback_api.surveys.suppression import enps, hidden_groups, total_hidden

ALL = None  # the all-homes group
Tally = dict[uuid.UUID, dict[uuid.UUID | None, dict[Any, int]]]  # question -> group -> value -> n


def _tally(stats: list[Any], comment_rows: list[Any]) -> tuple[Tally, dict[Any, list[str]]]:
    tally: Tally = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for question_id, home_id, score, choice, n in stats:
        value = score if score is not None else choice
        tally[question_id][home_id][value] += n
        tally[question_id][ALL][value] += n
    texts: dict[Any, list[str]] = defaultdict(list)
    for question_id, home_id, comment in comment_rows:
        for group in (home_id, ALL):
            texts[(question_id, group)].append(comment)
            tally[question_id][group]["comment"] += 1
    return tally, texts


def _question(q: SurveyQuestion, values: dict[Any, int], comments: list[str], hidden: bool) -> QuestionResult:
    answered = sum(values.values())
    if hidden:
        return QuestionResult(question_id=q.id, kind=q.kind, text=q.text, answered=None, suppressed=True)
    result = QuestionResult(question_id=q.id, kind=q.kind, text=q.text, answered=answered, suppressed=False)
    if q.kind in (QuestionKind.likert, QuestionKind.recommend):
        low, high = (1, 5) if q.kind == QuestionKind.likert else (0, 10)
        result.distribution = {str(s): values.get(s, 0) for s in range(low, high + 1)}
        result.mean = round(sum(s * n for s, n in values.items()) / answered, 2) if answered else None
        if q.kind == QuestionKind.recommend:
            result.enps = enps(sum(n for s, n in values.items() if s >= 9),
                               sum(n for s, n in values.items() if s <= 6), answered)
    elif q.kind == QuestionKind.single_choice:
        result.choices = {option: values.get(option, 0) for option in q.options}
    else:
        result.comments = sorted(comments)
    return result


async def results(session: AsyncSession, survey: Survey, visible: frozenset[uuid.UUID] | None) -> SurveyResults:
    if datetime.now(UTC) < survey.closes_at:
        # Live results would let anyone subtract yesterday's figures from today's.
        raise ProblemError(409, "Results are shown once the survey has closed.", slug="survey-not-closed")
    k = survey.min_group_size
    respondents = await repository.respondents_by_home(session, survey.id)
    questions = await repository.questions(session, survey.id)
    question_ids = [q.id for q in questions]  # by the answers' question index, one survey only
    tally, texts = _tally(await repository.answer_stats(session, survey.id, question_ids),
                          await repository.comments(session, survey.id, question_ids))
    group_hidden = hidden_groups(respondents, k)
    per_question = {q.id: hidden_groups({h: sum(tally[q.id][h].values()) for h in respondents}, k, group_hidden)
                    for q in questions}
    groups = [GroupResult(
        home_id=None, respondents=None if total_hidden(respondents, k) else sum(respondents.values()),
        suppressed=total_hidden(respondents, k), reason="below_minimum" if total_hidden(respondents, k) else None,
        questions=[_question(q, tally[q.id][ALL], texts[(q.id, ALL)],
                             sum(tally[q.id][ALL].values()) < k) for q in questions])]
    for home in sorted(respondents, key=str):
        if visible is not None and home not in visible:
            continue
        hidden = home in group_hidden
        groups.append(GroupResult(
            home_id=home, respondents=None if hidden else respondents[home], suppressed=hidden,
            reason=group_hidden.get(home),
            questions=[_question(q, tally[q.id][home], texts[(q.id, home)], home in per_question[q.id])
                       for q in questions]))
    return SurveyResults(survey_id=survey.id, title=survey.title, min_group_size=k, groups=groups)


def _point(survey: Survey, home: uuid.UUID | None, counts: dict[uuid.UUID, int],
           scores: dict[uuid.UUID | None, list[int]]) -> ScorePoint:
    k = survey.min_group_size
    hidden = total_hidden(counts, k) if home is None else home in hidden_groups(counts, k) or home not in counts
    likert_sum, likert_n, promoters, detractors, recommend_n = scores.get(home, [0, 0, 0, 0, 0])
    n = sum(counts.values()) if home is None else counts.get(home, 0)
    return ScorePoint(
        survey_id=survey.id, title=survey.title, closes_at=survey.closes_at, respondents=None if hidden else n,
        suppressed=hidden,
        enps=None if hidden or recommend_n < k else enps(promoters, detractors, recommend_n),
        likert_mean=None if hidden or likert_n < k else round(likert_sum / likert_n, 2))


async def score_series(session: AsyncSession, surveys: list[Survey], home: uuid.UUID | None) -> list[ScorePoint]:
    """eNPS and mean Likert score per closed survey, for one home or all homes."""
    ids = [s.id for s in surveys]
    counts: dict[uuid.UUID, dict[uuid.UUID, int]] = defaultdict(dict)
    for (survey_id, home_id), n in (await repository.respondents_by_survey_home(session, ids)).items():
        counts[survey_id][home_id] = n
    scores: dict[uuid.UUID, dict[uuid.UUID | None, list[int]]] = defaultdict(dict)
    for survey_id, home_id, *values in await repository.scores_by_survey_home(session, ids):
        scores[survey_id][home_id] = [int(v or 0) for v in values]
        total = scores[survey_id].setdefault(ALL, [0, 0, 0, 0, 0])
        scores[survey_id][ALL] = [a + int(b or 0) for a, b in zip(total, values, strict=True)]
    return [_point(s, home, counts[s.id], scores[s.id]) for s in surveys]
