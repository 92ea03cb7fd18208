"""Rules for care plans. A plan is never edited in place: each change is a new immutable
version, drafted on top of the newest one and made current by a sign-off. The plan row is
locked while a version is added or signed off, so two editors cannot both build on version N."""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.auth import can_see_home
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor
from careplan_api import auditing, clock
from careplan_api.careplans import repository
from careplan_api.careplans.diff import diff_sections
from careplan_api.careplans.domains import STANDARD_DOMAINS
from careplan_api.careplans.models import CarePlan, CarePlanVersion, HomeCareDomain, VersionStatus
from careplan_api.careplans.schemas import DomainCreate, Section, SignOff, VersionCreate
from careplan_api.db import audit
from careplan_api.permissions import MATRIX, Action
from careplan_api.residents import service as residents_service
from careplan_api.residents.service import Access, field_problem
from careplan_api.reviews import service as reviews_service

VERSION = "care_plan_version"


def _old_version(head: int) -> ProblemError:
    return field_problem(
        409, "based_on_version", f"is not the newest version ({head})", "old_version",
        f"Only the newest version ({head}) can be edited: older versions are kept as they stood.")


def _closed() -> ProblemError:
    return ProblemError(409, "The resident's record is closed (discharged or deceased).", slug="record-closed")


async def _plan(session: AsyncSession, who: Access, *, for_update: bool = False) -> CarePlan:
    plan = await repository.plan_of(session, who.id, for_update=for_update)
    if plan is None:
        raise not_found("care plan")
    return plan


def _with_ids(sections: list[Section], base: list[dict[str, Any]], domains: dict[str, str]) -> list[dict[str, Any]]:
    """Sections as stored: known domains, one section per domain, ids kept or assigned."""
    known_ids = {s["id"] for s in base}
    seen: set[str] = set()
    stored = []
    for index, section in enumerate(sections):
        loc = ["body", "sections", index]
        if section.domain not in domains:
            raise _section_problem(loc + ["domain"], "is not a standard domain or one this home has added")
        if section.domain in seen:
            raise _section_problem(loc + ["domain"], "already has a section in this plan")
        if section.id is not None and str(section.id) not in known_ids:
            raise _section_problem(loc + ["id"], "is not a section of the version this edits")
        seen.add(section.domain)
        data = section.model_dump(mode="json")
        data["id"] = data["id"] or str(uuid.uuid4())
        data["title"] = data["title"] or domains[section.domain]
        for item in data["goals"] + data["interventions"]:
            item["id"] = item["id"] or str(uuid.uuid4())
        stored.append(data)
    return stored


def _section_problem(loc: list[Any], msg: str) -> ProblemError:
    return ProblemError(422, "A section of the plan is not valid.", slug="validation",
                        errors=[{"loc": loc, "msg": msg, "type": "section"}])


async def _open_plan(session: AsyncSession, who: Access, data: VersionCreate) -> tuple[CarePlan, list[dict[str, Any]]]:
    """The plan to add to (created for a first version) and the sections of the version edited."""
    plan = await repository.plan_of(session, who.id, for_update=True)
    if plan is None:
        if data.based_on_version is not None:
            raise field_problem(409, "based_on_version", "does not exist: the resident has no plan yet", "old_version")
        plan = CarePlan(resident_id=who.id, home_id=who.home_id, latest_number=0)
        session.add(plan)
        await session.flush()
        return plan, []
    if data.based_on_version != plan.latest_number:
        raise _old_version(plan.latest_number)
    base = await repository.version(session, plan.id, plan.latest_number)
    assert base is not None, "the plan's newest version exists"
    if base.status == VersionStatus.draft:  # replaced by the new draft before anyone signed it
        base.status = VersionStatus.superseded
    return plan, base.sections


async def draft(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, data: VersionCreate) -> CarePlanVersion:
    who = await residents_service.access(session, actor, resident_id)
    if who.ended_on is not None:
        raise _closed()
    plan, base = await _open_plan(session, who, data)
    domains = {**STANDARD_DOMAINS, **await repository.home_domains(session, who.home_id)}
    version = CarePlanVersion(
        plan_id=plan.id, resident_id=who.id, number=plan.latest_number + 1, status=VersionStatus.draft,
        based_on_number=data.based_on_version, reason=data.reason,
        sections=_with_ids(data.sections, base, domains), author_sub=actor.sub, author_name=actor.name)
    plan.latest_number = version.number
    session.add(version)
    await session.flush()
    await auditing.record(session, actor, "create", VERSION, version.id, resident_id=who.id, home_id=who.home_id,
                          number=version.number, sections=len(version.sections))
    return version


def _signing_role(actor: Actor) -> str:
    return next(role for role in actor.roles if MATRIX.allows((role,), Action.plan_sign_off))


async def sign_off(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, number: int,
                   data: SignOff) -> CarePlanVersion:
    who = await residents_service.access(session, actor, resident_id)
    if who.ended_on is not None:
        raise _closed()
    plan = await _plan(session, who, for_update=True)
    version = await repository.version(session, plan.id, number)
    if version is None:
        raise not_found("care plan version")
    if version.status != VersionStatus.draft:
        raise ProblemError(409, f"Version {number} is {version.status.value}: only a draft can be signed off.",
                           slug="not-a-draft")
    if plan.current_number is not None:
        previous = await repository.version(session, plan.id, plan.current_number)
        assert previous is not None
        previous.status = VersionStatus.superseded
    version.status = VersionStatus.current
    version.signed_off_by_sub, version.signed_off_by_name = actor.sub, actor.name
    version.signed_off_role, version.signed_off_at = _signing_role(actor), datetime.now(UTC)
    version.involvement, version.involvement_note = data.involvement, data.involvement_note
    plan.current_number = number
    await session.flush()
    await reviews_service.follow_plan(session, reviews_service.SignedOffPlan(
        plan.id, who.id, who.home_id, number, clock.today(), version.sections))
    await auditing.record(session, actor, "sign_off", VERSION, version.id, resident_id=who.id, home_id=who.home_id,
                          number=number, involvement=data.involvement.value)
    return version


async def read_plan(session: AsyncSession, actor: Actor,
                    resident_id: uuid.UUID) -> tuple[CarePlan, CarePlanVersion | None]:
    who = await residents_service.access(session, actor, resident_id)
    plan = await _plan(session, who)
    current = None if plan.current_number is None else await repository.version(session, plan.id, plan.current_number)
    await auditing.viewed(session, actor, who.id, who.home_id, "care_plan")
    return plan, current


async def current_version(session: AsyncSession, resident_id: uuid.UUID) -> CarePlanVersion | None:
    """The signed-off version in force, for exports (the caller has checked access and audits)."""
    plan = await repository.plan_of(session, resident_id)
    if plan is None or plan.current_number is None:
        return None
    return await repository.version(session, plan.id, plan.current_number)


async def read_version(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, number: int) -> CarePlanVersion:
    who = await residents_service.access(session, actor, resident_id)
    plan = await _plan(session, who)
    version = await repository.version(session, plan.id, number)
    if version is None:
        raise not_found("care plan version")
    await auditing.viewed(session, actor, who.id, who.home_id, "care_plan_version")
    return version


async def list_versions(session: AsyncSession, actor: Actor, resident_id: uuid.UUID,
                        **paging: Any) -> list[CarePlanVersion]:
    who = await residents_service.access(session, actor, resident_id)
    plan = await _plan(session, who)
    rows = await repository.version_page(session, plan.id, **paging)
    await auditing.viewed(session, actor, who.id, who.home_id, "care_plan_versions")
    return rows


async def compare(session: AsyncSession, actor: Actor, resident_id: uuid.UUID, before: int,
                  after: int) -> dict[str, Any]:
    who = await residents_service.access(session, actor, resident_id)
    plan = await _plan(session, who)
    versions = [await repository.version(session, plan.id, n) for n in (before, after)]
    if versions[0] is None or versions[1] is None:
        raise not_found("care plan version")
    await auditing.viewed(session, actor, who.id, who.home_id, "care_plan_diff")
    return {"from_version": before, "to_version": after, **diff_sections(versions[0].sections, versions[1].sections)}


async def add_home_domain(session: AsyncSession, actor: Actor, home_id: uuid.UUID,
                          data: DomainCreate) -> HomeCareDomain:
    if not can_see_home(actor, home_id):
        raise not_found("home")
    if data.code in STANDARD_DOMAINS or data.code in await repository.home_domains(session, home_id):
        raise field_problem(409, "code", "is already a care domain in this home", "unique")
    domain = HomeCareDomain(home_id=home_id, code=data.code, name=data.name)
    session.add(domain)
    await session.flush()
    await audit.record(session, actor, "create", "home_care_domain", domain.id, home_id=home_id,
                                details={"code": data.code})
    return domain


async def home_domain_page(session: AsyncSession, actor: Actor, home_id: uuid.UUID, *, cursor: str | None,
                           limit: int) -> list[HomeCareDomain]:
    if not can_see_home(actor, home_id):
        raise not_found("home")
    return await repository.home_domain_page(session, home_id, cursor=cursor, limit=limit)
