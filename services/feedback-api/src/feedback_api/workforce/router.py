"""HTTP for workforce returns, indicators, time series and benchmarks."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from feedback_api.anonymity import today
from feedback_api.base import BoundedDate
from feedback_api.common import add_months, field_error, month_start, scoped_homes
from feedback_api.db import IdempotencyKey
from feedback_api.permissions import Action, allowed
from feedback_api.workforce import benchmarks, figures, repository, service
from feedback_api.workforce.schemas import (
    BenchmarkCreate,
    BenchmarkList,
    BenchmarkRead,
    BenchmarkUpdate,
    IndicatorList,
    ReturnCreate,
    ReturnFigures,
    ReturnPage,
    ReturnRead,
    WorkforceSeries,
)

router = APIRouter(prefix="/v1/workforce", tags=["workforce"])
benchmarks_router = APIRouter(prefix="/v1/benchmarks", tags=["benchmarks"])

Reader = Annotated[Actor, allowed(Action.workforce_read)]
Submitter = Annotated[Actor, allowed(Action.workforce_submit)]
Analyst = Annotated[Actor, allowed(Action.workforce_indicators)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]
MAX_SERIES_MONTHS = 120


@router.get("/returns", response_model=ReturnPage, responses=problem_responses(401, 403, 404, 422))
async def list_returns(
    request: Request, response: Response, session: DbSession, actor: Reader,
    home_id: uuid.UUID | None = None, month_from: BoundedDate | None = None, month_to: BoundedDate | None = None,
    sort: SortParam = "-month", cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> ReturnPage:
    stmt = repository.list_query(homes=scoped_homes(actor, home_id), month_from=month_from, month_to=month_to)
    rows = await repository.list_page(session, stmt, sort=sort, cursor=cursor, limit=limit)
    lines = await repository.lines_of(session, [r.id for r in rows[:limit]])
    return page_of(rows, ReturnPage, to_item=lambda r: service.to_read(r, lines.get(r.id, [])), sort=sort,
                      allowed=repository.SORTS, limit=limit, request=request, response=response)


@router.post("/returns", status_code=201, response_model=ReturnRead,
             responses=problem_responses(401, 403, 404, 409, 422))
async def create_return(request: Request, body: ReturnCreate, session: DbSession, actor: Submitter,
                        idempotency: IdempotencyKey) -> JSONResponse:
    row, lines = await service.create(session, actor, body)
    location = str(request.url_for("get_return", return_id=row.id).path)
    return await idempotency.respond(service.to_read(row, lines), status=201,
                                     headers={"ETag": etag(row.version), "Location": location})


@router.get("/returns/{return_id}", response_model=ReturnRead, responses=problem_responses(401, 403, 404))
async def get_return(return_id: uuid.UUID, response: Response, session: DbSession, actor: Reader) -> ReturnRead:
    row = await service.get(session, actor, return_id)
    set_etag(response, row.version)
    return service.to_read(row, (await repository.lines_of(session, [row.id])).get(row.id, []))


@router.put("/returns/{return_id}", response_model=ReturnRead,
            responses=problem_responses(400, 401, 403, 404, 412, 422, 428))
async def replace_return(return_id: uuid.UUID, body: ReturnFigures, expected: ExpectedVersion,
                         response: Response, session: DbSession, actor: Submitter) -> ReturnRead:
    """Correct a return: send every figure again (the home and month stay)."""
    row, lines = await service.replace(session, actor, return_id, expected, body)
    set_etag(response, row.version)
    return service.to_read(row, lines)


@router.get("/indicators", response_model=IndicatorList, responses=problem_responses(401, 403, 404, 422))
async def workforce_indicators(
    session: DbSession, actor: Analyst, home_id: uuid.UUID | None = None,
    month: Annotated[BoundedDate | None, Query(description="Defaults to last month.")] = None,
) -> IndicatorList:
    """Each home's indicators at a month, compared with the national benchmarks."""
    at = month_start(month) if month else add_months(month_start(today()), -1)
    return IndicatorList(items=await figures.indicators(session, scoped_homes(actor, home_id), at))


@router.get("/series", response_model=WorkforceSeries, responses=problem_responses(401, 403, 404, 422))
async def workforce_series(
    session: DbSession, actor: Analyst, home_id: uuid.UUID | None = None,
    month_from: Annotated[BoundedDate | None, Query(description="Defaults to 23 months before month_to.")] = None,
    month_to: Annotated[BoundedDate | None, Query(description="Defaults to last month.")] = None,
) -> WorkforceSeries:
    """Turnover and vacancy rate by month, for a chart: one home, or all your homes together."""
    end = month_start(month_to) if month_to else add_months(month_start(today()), -1)
    start = month_start(month_from) if month_from else add_months(end, -23)
    if start > end:
        raise field_error(["query", "month_from"], "must be on or before month_to", "date_order")
    if (end.year - start.year) * 12 + end.month - start.month >= MAX_SERIES_MONTHS:
        raise field_error(["query", "month_from"], "a series covers at most ten years", "too_long")
    points = await figures.series(session, scoped_homes(actor, home_id), start, end)
    return WorkforceSeries(home_id=home_id, points=points)


@benchmarks_router.get("", response_model=BenchmarkList, responses=problem_responses(401, 403))
async def list_benchmarks(session: DbSession, _actor: Annotated[Actor, allowed(Action.benchmark_read)]
                          ) -> BenchmarkList:
    """The national figures each home is compared with (a short, fixed list: not paged)."""
    return BenchmarkList(items=[BenchmarkRead.model_validate(b) for b in await repository.benchmarks(session)])


@benchmarks_router.post("", status_code=201, response_model=BenchmarkRead,
                        responses=problem_responses(401, 403, 409, 422))
async def create_benchmark(request: Request, body: BenchmarkCreate, session: DbSession,
                           actor: Annotated[Actor, allowed(Action.benchmark_manage)],
                           idempotency: IdempotencyKey) -> JSONResponse:
    row = await benchmarks.create(session, actor, body)
    return await idempotency.respond(BenchmarkRead.model_validate(row), status=201,
                                     headers={"ETag": etag(row.version)})


@benchmarks_router.patch("/{benchmark_id}", response_model=BenchmarkRead,
                         responses=problem_responses(400, 401, 403, 404, 412, 422, 428))
async def update_benchmark(benchmark_id: uuid.UUID, body: BenchmarkUpdate, expected: ExpectedVersion,
                           response: Response, session: DbSession,
                           actor: Annotated[Actor, allowed(Action.benchmark_manage)]) -> BenchmarkRead:
    row = await benchmarks.update(session, actor, benchmark_id, expected, body)
    set_etag(response, row.version)
    return BenchmarkRead.model_validate(row)



