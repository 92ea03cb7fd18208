"""HTTP for the FHIR R4 export of one resident's record."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from careplan_api.fhir_export import service
from careplan_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/residents/{resident_id}", tags=["export"])

Exporter = Annotated[Actor, allowed(Action.record_export)]
BUNDLE_SCHEMA: dict[str, Any] = {
    "type": "object", "description": "A FHIR R4 Bundle (type collection): Patient, CarePlan, Goal, "
                                     "Observation (one per risk score) and Consent resources.",
    "properties": {"resourceType": {"const": "Bundle"}, "type": {"const": "collection"},
                   "entry": {"type": "array", "items": {"type": "object"}}},
}


@router.get("/fhir", responses={200: {"content": {"application/fhir+json": {"schema": BUNDLE_SCHEMA}}},
                                **problem_responses(401, 403, 404)})
async def export_resident_fhir(resident_id: uuid.UUID, session: DbSession, actor: Exporter) -> JSONResponse:
    """The resident's record as a FHIR R4 Bundle of type `collection` (UK Core Patient with the
    NHS number and its verification status). Audited as an export."""
    bundle = await service.export(session, actor, resident_id)
    return JSONResponse(bundle, media_type="application/fhir+json")
