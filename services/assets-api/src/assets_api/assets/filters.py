"""The asset list's filters as one dependency, for every view of a filtered list (export, labels)."""

import uuid
from datetime import date
from typing import Annotated

from fastapi import Depends, Query

from assets_api.assets.models import AssetStatus, Condition
from assets_api.assets.repository import AssetFilter
from assets_api.locations import service as locations_service
from assets_api.permissions import Action, allowed
from assets_api.scope import list_homes
from assets_api.types import today
from carehub_kit.db import DbSession
from carehub_kit.identity import Actor


async def _asset_filter(
    session: DbSession, actor: Annotated[Actor, allowed(Action.asset_read)],
    home_id: uuid.UUID | None = None,
    location_id: Annotated[uuid.UUID | None, Query(description="This location and every location inside it.")] = None,
    category_id: uuid.UUID | None = None,
    status: AssetStatus | None = None,
    condition: Condition | None = None,
    due_before: Annotated[date | None, Query(description="Next inspection due on or before this date.")] = None,
    overdue: Annotated[bool, Query(description="Only assets with an inspection past its due date.")] = False,
    q: Annotated[str | None, Query(max_length=100,
                                   description="Words that start the tag, serial, name or model.")] = None,
    include_archived: bool = False,
) -> AssetFilter:
    """The same filters as `GET /v1/assets`, scoped to the caller's homes (404 for another home)."""
    path = (await locations_service.get(session, actor, location_id)).path if location_id else None
    return AssetFilter(homes=list_homes(actor, home_id), location_path=path, category_id=category_id, status=status,
                       condition=condition, due_before=due_before, overdue_on=today() if overdue else None, q=q,
                       include_archived=include_archived)


FilteredAssets = Annotated[AssetFilter, Depends(_asset_filter)]
