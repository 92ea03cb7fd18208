"""Recalls in and out."""

import uuid
from datetime import date, datetime
from typing import Self

from pydantic import Field, model_validator

from assets_api.recalls.models import RecallAction, RecallStatus
from assets_api.types import Input, Output, Text100, Text200, Text2000
from carehub_kit.pagination import Page


class RecallCreate(Input):
    """A field safety notice: every live asset of this make and model (case-insensitive), and when
    given, with a serial from `serial_from` to `serial_to` inclusive (text order), is marked affected."""

    reference: Text100 = Field(description="The notice's own reference, e.g. MHRA FSN 2026/011.")
    title: Text200
    make: Text100
    model: Text100
    serial_from: Text100 | None = None
    serial_to: Text100 | None = None
    issued_date: date
    action_required: Text2000

    @model_validator(mode="after")
    def _range(self) -> Self:
        if self.serial_from and self.serial_to and self.serial_from > self.serial_to:
            raise ValueError("serial_from comes after serial_to")
        return self


class RecallUpdate(Input):
    """Close a recall once every affected asset has an action."""

    status: RecallStatus


class RecallRead(Output):
    id: uuid.UUID
    reference: str
    title: str
    make: str
    model: str
    serial_from: str | None
    serial_to: str | None
    issued_date: date
    action_required: str
    status: RecallStatus
    created_by: str
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int
    affected: int = Field(default=0, description="Affected assets (in the homes you see).")
    pending: int = Field(default=0, description="Of those, still waiting for an action.")


class RecallPage(Page[RecallRead]):
    """One page of recalls."""


class RecallAssetUpdate(Input):
    action: RecallAction = Field(description="checked, modified or withdrawn (withdrawn takes the asset "
                                             "out of service).")
    notes: Text2000 | None = None

    @model_validator(mode="after")
    def _not_pending(self) -> Self:
        if self.action is RecallAction.pending:
            raise ValueError("record what was done: checked, modified or withdrawn")
        return self


class RecallAssetRead(Output):
    id: uuid.UUID
    recall_id: uuid.UUID
    asset_id: uuid.UUID
    home_id: uuid.UUID
    asset_tag: str
    action: RecallAction
    notes: str | None
    actioned_by: str | None
    actioned_at: datetime | None
    version: int


class RecallAssetPage(Page[RecallAssetRead]):
    """One page of the assets a recall affects, by tag."""
