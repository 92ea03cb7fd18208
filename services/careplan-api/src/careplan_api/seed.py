"""Demo data for `carehub run` on a fresh database: a few residents in each demo home, with
contacts, allergies, a signed-off person-centred plan, a review, a day or two of notes, MUST
and falls assessments and consent to care; the first resident of each home also has a capacity
assessment and a DoLS authorisation that expires within the month.

Everyone here is invented. NHS numbers come from the 999 range the NHS sets aside for testing,
each with a valid Modulus 11 check digit, so none can belong to a real person."""

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.identity import Actor
from careplan_api import clock, nhs_number
from careplan_api.assessments import service as assessments_service
from careplan_api.assessments.schemas import FallsCreate, MustCreate
from careplan_api.careplans import service as careplans_service
from careplan_api.careplans.models import Involvement
from careplan_api.careplans.schemas import Section, SignOff, VersionCreate
from careplan_api.consent import service as consent_service
from careplan_api.consent.schemas import CapacityCreate, ConsentCreate, DolsCreate
from careplan_api.contacts import service as contacts_service
from careplan_api.contacts.models import Allergy, Contact
from careplan_api.contacts.schemas import AllergyCreate, ContactCreate
from careplan_api.notes import service as notes_service
from careplan_api.notes.schemas import NoteCreate
from careplan_api.residents import service as residents_service
from careplan_api.residents.schemas import ResidentCreate
from careplan_api.reviews import service as reviews_service
from careplan_api.reviews.schemas import ReviewCreate

# (given, family, preferred, born, sex, what matters, family contact, relationship)
PEOPLE = [
    ("Margaret", "Ashworth", "Peggy", "1938-04-12", "female", "My cat Smudge, and a proper cup of tea with two sugars.",
     "Susan Ashworth", "daughter"),
    ("Albert", "Cole", "Bert", "1934-11-02", "male", "Rugby league on the radio and a chat about Widnes in the '60s.",
     "David Cole", "son"),
    ("Edith", "Barlow", None, "1941-07-23", "female", "Chapel on Sunday and my grandchildren's photos by my bed.",
     "Revd Alan Price", "friend"),
    ("Stanley", "Hughes", "Stan", "1936-02-14", "male", "Working in the garden and feeding the birds.",
     "Patricia Hughes", "wife"),
    ("Joan", "Fairclough", None, "1944-09-30", "female", "Knitting for the baby unit and Coronation Street.",
     "Karen Fairclough", "niece"),
]
PER_HOME = 3


def demo_nhs_numbers() -> Iterator[str]:
    """Valid test numbers: 999 followed by a counter, skipping stems with no valid check digit."""
    stem = 9990000000 // 10
    while True:
        stem += 7
        digits = str(stem)
        check = nhs_number.check_digit(digits)
        if check is not None and nhs_number.problem(digits + str(check)) is None:
            yield digits + str(check)


def _sections() -> list[Section]:
    return [
        Section(domain="mobility_and_falls", needs="Unsteady on her feet; had a fall at home before admission.",
                strengths="Walks short distances with a frame.",
                preferences="I like to take my time and not be rushed.",
                goals=[{"description": "Walk to the dining room for every meal", "measure": "Daily, with no falls",
                        "target_date": (clock.today() + timedelta(days=60)).isoformat()}],
                interventions=[{"what": "Frame within reach; walk alongside", "how_often": "Every transfer",
                                "by_whom": "Care team"},
                               {"what": "Falls risk reassessment", "how_often": "Monthly", "by_whom": "Senior carer"}],
                review_interval="monthly"),
        Section(domain="nutrition_and_hydration", needs="Poor appetite; at risk of dehydration.",
                preferences="Small portions, and tea rather than water.",
                goals=[{"description": "Drink at least 1,500 ml a day", "measure": "Fluid chart totals"}],
                interventions=[{"what": "Offer a drink every hour while awake", "how_often": "Hourly",
                                "by_whom": "Care team"}],
                review_interval="weekly"),
        Section(domain="communication", needs="Hard of hearing in the right ear.",
                preferences="Sit on my left and speak slowly.",
                interventions=[{"what": "Check hearing aid battery", "how_often": "Each morning",
                                "by_whom": "Care team"}]),
        Section(domain="social_and_spiritual_life", needs="Can feel lonely in the afternoons.",
                strengths="Enjoys company and music.", preferences="I'd like to join the singing group.",
                review_interval="quarterly"),
    ]


def _notes() -> list[dict[str, Any]]:
    return [
        {"hours": 26, "category": "personal_care", "text": "Assisted with a wash; chose her blue cardigan."},
        {"hours": 24, "category": "fluids", "text": "Cup of tea with breakfast.", "fluid_ml": 200},
        {"hours": 21, "category": "food", "text": "Ate half of her lunch; enjoyed the soup."},
        {"hours": 19, "category": "activity", "text": "Joined the singing group in the lounge."},
        {"hours": 6, "category": "sleep", "text": "Slept well; checked hourly, settled."},
        {"hours": 3, "category": "fluids", "text": "Glass of orange juice.", "fluid_ml": 150},
        {"hours": 1, "category": "mood_and_wellbeing", "text": "Bright and chatty; talked about her family."},
    ]


async def _seed_resident(session: AsyncSession, actor: Actor, home_id: uuid.UUID, person: tuple[Any, ...],
                         number: str, admitted_days_ago: int) -> None:
    given, family, preferred, born, sex, matters, contact, relationship = person
    resident = await residents_service.admit(session, actor, ResidentCreate.model_validate({
        "home_id": home_id, "given_name": given, "family_name": family, "preferred_name": preferred,
        "date_of_birth": born, "sex": sex, "nhs_number": number, "nhs_number_status": "verified",
        "admission_date": clock.today() - timedelta(days=admitted_days_ago), "gp_practice_name": "Beaconsfield Surgery",
        "gp_practice_code": "N81013", "what_matters_to_me": matters,
        "how_to_communicate_with_me": "Sit on my left and speak slowly; I hear better that side.",
        "how_and_when_to_support_me": "I like a lie-in and breakfast after nine.", "fluid_target_ml": 1500}))
    await contacts_service.create(session, actor, Contact, resident.id, ContactCreate.model_validate({
        "name": contact, "relationship": relationship, "phone": "07700 900123", "is_next_of_kin": True,
        "lpa_roles": ["health_and_welfare"] if relationship in ("daughter", "son") else []}).model_dump())
    await contacts_service.create(session, actor, Allergy, resident.id, AllergyCreate(
        substance="Penicillin", category="medication", reaction="Rash", severity="moderate").model_dump())
    version = await careplans_service.draft(session, actor, resident.id, VersionCreate(
        reason="Care plan agreed after admission assessment", sections=_sections()))
    await careplans_service.sign_off(session, actor, resident.id, version.number, SignOff(
        involvement=Involvement.resident_and_representative,
        involvement_note=f"Agreed with {preferred or given} and their {relationship}."))
    await reviews_service.record(session, actor, resident.id, uuid.UUID(version.sections[2]["id"]), ReviewCreate(
        review_date=clock.today(), outcome="no_change", summary="Hearing aid working; no change needed."))
    await _seed_part2(session, actor, resident.id, version.sections, admitted_days_ago)
    now = datetime.now(UTC)
    for note in _notes():
        hours = note.pop("hours")
        await notes_service.add(session, actor, resident.id, NoteCreate.model_validate(
            {**note, "occurred_at": now - timedelta(hours=hours)}))


async def _seed_part2(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, sections: list[dict[str, Any]],
                      admitted_days_ago: int) -> None:
    """Risk assessments, consent, and for one resident in four a capacity assessment and a DoLS
    authorisation (the first of each home's expiring within the month, for the expiring list)."""
    at = datetime.now(UTC) - timedelta(hours=3)
    mobility = next((uuid.UUID(s["id"]) for s in sections if s["domain"] == "mobility_and_falls"), None)
    await assessments_service.record(session, actor, resident_id, MustCreate.model_validate({
        "tool": "must", "assessed_at": at, "items": {"weight_kg": "58.4", "height_cm": "162"}}))
    await assessments_service.record(session, actor, resident_id, FallsCreate.model_validate({
        "tool": "falls", "assessed_at": at, "section_id": mobility, "judgement": "Unsteady when tired in the evening.",
        "items": {"recent_falls": "between_3_and_12_months", "medications": 2, "psychological": "mildly",
                  "amts": 8}}))
    await consent_service.add(session, actor, resident_id, ConsentCreate.model_validate({
        "scope": "care", "decision": "given", "given_by": "resident",
        "decision_date": clock.today() - timedelta(days=admitted_days_ago)}))
    if admitted_days_ago % 40:
        return
    await consent_service.add(session, actor, resident_id, CapacityCreate.model_validate({
        "decision": "Whether to live in a care home with a locked front door", "assessed_on": clock.today(),
        "impairment": "Vascular dementia", "can_understand": False, "can_retain": False, "can_use_or_weigh": False,
        "can_communicate": True, "outcome": "lacks_capacity",
        "reasoning": "Could not recall or weigh up the reasons for the door being locked."}))
    starts = clock.today() - timedelta(days=340)
    await consent_service.add(session, actor, resident_id, DolsCreate.model_validate({
        "stage": "authorisation", "kind": "standard", "supervisory_body": "Northshire County Council",
        "reference": "DOLS-2026-0412", "event_date": starts, "starts_on": starts,
        "expires_on": starts + timedelta(days=360), "conditions": ["Supported walks to the park twice a week."]}))


async def seed_demo(session: AsyncSession, actor: Actor, home_ids: list[uuid.UUID]) -> None:
    """A few residents per demo home. Runs as `actor`, acting as a home manager of those homes
    (the seed's own identity has no roles)."""
    homes = [uuid.UUID(str(h)) for h in home_ids]
    acting = Actor(sub=actor.sub, name=actor.name, roles=("home_manager",), homes=tuple(str(h) for h in homes))
    numbers = demo_nhs_numbers()
    for h, home_id in enumerate(homes):
        for i in range(PER_HOME):
            person = PEOPLE[(h + i) % len(PEOPLE)]
            await _seed_resident(session, acting, home_id, person, next(numbers), admitted_days_ago=40 + 10 * i)
