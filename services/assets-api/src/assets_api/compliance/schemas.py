"""Compliance summaries and item lists."""

import enum
import uuid
from datetime import date

from pydantic import BaseModel, Field

from assets_api.inspections.models import Outcome
from carehub_kit.pagination import Page


class ItemState(enum.StrEnum):
    due_soon = "due_soon"
    overdue = "overdue"
    failed = "failed"
    never_inspected = "never_inspected"


class Counts(BaseModel):
    required: int = Field(description="Statutory inspections needed by assets in service.")
    in_date: int = Field(description="Of those, done, in date and not failed.")
    compliance_percent: float | None = Field(
        description="in_date / required x 100, one decimal; null when nothing is required.")
    due_soon: int = Field(description="In service, in date, but inside the rule's warning window.")
    overdue: int = Field(description="In service and past the due date (including never inspected).")
    never_inspected: int = Field(description="In service and never inspected under the rule.")
    failed: int = Field(description="The latest inspection failed and no passing one has followed.")


class CategoryCounts(Counts):
    category_id: uuid.UUID
    code: str
    name: str


class RuleCounts(Counts):
    rule_id: uuid.UUID
    code: str
    inspection_type: str
    statutory: bool
    category_id: uuid.UUID


class HomeCounts(Counts):
    home_id: uuid.UUID
    name: str


class ComplianceSummary(BaseModel):
    as_of: date
    home_id: uuid.UUID | None = Field(description="The home summarised; null for every home the caller sees.")
    totals: Counts
    by_category: list[CategoryCounts]
    by_rule: list[RuleCounts]
    by_home: list[HomeCounts]
    open_recalls: int = Field(description="Open recalls (field safety notices) affecting assets in these homes.")
    recall_assets_pending: int = Field(description="Assets under an open recall with no action recorded yet.")


class ComplianceItem(BaseModel):
    id: uuid.UUID = Field(description="The schedule entry (one asset under one rule).")
    home_id: uuid.UUID
    asset_id: uuid.UUID
    asset_tag: str
    asset_name: str
    location_id: uuid.UUID | None
    category_id: uuid.UUID
    rule_id: uuid.UUID
    inspection_type: str
    statutory: bool
    last_inspection_id: uuid.UUID | None
    last_inspected_date: date | None
    last_outcome: Outcome | None
    due_date: date


class ScheduleEntry(BaseModel):
    """One inspection rule the asset needs, with when it was last done and when it is next due."""

    rule_id: uuid.UUID
    statutory: bool
    warning_days: int
    last_inspection_id: uuid.UUID | None
    last_inspected_date: date | None
    last_outcome: Outcome | None
    due_date: date = Field(description="From the latest inspection and the rule's interval, or the home's "
                                        "shorter override; never inspected: the day the asset was added.")
    states: list[ItemState] = Field(description="The compliance states this entry is in (the same definitions "
                                                "as /v1/compliance/items); empty when in date.")


class AssetSchedule(BaseModel):
    asset_id: uuid.UUID
    as_of: date
    entries: list[ScheduleEntry] = Field(description="Soonest due first.")


class ComplianceItemPage(Page[ComplianceItem]):
    """One page of inspections due soon, overdue, failed or never done, soonest due first."""
