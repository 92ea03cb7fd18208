"""HTTP for the supplier-exit export of a whole home."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from careplan_api.home_export import service
from careplan_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/homes/{home_id}", tags=["export"])

Exporter = Annotated[Actor, allowed(Action.home_export)]


@router.get("/export", response_class=StreamingResponse, responses={
    200: {"content": {"application/x-ndjson": {"schema": {"type": "string", "description": (
        "JSON Lines: an `export` line, then one `{type, data}` line per row of every care-record table of "
        "the home, residents first and the audit trail last.")}}}},
    **problem_responses(401, 403, 404)})
async def export_home(home_id: uuid.UUID, request: Request, session: DbSession, actor: Exporter) -> StreamingResponse:
    """Supplier-exit export: every care record of the home with its audit trail, streamed as JSON
    Lines from one consistent snapshot. The export itself is audited."""
    # The request's transaction (the audit row) commits when this returns, before the first byte.
    header = await service.start(session, actor, home_id)
    return StreamingResponse(
        service.stream(request.app.state.engine, home_id, header), media_type="application/x-ndjson",
        headers={"Content-Disposition": f'attachment; filename="careplan-{home_id}.jsonl"'})
