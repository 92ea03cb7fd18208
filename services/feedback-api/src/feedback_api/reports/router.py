"""HTTP for the recommendations report: JSON for the app, HTML to print."""

import uuid
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from feedback_api.anonymity import today
from feedback_api.base import BoundedDate
from feedback_api.common import add_months, field_error, month_start, scoped_homes
from feedback_api.permissions import Action, allowed
from feedback_api.reports import service
from feedback_api.reports.schemas import Report

router = APIRouter(prefix="/v1/reports", tags=["reports"])
Reader = Annotated[Actor, allowed(Action.report_read)]
HomeParam = Annotated[uuid.UUID | None, Query(description="A home; leave out for the whole council.")]
FromParam = Annotated[BoundedDate | None, Query(description="Defaults to the start of the month 2 months ago.")]
ToParam = Annotated[BoundedDate | None, Query(description="Defaults to today.")]
_templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)


async def _report(session: DbSession, actor: Actor, home_id: uuid.UUID | None, period_from: date | None,
                  period_to: date | None) -> Report:
    homes = scoped_homes(actor, home_id)
    now = today()
    end = period_to or now
    start = period_from or add_months(month_start(end), -2)
    if start > end:
        raise field_error(["query", "period_from"], "must be on or before period_to", "date_order")
    if (end - start).days > 366 * 3:
        raise field_error(["query", "period_from"], "a report covers at most three years", "too_long")
    return await service.build(session, homes, home_id, start, end, now)


@router.get("/recommendations", response_model=Report, responses=problem_responses(401, 403, 404, 422))
async def recommendations(session: DbSession, actor: Reader, home_id: HomeParam = None,
                          period_from: FromParam = None, period_to: ToParam = None) -> Report:
    """Top themes and their trend, open and overdue actions, pulse results (thresholds
    applied), workforce indicators against the national benchmarks, and flags naming the rule
    that raised each."""
    return await _report(session, actor, home_id, period_from, period_to)


@router.get("/recommendations.html", response_class=HTMLResponse,
            responses={200: {"content": {"text/html": {}}}, **problem_responses(401, 403, 404, 422)})
async def recommendations_html(session: DbSession, actor: Reader, home_id: HomeParam = None,
                               period_from: FromParam = None, period_to: ToParam = None) -> HTMLResponse:
    """The same report as a printable page."""
    report = await _report(session, actor, home_id, period_from, period_to)
    return HTMLResponse(_templates.get_template("recommendations.html").render(report=report))
