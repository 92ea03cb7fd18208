"""HTTP for care plans: versions (append-only), sign-off, reading as it stood, diff; care domains."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.concurrency import etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from careplan_api.careplans import repository, service
from careplan_api.careplans.domains import STANDARD_DOMAINS
from careplan_api.careplans.schemas import (
    DomainCreate,
    DomainRead,
    HomeDomainPage,
    HomeDomainRead,
    PlanDiff,
    PlanRead,
    SignOff,
    VersionCreate,
    VersionPage,
    VersionRead,
)
from careplan_api.db import IdempotencyKey
from careplan_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/residents/{resident_id}/care-plan", tags=["care-plans"])
domains_router = APIRouter(prefix="/v1/care-domains", tags=["care-domains"])

Reader = Annotated[Actor, allowed(Action.plan_read)]
Drafter = Annotated[Actor, allowed(Action.plan_draft)]
Signer = Annotated[Actor, allowed(Action.plan_sign_off)]
DomainAdder = Annotated[Actor, allowed(Action.domain_define)]
VersionNumber = Annotated[int, Query(ge=1, le=1_000_000)]


@router.get("", response_model=PlanRead, responses=problem_responses(401, 403, 404))
async def get_care_plan(resident_id: uuid.UUID, response: Response, session: DbSession, actor: Reader) -> PlanRead:
    """The plan with its current (signed-off) version. Audited as a view."""
    plan, current = await service.read_plan(session, actor, resident_id)
    set_etag(response, plan.version)
    return PlanRead(id=plan.id, resident_id=plan.resident_id, home_id=plan.home_id,
                    current_version_number=plan.current_number, latest_version_number=plan.latest_number,
                    current=VersionRead.model_validate(current) if current else None, version=plan.version)


@router.get("/versions", response_model=VersionPage, responses=problem_responses(401, 403, 404, 422))
async def list_care_plan_versions(
    resident_id: uuid.UUID, request: Request, response: Response, session: DbSession, actor: Reader,
    sort: Annotated[str, Query(description="-number or number")] = "-number",
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> VersionPage:
    rows = await service.list_versions(session, actor, resident_id, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, VersionPage, sort=sort, allowed=repository.VERSION_SORTS, limit=limit,
                   request=request, response=response)


@router.post("/versions", status_code=201, response_model=VersionRead,
             responses=problem_responses(401, 403, 404, 409, 422))
async def draft_care_plan_version(
    request: Request, resident_id: uuid.UUID, body: VersionCreate, session: DbSession, actor: Drafter,
    idempotency: IdempotencyKey,
) -> JSONResponse:
    """Write a new version of the whole plan, based on the newest one. It is a draft until signed off.
    Versions are never edited: basing a change on an older version is refused (409)."""
    version = await service.draft(session, actor, resident_id, body)
    location = request.url_for("get_care_plan_version", resident_id=resident_id, number=version.number).path
    return await idempotency.respond(VersionRead.model_validate(version), status=201,
                                     headers={"Location": str(location), "ETag": etag(version.number)})


@router.get("/versions/{number}", response_model=VersionRead, responses=problem_responses(401, 403, 404, 422))
async def get_care_plan_version(
    resident_id: uuid.UUID, number: int, session: DbSession, actor: Reader,
) -> VersionRead:
    """Any version, exactly as it stood."""
    return VersionRead.model_validate(await service.read_version(session, actor, resident_id, number))


@router.post("/versions/{number}/sign-off", response_model=VersionRead,
             responses=problem_responses(401, 403, 404, 409, 422))
async def sign_off_care_plan_version(
    resident_id: uuid.UUID, number: int, body: SignOff, session: DbSession, actor: Signer,
    idempotency: IdempotencyKey,
) -> JSONResponse:
    """Make a draft the current plan (senior carer, nurse or home manager), recording how the
    resident or their representative was involved. The previous current version is superseded."""
    version = await service.sign_off(session, actor, resident_id, number, body)
    return await idempotency.respond(VersionRead.model_validate(version), status=200)


@router.get("/diff", response_model=PlanDiff, responses=problem_responses(401, 403, 404, 422))
async def diff_care_plan_versions(
    resident_id: uuid.UUID, session: DbSession, actor: Reader, from_version: VersionNumber, to_version: VersionNumber,
) -> PlanDiff:
    """What changed between two versions: sections, goals and interventions matched by id."""
    return PlanDiff.model_validate(await service.compare(session, actor, resident_id, from_version, to_version))


@domains_router.get("/standard", response_model=list[DomainRead], responses=problem_responses(401, 403))
async def list_standard_care_domains(actor: Reader) -> list[DomainRead]:
    """The twelve standard care domains every plan can use (a fixed reference list)."""
    return [DomainRead(code=code, name=name, standard=True) for code, name in STANDARD_DOMAINS.items()]


@domains_router.get("", response_model=HomeDomainPage, responses=problem_responses(401, 403, 404, 422))
async def list_home_care_domains(
    request: Request, response: Response, session: DbSession, actor: Reader, home_id: uuid.UUID,
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> HomeDomainPage:
    """The domains a home has added to the standard twelve."""
    rows = await service.home_domain_page(session, actor, home_id, cursor=cursor, limit=limit)
    return page_of(rows, HomeDomainPage, sort="code", allowed=repository.DOMAIN_SORTS, limit=limit,
                   request=request, response=response)


@domains_router.post("", status_code=201, response_model=HomeDomainRead,
                     responses=problem_responses(401, 403, 404, 409, 422))
async def add_home_care_domain(
    session: DbSession, actor: DomainAdder, idempotency: IdempotencyKey, home_id: uuid.UUID, body: DomainCreate,
) -> JSONResponse:
    """Add a domain of the home's own (e.g. `diabetes`) for its plans' sections."""
    domain = await service.add_home_domain(session, actor, home_id, body)
    return await idempotency.respond(HomeDomainRead(
        id=domain.id, home_id=domain.home_id, code=domain.code, name=domain.name, standard=False,
        created_at=domain.created_at))
