"""Every table of the schema, imported together so Alembic (and anything using the metadata)
sees them all."""

from careplan_api.assessments.models import RiskAssessment
from careplan_api.audit_trail.models import AuditEvent
from careplan_api.careplans.models import CarePlan, CarePlanVersion, HomeCareDomain
from careplan_api.consent.models import BestInterestDecision, CapacityAssessment, Consent, DolsRecord
from careplan_api.contacts.models import Allergy, Contact
from careplan_api.notes.models import DailyNote
from careplan_api.residents.models import Resident, ResidentStatusChange
from careplan_api.reviews.models import ReviewSchedule, SectionReview

__all__ = ["Allergy", "AuditEvent", "BestInterestDecision", "CapacityAssessment", "CarePlan", "CarePlanVersion",
           "Consent", "Contact", "DailyNote", "DolsRecord", "HomeCareDomain",
           "Resident", "ResidentStatusChange", "ReviewSchedule", "RiskAssessment", "SectionReview"]
