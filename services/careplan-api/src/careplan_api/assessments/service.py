"""Rules for risk assessments: the server scores the answers with the published tools, stores
items and points, and a high-band result makes the linked plan section's review due now."""

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.errors import not_found
from carehub_kit.identity import Actor
from careplan_api import auditing, clock
from careplan_api.assessments import repository
from careplan_api.assessments.models import RiskAssessment, Tool
from careplan_api.assessments.schemas import AssessmentCreate, FallsItems, MustItems, WaterlowItems
from careplan_api.assessments.scoring import Result, falls, must, waterlow
from careplan_api.ids import uuid7
from careplan_api.residents import service as residents_service
from careplan_api.residents.models import Sex
from careplan_api.residents.service import Access, field_problem
from careplan_api.reviews import service as reviews_service

CLOCK_SKEW = timedelta(minutes=5)  # tablets drift; as for daily notes


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def score_waterlow(items: WaterlowItems, sex: Sex, age: int) -> Result:
    return waterlow.score(
        bmi=items.bmi, skin=items.skin, female_or_unknown=sex is not Sex.male, age=age,
        weight_lost=items.weight_lost_recently, weight_loss_amount=items.weight_loss_amount,
        eating_poorly=items.eating_poorly, continence=items.continence, mobility=items.mobility,
        tissue_malnutrition=items.tissue_malnutrition,
        neurological_deficit={k.value: v for k, v in items.neurological_deficit.items()},
        surgery=items.major_surgery_or_trauma, medication=items.medication)


def score_must(items: MustItems) -> tuple[Result, dict[str, Any]]:
    bmi = items.bmi if items.height_cm is None else must.bmi_of(items.weight_kg, items.height_cm)
    assert bmi is not None  # the schema requires height_cm or bmi
    result = must.score(bmi=bmi, weight_kg=items.weight_kg, weight_loss_kg=items.unplanned_weight_loss_kg,
                        acutely_ill_no_intake=items.acutely_ill_no_intake_over_5_days)
    return result, {"bmi_used": str(bmi)}


def score_falls(items: FallsItems) -> Result:
    return falls.score(recent_falls=items.recent_falls, medications=items.medications,
                       psychological=items.psychological, amts=items.amts,
                       recent_change=items.recent_change_in_function_or_medication,
                       dizziness=items.dizziness_or_postural_hypotension)


async def _check(session: AsyncSession, who: Access, data: AssessmentCreate) -> None:
    if data.assessed_at > datetime.now(UTC) + CLOCK_SKEW:
        raise field_problem(422, "assessed_at", "cannot be in the future", "date_order")
    day = clock.local_date(data.assessed_at)
    if day < who.admission_date or (who.ended_on is not None and day > who.ended_on):
        raise field_problem(422, "assessed_at", "is outside the resident's stay", "date_order")
    if data.section_id and not await reviews_service.section_is_current(session, who.id, data.section_id):
        raise field_problem(422, "section_id", "is not a section of the resident's current care plan", "section")


async def _score(session: AsyncSession, actor: Actor, who: Access,
                 data: AssessmentCreate) -> tuple[Result, dict[str, Any]]:
    items = data.items.model_dump(mode="json")
    if isinstance(data.items, WaterlowItems):
        resident = await residents_service.get(session, actor, who.id)
        age = _age_on(resident.date_of_birth, clock.local_date(data.assessed_at))
        return score_waterlow(data.items, resident.sex, age), {**items, "sex": resident.sex.value, "age": age}
    if isinstance(data.items, MustItems):
        result, derived = score_must(data.items)
        return result, {**items, **derived}
    return score_falls(data.items), items


async def record(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, data: AssessmentCreate) -> RiskAssessment:
    who = await residents_service.access(session, actor, resident_id, lock=True)
    await _check(session, who, data)
    result, items = await _score(session, actor, who, data)
    assessment = RiskAssessment(
        id=uuid7(), resident_id=who.id, home_id=who.home_id, tool=Tool(data.tool), assessed_at=data.assessed_at,
        section_id=data.section_id, items=items, item_scores=result.item_scores, score=result.score,
        band=result.band, high_risk=result.high_risk, action=result.action, judgement=data.judgement,
        assessor_sub=actor.sub, assessor_name=actor.name)
    session.add(assessment)
    await session.flush()
    review_now = bool(result.high_risk and data.section_id)
    if review_now and data.section_id:
        await reviews_service.due_now(session, who.id, data.section_id)
    await auditing.record(session, actor, "create", "risk_assessment", assessment.id, resident_id=who.id,
                          home_id=who.home_id, tool=assessment.tool.value, band=result.band,
                          review_brought_forward=review_now)
    return assessment


async def read(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, assessment_id: uuid.UUID) -> RiskAssessment:
    who = await residents_service.access(session, actor, resident_id)
    assessment = await repository.get(session, who.id, assessment_id)
    if assessment is None:
        raise not_found("risk assessment")
    await auditing.viewed(session, actor, who.id, who.home_id, "risk_assessment")
    return assessment


async def page(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, **filters: Any) -> list[RiskAssessment]:
    who = await residents_service.access(session, actor, resident_id)
    rows = await repository.page(session, who.id, **filters)
    await auditing.viewed(session, actor, who.id, who.home_id, "risk_assessments")
    return rows


async def all_for(session: AsyncSession, resident_id: uuid.UUID) -> list[RiskAssessment]:
    """Every assessment of a resident, oldest first, for exports (the caller checks access and audits)."""
    return await repository.all_for(session, resident_id)
