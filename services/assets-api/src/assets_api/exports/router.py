"""HTTP for exports: any filtered asset list as CSV or XLSX, streamed."""

import enum
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from assets_api.assets.filters import FilteredAssets
from assets_api.exports import service
from assets_api.permissions import Action, allowed
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor

router = APIRouter(prefix="/v1/exports", tags=["exports"])

Exporter = Annotated[Actor, allowed(Action.asset_export)]


class ExportFormat(enum.StrEnum):
    csv = "csv"
    xlsx = "xlsx"


@router.get("/assets", response_class=StreamingResponse, responses={
    200: {"description": "The assets, sorted by tag.", "content": {
        "text/csv": {"schema": {"type": "string"}},
        service.STREAMS["xlsx"][1]: {"schema": {"type": "string", "format": "binary"}}}},
    **problem_responses(401, 403, 404, 422)})
async def export_assets(request: Request, f: FilteredAssets, actor: Exporter,
                        format: Annotated[ExportFormat, Query(description="csv or xlsx.")] = ExportFormat.csv,
                        ) -> StreamingResponse:
    """Every asset matching the same filters as `GET /v1/assets` (all pages), streamed by tag. Text
    cells that a spreadsheet would run as a formula are prefixed with an apostrophe in CSV."""
    stream, media_type = service.STREAMS[format]
    return StreamingResponse(stream(request.app.state.sessionmaker, f), media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="assets.{format}"', "Cache-Control": "no-store"})
