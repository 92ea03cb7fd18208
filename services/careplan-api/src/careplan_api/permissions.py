"""The careplan-api permission matrix: which roles may do what with care records.

Home scoping is applied on top by the services: outside the org-wide roles people reach only
residents of the homes in their token, and another home's resident is a 404. Estates officers
work on buildings and equipment, not people, so they have no access to care records at all.
"""

import enum
from typing import Any

from fastapi import Depends

from carehub_kit.auth import Permissions, Role


class Action(enum.StrEnum):
    resident_read = "resident.read"
    resident_admit = "resident.admit"
    resident_update = "resident.update"
    resident_absence = "resident.absence"
    resident_discharge = "resident.discharge"
    domain_define = "domain.define"
    plan_read = "plan.read"
    plan_draft = "plan.draft"
    plan_sign_off = "plan.sign_off"
    review_record = "review.record"
    review_list = "review.list"
    note_read = "note.read"
    note_write = "note.write"
    audit_read = "audit.read"


R = Role
READERS = frozenset({R.care_worker, R.senior_carer, R.nurse, R.home_manager, R.divisional_manager, R.admin,
                     R.integrator})
CLINICAL = frozenset({R.senior_carer, R.nurse, R.home_manager})
MANAGERS = frozenset({R.home_manager, R.admin})

MATRIX = Permissions[Action]({
    Action.resident_read: READERS,
    Action.resident_admit: MANAGERS,
    Action.resident_update: CLINICAL | {R.admin},
    # Going into hospital, on leave and coming back: recorded by whoever is in charge on shift.
    Action.resident_absence: CLINICAL | {R.admin},
    # Discharge and death end the record: the home manager's call.
    Action.resident_discharge: MANAGERS,
    Action.domain_define: MANAGERS,
    Action.plan_read: READERS,
    Action.plan_draft: CLINICAL | {R.admin},
    # Only the roles the issue names sign a plan off: it is a clinical decision, and an admin
    # account is an IT role, not a care professional.
    Action.plan_sign_off: CLINICAL,
    Action.review_record: CLINICAL | {R.admin},
    Action.review_list: READERS,
    Action.note_read: READERS,
    Action.note_write: frozenset({R.care_worker}) | CLINICAL | {R.admin},
    Action.audit_read: frozenset({R.home_manager, R.divisional_manager, R.admin}),
})


def allowed(action: Action) -> Any:
    """`actor: Annotated[Actor, allowed(Action.resident_read)]`: 403 unless the role may do it."""
    return Depends(MATRIX.require(action))
