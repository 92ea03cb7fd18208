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
    risk_read = "risk.read"
    risk_assess = "risk.assess"
    consent_read = "consent.read"
    consent_record = "consent.record"
    dols_record = "dols.record"
    dols_list = "dols.list"
    handover_read = "handover.read"
    record_export = "record.export"
    home_export = "home.export"
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
    Action.risk_read: READERS,
    # Scoring a risk tool is a clinical judgement: the roles who review plans.
    Action.risk_assess: CLINICAL | {R.admin},
    Action.consent_read: READERS,
    # Consent and capacity are recorded by the professionals who assess and plan care.
    Action.consent_record: CLINICAL | {R.admin},
    # The home manager runs the home, which is the DoLS "managing authority" that applies.
    Action.dols_record: MANAGERS,
    Action.dols_list: READERS,
    # For the people on shift and those managing them; integrators take records, not handovers.
    Action.handover_read: READERS - {R.integrator},
    # A whole record leaving Care Hub (to a GP, a hospital, a new home): a nurse or a manager, or
    # an integrator's system with a token for it.
    Action.record_export: frozenset({R.nurse, R.home_manager, R.divisional_manager, R.integrator, R.admin}),
    # Every record of a home leaving Care Hub (supplier exit): the people who run homes.
    Action.home_export: frozenset({R.home_manager, R.divisional_manager, R.admin}),
    Action.audit_read: frozenset({R.home_manager, R.divisional_manager, R.admin}),
})


def allowed(action: Action) -> Any:
    """`actor: Annotated[Actor, allowed(Action.resident_read)]`: 403 unless the role may do it."""
    return Depends(MATRIX.require(action))
