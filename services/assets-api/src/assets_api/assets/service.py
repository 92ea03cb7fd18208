"""Rules for assets. Flushes, never commits; the due schedule is refreshed in the same transaction."""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.assets import repository
from assets_api.assets.models import Asset, AssetStatus, AssignedKind
from assets_api.assets.schemas import REQUIRED_ON_UPDATE, AssetCreate, AssetUpdate, AssignedTo
from assets_api.categories import service as categories_service
from assets_api.db import audit
from assets_api.homes import repository as homes_repository
from assets_api.locations import service as locations_service
from assets_api.schedule import service as schedule
from assets_api.scope import require_home
from assets_api.types import field_error, required_cleared, today
from carehub_kit.concurrency import check_version
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor

ENTITY = "asset"


async def live_home(session: AsyncSession, actor: Actor, home_id: uuid.UUID) -> None:
    """A home the actor works in and that is not archived: where assets may be added."""
    require_home(actor, home_id)
    home = await homes_repository.get(session, home_id)
    if home is None:
        raise not_found("home")
    if home.archived_at is not None:
        raise field_error("home_id", "the home is archived", "archived")


async def _assignment(session: AsyncSession, home_id: uuid.UUID, assigned: AssignedTo | None) -> dict[str, Any]:
    if assigned is None:
        return {"assigned_to_kind": None, "assigned_to_id": None}
    if assigned.kind is AssignedKind.location:
        await locations_service.in_home(session, home_id, uuid.UUID(assigned.id), ["assigned_to", "id"])
    return {"assigned_to_kind": assigned.kind, "assigned_to_id": assigned.id}


def _dates(values: dict[str, Any]) -> None:
    if (bought := values.get("purchase_date")) and bought > today():
        raise field_error("purchase_date", "cannot be in the future", "date_in_future")
    warranty = values.get("warranty_end_date")
    if bought and warranty and warranty < bought:
        raise field_error("warranty_end_date", "ends before the purchase date", "date_order")


async def create(session: AsyncSession, actor: Actor, data: AssetCreate) -> Asset:
    await live_home(session, actor, data.home_id)
    category = await categories_service.live(session, data.category_id)
    if data.location_id is not None:
        await locations_service.in_home(session, data.home_id, data.location_id, "location_id")
    categories_service.check_extra(category, data.extra)
    values = data.model_dump(exclude={"assigned_to", "tag"})
    _dates(values)
    values.update(await _assignment(session, data.home_id, data.assigned_to))
    if data.tag and await repository.tag_taken(session, data.tag):
        raise field_error("tag", "already on another asset", "unique", status=409)
    asset = Asset(**values, tag=data.tag or await repository.next_tag(session))
    session.add(asset)
    await session.flush()
    await schedule.refresh_assets(session, [asset.id])
    await repository.reload_derived(session, asset)
    await audit.record(session, actor, "create", ENTITY, asset.id, home_id=asset.home_id)
    return asset


async def get(session: AsyncSession, actor: Actor, asset_id: uuid.UUID, *, for_update: bool = False) -> Asset:
    """The asset, or 404 when it does not exist or sits in a home the actor does not work in."""
    asset = await repository.get(session, asset_id, for_update=False)
    if asset is None:
        raise not_found("asset")
    require_home(actor, asset.home_id, "asset")
    if for_update:  # lock only after the scope check, so nobody can hold another home's row
        asset = await repository.get(session, asset_id, for_update=True)
        assert asset is not None
    return asset


async def update(session: AsyncSession, actor: Actor, asset_id: uuid.UUID, expected: int,
                 data: AssetUpdate) -> Asset:
    from assets_api.defects import service as defects_service  # defects depend on assets

    changes = data.model_dump(exclude_unset=True, exclude={"assigned_to"})
    required_cleared(changes, REQUIRED_ON_UPDATE)
    asset = await get(session, actor, asset_id, for_update=True)
    check_version(asset.version, expected)
    if changes.get("location_id") is not None:
        await locations_service.in_home(session, asset.home_id, changes["location_id"], "location_id")
    if "category_id" in changes or "extra" in changes:
        category = await categories_service.live(session, changes.get("category_id", asset.category_id))
        categories_service.check_extra(category, changes.get("extra", asset.extra))
    if "assigned_to" in data.model_fields_set:
        changes.update(await _assignment(session, asset.home_id, data.assigned_to))
    _dates({"purchase_date": changes.get("purchase_date", asset.purchase_date),
            "warranty_end_date": changes.get("warranty_end_date", asset.warranty_end_date)})
    if changes.get("status") is AssetStatus.in_service and asset.status is not AssetStatus.in_service \
            and await defects_service.holds_out_of_service(session, asset.id):
        raise ProblemError(409, "An open defect took this asset out of service: resolve it with a "
                           "return-to-service check.", slug="conflict")
    for field, value in changes.items():
        setattr(asset, field, value)
    await session.flush()
    await schedule.refresh_assets(session, [asset.id])
    await repository.reload_derived(session, asset)
    await audit.record(session, actor, "update", ENTITY, asset.id, home_id=asset.home_id,
                       details={"fields": sorted(data.model_fields_set)})
    return asset


async def set_status(session: AsyncSession, actor: Actor, asset: Asset, status: AssetStatus, reason: str) -> None:
    """Status changes made by inspections and defects (the asset row is already locked)."""
    if asset.status is status:
        return
    asset.status = status
    await session.flush()
    await schedule.refresh_assets(session, [asset.id])
    await audit.record(session, actor, "status", ENTITY, asset.id, home_id=asset.home_id,
                       details={"status": status.value, "reason": reason})


async def archive(session: AsyncSession, actor: Actor, asset_id: uuid.UUID, expected: int) -> Asset:
    """Archived assets leave lists and the schedule; their history is kept."""
    asset = await get(session, actor, asset_id, for_update=True)
    check_version(asset.version, expected)
    if asset.archived_at is None:
        asset.archived_at = datetime.now(UTC)
        await session.flush()
        await schedule.refresh_assets(session, [asset.id])
        await repository.reload_derived(session, asset)
        await audit.record(session, actor, "archive", ENTITY, asset.id, home_id=asset.home_id)
    return asset


async def any_in_location(session: AsyncSession, location_id: uuid.UUID) -> bool:
    return await repository.any_in_location(session, location_id)
