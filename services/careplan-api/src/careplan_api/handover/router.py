"""HTTP for the shift handover."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import AwareDatetime

from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from careplan_api.handover import service
from careplan_api.handover.schemas import Handover
from careplan_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/handover", tags=["handover"])

Reader = Annotated[Actor, allowed(Action.handover_read)]


@router.get("", response_model=Handover, response_model_by_alias=True, responses=problem_responses(401, 403, 404, 422))
async def get_handover(
    session: DbSession, actor: Reader, home_id: uuid.UUID,
    since: Annotated[AwareDatetime, Query(alias="from", description="Start of the shift, with a UTC offset.")],
    until: Annotated[AwareDatetime, Query(alias="to", description="End of the shift (at most 24 hours on).")],
) -> Handover:
    """What changed in one home over a shift: incidents, notes flagged for handover, new risk
    results, and care plan sections due for review by the end of the shift. Each resident shown
    gets an audited view."""
    return await service.build(session, actor, home_id, since, until)
