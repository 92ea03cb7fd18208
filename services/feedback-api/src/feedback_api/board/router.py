"""HTTP for the "You said, we did" board."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request

from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from feedback_api.anonymity import today
from feedback_api.base import BoundedDate
from feedback_api.board import service
from feedback_api.board.schemas import Board
from feedback_api.common import add_months, field_error, month_start, require_home, settings_of
from feedback_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/board", tags=["board"])
MAX_DAYS = 366 * 2


@router.get("", response_model=Board, responses=problem_responses(401, 403, 404, 422))
async def get_board(
    request: Request, session: DbSession, actor: Annotated[Actor, allowed(Action.board_read)],
    home_id: Annotated[uuid.UUID | None, Query(description="A home; leave out for the council-wide board.")] = None,
    period_from: Annotated[BoundedDate | None,
                           Query(description="Defaults to the start of the month 2 months ago.")] = None,
    period_to: Annotated[BoundedDate | None, Query(description="Defaults to today.")] = None,
) -> Board:
    require_home(actor, home_id)
    end = period_to or today()
    start = period_from or add_months(month_start(end), -2)
    if start > end:
        raise field_error(["query", "period_from"], "must be on or before period_to", "date_order")
    if (end - start).days > MAX_DAYS:
        raise field_error(["query", "period_from"], "a board covers at most two years", "too_long")
    return await service.build(session, home_id, start, end, settings_of(request).board_min_contributors)
