"""HTTP for pulse surveys: define, answer once, see results that protect small groups."""

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.auth import home_scope
from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.idempotency import REPLAY_HEADER
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from feedback_api.anonymity import today
from feedback_api.common import require_home, settings_of
from feedback_api.db import IdempotencyKey
from feedback_api.permissions import Action, allowed
from feedback_api.surveys import rates, repository, results, service
from feedback_api.surveys.models import Survey
from feedback_api.surveys.schemas import (
    ResponseCreate,
    ResponseRates,
    ResponseReceipt,
    ScoreSeries,
    SurveyCreate,
    SurveyPage,
    SurveyRead,
    SurveyResults,
    SurveySummary,
    SurveyUpdate,
)

router = APIRouter(prefix="/v1/surveys", tags=["surveys"])

Reader = Annotated[Actor, allowed(Action.survey_read)]
Respondent = Annotated[Actor, allowed(Action.survey_respond)]
Manager = Annotated[Actor, allowed(Action.survey_manage)]
ResultsReader = Annotated[Actor, allowed(Action.survey_results)]
KeyHeader = Annotated[str | None, Header(alias="Idempotency-Key", min_length=1, max_length=255)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]


def _summary(survey: Survey) -> SurveySummary:
    return SurveySummary(id=survey.id, title=survey.title, opens_at=survey.opens_at, closes_at=survey.closes_at,
                         status=service.status_of(survey, datetime.now(UTC)), min_group_size=survey.min_group_size,
                         version=survey.version)


@router.get("", response_model=SurveyPage, responses=problem_responses(401, 403, 422))
async def list_surveys(
    request: Request, response: Response, session: DbSession, actor: Reader,
    status: Literal["scheduled", "open", "closed"] | None = None,
    sort: SortParam = "-opens_at", cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> SurveyPage:
    """Surveys for you (divisional managers and admins: all of them)."""
    stmt = service.audience_filter(repository.list_query(status=status, now=datetime.now(UTC)), actor)
    rows = await repository.list_page(session, stmt, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, SurveyPage, to_item=_summary, sort=sort, allowed=repository.SORTS, limit=limit,
                      request=request, response=response)


@router.post("", status_code=201, response_model=SurveyRead, responses=problem_responses(401, 403, 409, 422))
async def create_survey(request: Request, body: SurveyCreate, session: DbSession, actor: Manager,
                        idempotency: IdempotencyKey) -> JSONResponse:
    survey, questions = await service.create(session, actor, body)
    location = str(request.url_for("get_survey", survey_id=survey.id).path)
    return await idempotency.respond(service.to_read(survey, questions), status=201,
                                     headers={"ETag": etag(survey.version), "Location": location})


@router.get("/scores", response_model=ScoreSeries, responses=problem_responses(401, 403, 404, 422))
async def survey_scores(session: DbSession, actor: ResultsReader, home_id: uuid.UUID | None = None) -> ScoreSeries:
    """eNPS and mean Likert score of each closed survey (the latest 50), oldest first, for a
    home or for all homes; a point is suppressed where the group is too small."""
    require_home(actor, home_id)
    surveys = await repository.latest_closed(session, datetime.now(UTC), 50)
    return ScoreSeries(home_id=home_id, points=await results.score_series(session, surveys, home_id))


@router.get("/{survey_id}", response_model=SurveyRead, responses=problem_responses(401, 403, 404))
async def get_survey(survey_id: uuid.UUID, response: Response, session: DbSession, actor: Reader) -> SurveyRead:
    survey = await service.get(session, actor, survey_id)
    set_etag(response, survey.version)
    return service.to_read(survey, await repository.questions(session, survey.id))


@router.patch("/{survey_id}", response_model=SurveyRead,
              responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def update_survey(survey_id: uuid.UUID, body: SurveyUpdate, expected: ExpectedVersion, response: Response,
                        session: DbSession, actor: Manager) -> SurveyRead:
    survey = await service.update(session, actor, survey_id, expected, body)
    set_etag(response, survey.version)
    return service.to_read(survey, await repository.questions(session, survey.id))


@router.post("/{survey_id}/close", response_model=SurveyRead,
             responses=problem_responses(400, 401, 403, 404, 412, 422, 428))
async def close_survey(survey_id: uuid.UUID, expected: ExpectedVersion, session: DbSession, actor: Manager,
                       idempotency: IdempotencyKey) -> JSONResponse:
    """Close now (send the survey's ETag in If-Match)."""
    survey = await service.close(session, actor, survey_id, expected)
    read = service.to_read(survey, await repository.questions(session, survey.id))
    return await idempotency.respond(read, status=200, headers={"ETag": etag(survey.version)})


@router.post("/{survey_id}/responses", status_code=201, response_model=ResponseReceipt,
             responses=problem_responses(401, 403, 404, 409, 422))
async def respond_to_survey(request: Request, survey_id: uuid.UUID, body: ResponseCreate, session: DbSession,
                            actor: Respondent, idempotency_key: KeyHeader = None) -> JSONResponse:
    """Answer once. Your answers are stored without your name; a separate receipt (a keyed
    hash) only says that you have answered, so a second response is refused (409)."""
    _, replayed = await service.respond(session, actor, survey_id, body, secret=settings_of(request).receipt_secret,
                                        idempotency_key=idempotency_key)
    receipt = ResponseReceipt(survey_id=survey_id, submitted_on=today())
    return JSONResponse(receipt.model_dump(mode="json"), status_code=201,
                        headers={REPLAY_HEADER: "true"} if replayed else {})


@router.get("/{survey_id}/results", response_model=SurveyResults, responses=problem_responses(401, 403, 404, 409))
async def survey_results(survey_id: uuid.UUID, session: DbSession, actor: ResultsReader) -> SurveyResults:
    """All homes together, and each home you can see; groups below the survey's minimum size,
    and groups that could be worked out by subtraction, are suppressed."""
    survey = await service.get_for_results(session, survey_id)
    return await results.results(session, survey, home_scope(actor))


@router.get("/{survey_id}/response-rates", response_model=ResponseRates,
            responses=problem_responses(401, 403, 404))
async def survey_response_rates(survey_id: uuid.UUID, session: DbSession, actor: ResultsReader) -> ResponseRates:
    survey = await service.get_for_results(session, survey_id)
    return await rates.response_rates(session, survey, home_scope(actor))


