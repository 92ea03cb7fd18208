"""Every table of the service, imported in one place so Alembic and the mapper see them all."""

from assets_api.assets.models import Asset
from assets_api.categories.models import Category
from assets_api.defects.models import Defect
from assets_api.homes.models import Home
from assets_api.imports.models import ImportJob
from assets_api.inspections.models import Inspection, Reading
from assets_api.locations.models import Location
from assets_api.recalls.models import Recall, RecallAsset
from assets_api.rules.models import InspectionRule, RuleOverride
from assets_api.schedule.models import AssetRuleDue

__all__ = ["Asset", "AssetRuleDue", "Category", "Defect", "Home", "ImportJob", "Inspection", "InspectionRule",
           "Location", "Reading", "Recall", "RecallAsset", "RuleOverride"]
