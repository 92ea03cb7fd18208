"""Defects and work orders in and out."""

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from assets_api.defects.models import DefectStatus, Priority
from assets_api.types import Input, Output, Text200, Text2000
from carehub_kit.pagination import Page

Money = Annotated[Decimal, Field(ge=0, le=10_000_000, max_digits=10, decimal_places=2)]


class DefectCreate(Input):
    """Anyone who works in the home may report a fault."""

    asset_id: uuid.UUID
    title: Text200
    description: Text2000 | None = None
    priority: Priority = Field(description="P1 urgent (safety), P2 high, P3 routine, P4 long term.")
    take_out_of_service: bool = Field(default=False, description="The asset is unsafe: stop it being used now.")


class ReturnCheck(Input):
    """The return-to-service check asked for when resolving a defect that took the asset out of service."""

    checked_by: Text200
    notes: Text2000 | None = None
    return_to_service: bool = Field(description="The asset is safe to use again.")


class DefectUpdate(Input):
    """Only the fields sent change. Status moves open -> in_progress -> resolved -> closed (or straight
    to closed); resolving a defect that took the asset out of service needs `return_check`."""

    title: Text200 | None = None
    description: Text2000 | None = None
    priority: Priority | None = None
    status: DefectStatus | None = None
    contractor: Text200 | None = None
    cost: Money | None = None
    resolution: Text2000 | None = None
    return_check: ReturnCheck | None = None


class DefectRead(Output):
    id: uuid.UUID
    asset_id: uuid.UUID
    home_id: uuid.UUID
    inspection_id: uuid.UUID | None
    title: str
    description: str | None
    priority: Priority
    status: DefectStatus
    took_out_of_service: bool
    contractor: str | None
    cost: Decimal | None
    resolution: str | None
    return_check_by: str | None
    return_check_notes: str | None
    returned_to_service: bool | None
    raised_by: str
    resolved_at: datetime | None
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class DefectPage(Page[DefectRead]):
    """One page of defects."""
