"""careplan-api app factory."""

from pathlib import Path

from fastapi import FastAPI

from carehub_kit.app import create_service_app
from carehub_kit.settings import load_settings
from careplan_api.assessments.router import router as assessments_router
from careplan_api.audit_trail.router import router as audit_router
from careplan_api.careplans.router import domains_router
from careplan_api.careplans.router import router as careplans_router
from careplan_api.consent.router import dols_router
from careplan_api.consent.router import router as consent_router
from careplan_api.contacts.router import allergies_router, contacts_router
from careplan_api.db import SCHEMA
from careplan_api.fhir_export.router import router as fhir_router
from careplan_api.handover.router import router as handover_router
from careplan_api.home_export.router import router as home_export_router
from careplan_api.notes.router import router as notes_router
from careplan_api.permissions import MATRIX
from careplan_api.residents.router import router as residents_router
from careplan_api.reviews.router import due_router
from careplan_api.reviews.router import router as reviews_router
from careplan_api.settings import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
ROUTERS = [residents_router, contacts_router, allergies_router, careplans_router, domains_router, reviews_router,
           due_router, notes_router,
           assessments_router, consent_router, dols_router, handover_router,
           fhir_router, home_export_router, audit_router]


def create_app(settings: Settings | None = None) -> FastAPI:
    return create_service_app(
        settings or load_settings(Settings),
        title="Care Hub care planning API",
        description="Residents, person-centred care plans, risk assessments, daily notes, reviews, consent and audit.",
        schema=SCHEMA,
        migrations_dir=MIGRATIONS_DIR,
        routers=ROUTERS,
        permissions=MATRIX,
    )
