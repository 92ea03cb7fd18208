"""A resident's record as a FHIR R4 Bundle (type collection). The export is audited."""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.identity import Actor
from careplan_api import auditing
from careplan_api.assessments import service as assessments_service
from careplan_api.careplans import service as careplans_service
from careplan_api.consent import service as consent_service
from careplan_api.fhir_export import resources
from careplan_api.residents import service as residents_service


async def export(session: AsyncSession, actor: Actor, resident_id: uuid.UUID) -> dict[str, Any]:
    resident = await residents_service.get(session, actor, resident_id)
    version = await careplans_service.current_version(session, resident.id)
    plan = resources.care_plan(resident, version)
    built = [resources.patient(resident), *([plan] if plan else []), *resources.goals(resident, version)]
    built += [resources.observation(resident, a) for a in await assessments_service.all_for(session, resident.id)]
    built += [resources.consent(resident, c) for c in await consent_service.consents_for(session, resident.id)]
    bundle_id = uuid.uuid4()
    await auditing.record(session, actor, "export", "resident", resident.id, resident_id=resident.id,
                          home_id=resident.home_id, format="fhir_r4_bundle", bundle_id=str(bundle_id),
                          resources=len(built))
    return resources.bundle(str(bundle_id), datetime.now(UTC), built)
