"""Widgets over HTTP, using every kit building block a real service uses; plus fault routes."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.auth import CurrentActor
from carehub_kit.concurrency import ExpectedVersion, check_version, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.logging import get_logger
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, SortKey, page_of, paginate_query
from kit_widgets.db import IdempotencyKey, audit
from kit_widgets.models import Widget
from kit_widgets.schemas import WidgetCreate, WidgetPage, WidgetRead, WidgetUpdate

router = APIRouter(prefix="/v1/widgets", tags=["widgets"])
faults = APIRouter(prefix="/v1/faults", tags=["faults"])
log = get_logger("kit_widgets")

SORTS = {
    "rank": SortKey(Widget.rank),
    "-rank": SortKey(Widget.rank, descending=True),
    "name": SortKey(Widget.name),
}


async def _get(session: AsyncSession, widget_id: uuid.UUID) -> Widget:
    widget = await session.scalar(select(Widget).where(Widget.id == widget_id))
    if widget is None:
        raise not_found("widget")
    return widget


@router.get("", response_model=WidgetPage)
async def list_widgets(
    request: Request, response: Response, session: DbSession,
    sort: str = "rank", cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> WidgetPage:
    stmt = paginate_query(select(Widget), sort=sort, allowed=SORTS, id_col=Widget.id,
                          cursor=cursor, limit=limit)
    rows = (await session.scalars(stmt)).all()
    return page_of(rows, WidgetPage, sort=sort, allowed=SORTS, limit=limit,
                   request=request, response=response)


@router.post("", status_code=201, response_model=WidgetRead)
async def create_widget(
    body: WidgetCreate, session: DbSession, actor: CurrentActor, idempotency: IdempotencyKey,
) -> JSONResponse:
    widget = Widget(**body.model_dump())
    session.add(widget)
    await session.flush()
    await audit.record(session, actor, "create", "widget", widget.id,
                       details={"fields": sorted(body.model_fields_set)})
    log.info("widget_created", widget_id=str(widget.id))
    response: JSONResponse = await idempotency.respond(
        WidgetRead.model_validate(widget), status=201,
        headers={"ETag": etag(widget.version), "Location": f"/v1/widgets/{widget.id}"},
    )
    return response


@router.get("/{widget_id}", response_model=WidgetRead)
async def get_widget(widget_id: uuid.UUID, response: Response, session: DbSession) -> WidgetRead:
    widget = await _get(session, widget_id)
    set_etag(response, widget.version)
    return WidgetRead.model_validate(widget)


@router.patch("/{widget_id}", response_model=WidgetRead)
async def update_widget(
    widget_id: uuid.UUID, body: WidgetUpdate, expected: ExpectedVersion, request: Request,
    response: Response, session: DbSession, actor: CurrentActor,
) -> WidgetRead:
    widget = await _get(session, widget_id)
    check_version(widget.version, expected)
    if request.app.state.after_read is not None:  # tests use this to line up a race
        await request.app.state.after_read()
    for field, value in body.model_dump(exclude_unset=True).items():
        setattr(widget, field, value)
    await session.flush()  # UPDATE ... WHERE version = <read version>
    await audit.record(session, actor, "update", "widget", widget.id)
    set_etag(response, widget.version)
    return WidgetRead.model_validate(widget)


@faults.get("/crash")
async def crash() -> None:
    raise RuntimeError("kaboom: secret-internal-detail")


@faults.post("/audit-then-fail")
async def audit_then_fail(
    session: DbSession, actor: CurrentActor,
    how: Annotated[str, Query(pattern="^(crash|problem)$")] = "crash",
) -> None:
    await audit.record(session, actor, "create", "widget", uuid.uuid4())
    await session.flush()
    if how == "problem":
        raise ProblemError(409, "Refused after the audit row was written.", slug="conflict")
    raise RuntimeError("failed after the audit row was written")
