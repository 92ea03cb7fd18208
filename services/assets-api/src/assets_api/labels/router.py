"""HTTP for asset labels: one asset's label (SVG with text, or the QR code as PNG), and an A4 sheet
of labels for a filtered list, a page at a time."""

import enum
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from assets_api.assets import service as assets_service
from assets_api.assets.filters import FilteredAssets
from assets_api.assets.models import Asset
from assets_api.assets.repository import SORTS, batch_after
from assets_api.labels import render
from assets_api.permissions import Action, allowed
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import Cursor, decode_cursor, encode_cursor

router = APIRouter(prefix="/v1/labels", tags=["labels"])

Labeller = Annotated[Actor, allowed(Action.asset_label)]
SVG, PNG = "image/svg+xml", "image/png"


class LabelFormat(enum.StrEnum):
    svg = "svg"
    png = "png"


def _image(*types: str) -> dict[int | str, dict[str, object]]:
    return {200: {"description": "The image.", "content": {t: {"schema": {"type": "string"}} for t in types}}}


@router.get("/assets/{asset_id}", response_class=Response,
            responses={**_image(SVG, PNG), **problem_responses(401, 403, 404, 422)})
async def asset_label(request: Request, asset_id: uuid.UUID, session: DbSession, actor: Labeller,
                      format: Annotated[LabelFormat, Query(description="svg (label with tag and name) or png "
                                                                       "(the QR code).")] = LabelFormat.svg,
                      ) -> Response:
    """A label whose QR code opens the asset's page in Care Hub."""
    asset = await assets_service.get(session, actor, asset_id)
    item = render.LabelData(asset.id, asset.tag, asset.name)
    base = request.app.state.settings.public_base_url
    if format is LabelFormat.png:
        return Response(render.label_png(base, item), media_type=PNG)
    return Response(render.label_svg(base, item), media_type=SVG)


@router.get("/sheet", response_class=Response, responses={**_image(SVG), **problem_responses(401, 403, 404, 422)})
async def label_sheet(request: Request, f: FilteredAssets, session: DbSession, actor: Labeller,
                      cursor: Cursor = None) -> Response:
    """An A4 sheet of 21 labels (3 x 7, 63.5 x 38.1 mm) for the assets matching the same filters as
    `GET /v1/assets`, by tag; the next sheet's URL is in the `Link: rel="next"` header."""
    after = decode_cursor(cursor, "tag", SORTS["tag"], Asset.id) if cursor else None
    rows = await batch_after(session, f, after, render.PER_SHEET + 1)
    items = [render.LabelData(r.id, r.tag, r.name) for r in rows[:render.PER_SHEET]]
    response = Response(render.sheet_svg(request.app.state.settings.public_base_url, items), media_type=SVG)
    if len(rows) > render.PER_SHEET:
        next_url = request.url.include_query_params(cursor=encode_cursor("tag", items[-1].tag, items[-1].id))
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return response
