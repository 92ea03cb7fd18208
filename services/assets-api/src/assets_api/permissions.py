"""The assets-api permission matrix: which roles may do what. Home scoping (which homes) is
applied on top of this by the services: outside org-wide roles, people act on their own homes
only, and a record in another home is a 404."""

import enum
from typing import Any

from fastapi import Depends

from carehub_kit.auth import ALL_ROLES, Permissions, Role


class Action(enum.StrEnum):
    home_read = "home.read"
    home_create = "home.create"
    home_update = "home.update"
    home_archive = "home.archive"
    location_read = "location.read"
    location_manage = "location.manage"
    category_read = "category.read"
    category_manage = "category.manage"
    rule_read = "rule.read"
    rule_manage = "rule.manage"
    rule_override_manage = "rule_override.manage"
    asset_read = "asset.read"
    asset_manage = "asset.manage"
    inspection_read = "inspection.read"
    inspection_record = "inspection.record"
    defect_read = "defect.read"
    defect_raise = "defect.raise"
    defect_manage = "defect.manage"
    compliance_read = "compliance.read"
    recall_read = "recall.read"
    recall_manage = "recall.manage"
    recall_action = "recall.action"
    asset_export = "asset.export"
    asset_label = "asset.label"
    asset_import = "asset.import"


ESTATE_MANAGERS = frozenset({Role.admin, Role.estates_officer})
# Home managers run their own home's estate: assets, rooms, inspections, repairs, local intervals.
HOME_ESTATE = ESTATE_MANAGERS | {Role.home_manager}
# Everyone who works in a home may report a fault; read-only roles (divisional managers,
# integrators) may not.
IN_HOME = ALL_ROLES - {Role.divisional_manager, Role.integrator}

MATRIX = Permissions[Action]({
    Action.home_read: ALL_ROLES,
    Action.home_create: ESTATE_MANAGERS,
    Action.home_update: ESTATE_MANAGERS,
    Action.home_archive: ESTATE_MANAGERS,
    Action.location_read: ALL_ROLES,
    Action.location_manage: HOME_ESTATE,
    Action.category_read: ALL_ROLES,
    Action.category_manage: ESTATE_MANAGERS,
    Action.rule_read: ALL_ROLES,
    Action.rule_manage: ESTATE_MANAGERS,
    Action.rule_override_manage: HOME_ESTATE,
    Action.asset_read: ALL_ROLES,
    Action.asset_manage: HOME_ESTATE,
    Action.inspection_read: ALL_ROLES,
    Action.inspection_record: HOME_ESTATE,
    Action.defect_read: ALL_ROLES,
    Action.defect_raise: IN_HOME,
    Action.defect_manage: HOME_ESTATE,
    Action.compliance_read: ALL_ROLES,
    # Notices are issued and closed centrally; each home records what it did to its own assets.
    Action.recall_read: ALL_ROLES,
    Action.recall_manage: ESTATE_MANAGERS,
    Action.recall_action: HOME_ESTATE,
    Action.asset_export: ALL_ROLES,
    Action.asset_label: ALL_ROLES,
    Action.asset_import: HOME_ESTATE,
})


def allowed(action: Action) -> Any:
    """`actor: Annotated[Actor, allowed(Action.home_read)]`: 403 unless the role may do it."""
    return Depends(MATRIX.require(action))
