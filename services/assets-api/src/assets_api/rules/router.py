"""HTTP for inspection rules and the homes' shorter intervals."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from assets_api.db import IdempotencyKey
from assets_api.permissions import Action, allowed
from assets_api.rules import repository, service
from assets_api.rules.schemas import (
    OverrideCreate,
    OverridePage,
    OverrideRead,
    OverrideUpdate,
    RuleCreate,
    RulePage,
    RuleRead,
    RuleUpdate,
)
from assets_api.scope import list_homes
from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of

router = APIRouter(prefix="/v1/inspection-rules", tags=["inspection-rules"])
overrides = APIRouter(prefix="/v1/rule-overrides", tags=["rule-overrides"])

Reader = Annotated[Actor, allowed(Action.rule_read)]
Manager = Annotated[Actor, allowed(Action.rule_manage)]
OverrideManager = Annotated[Actor, allowed(Action.rule_override_manage)]
SortParam = Annotated[str, Query(description=f"One of: {', '.join(repository.SORTS)}.")]


@router.get("", response_model=RulePage, responses=problem_responses(401, 403, 422))
async def list_rules(
    request: Request, response: Response, session: DbSession, _actor: Reader,
    category_id: uuid.UUID | None = None, statutory: bool | None = None, include_archived: bool = False,
    sort: SortParam = "inspection_type", cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> RulePage:
    stmt = repository.list_query(category_id=category_id, statutory=statutory, include_archived=include_archived)
    rows = await repository.list_page(session, stmt, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, RulePage, sort=sort, allowed=repository.SORTS, limit=limit, request=request,
                   response=response)


@router.post("", status_code=201, response_model=RuleRead, responses=problem_responses(401, 403, 409, 422))
async def create_rule(request: Request, body: RuleCreate, session: DbSession, actor: Manager,
                      idempotency: IdempotencyKey) -> JSONResponse:
    rule = await service.create(session, actor, body)
    return await idempotency.respond(RuleRead.model_validate(rule), status=201, headers={
        "ETag": etag(rule.version), "Location": str(request.url_for("get_rule", rule_id=rule.id).path)})


@router.get("/{rule_id}", response_model=RuleRead, responses=problem_responses(401, 403, 404, 422))
async def get_rule(rule_id: uuid.UUID, response: Response, session: DbSession, _actor: Reader) -> RuleRead:
    rule = await service.get(session, rule_id)
    set_etag(response, rule.version)
    return RuleRead.model_validate(rule)


@router.patch("/{rule_id}", response_model=RuleRead, responses=problem_responses(400, 401, 403, 404, 412, 422, 428))
async def update_rule(rule_id: uuid.UUID, body: RuleUpdate, expected: ExpectedVersion, response: Response,
                      session: DbSession, actor: Manager) -> RuleRead:
    rule = await service.update(session, actor, rule_id, expected, body)
    set_etag(response, rule.version)
    return RuleRead.model_validate(rule)


@router.delete("/{rule_id}", response_model=RuleRead, responses=problem_responses(400, 401, 403, 404, 412, 428))
async def archive_rule(rule_id: uuid.UUID, expected: ExpectedVersion, response: Response, session: DbSession,
                       actor: Manager) -> RuleRead:
    rule = await service.archive(session, actor, rule_id, expected)
    set_etag(response, rule.version)
    return RuleRead.model_validate(rule)


@overrides.get("", response_model=OverridePage, responses=problem_responses(401, 403, 404, 422))
async def list_overrides(
    request: Request, response: Response, session: DbSession, actor: Reader,
    home_id: uuid.UUID | None = None, rule_id: uuid.UUID | None = None, include_archived: bool = False,
    sort: Annotated[str, Query(description="One of: created_at.")] = "created_at",
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> OverridePage:
    stmt = repository.override_query(homes=list_homes(actor, home_id), rule_id=rule_id,
                                     include_archived=include_archived)
    rows = await repository.override_page(session, stmt, sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, OverridePage, sort=sort, allowed=repository.OVERRIDE_SORTS, limit=limit,
                   request=request, response=response)


@overrides.post("", status_code=201, response_model=OverrideRead,
                responses=problem_responses(401, 403, 404, 409, 422))
async def create_override(request: Request, body: OverrideCreate, session: DbSession, actor: OverrideManager,
                          idempotency: IdempotencyKey) -> JSONResponse:
    """Give a home a shorter interval for a rule (never a longer one)."""
    override = await service.create_override(session, actor, body)
    return await idempotency.respond(OverrideRead.model_validate(override), status=201, headers={
        "ETag": etag(override.version),
        "Location": str(request.url_for("get_override", override_id=override.id).path)})


@overrides.get("/{override_id}", response_model=OverrideRead, responses=problem_responses(401, 403, 404, 422))
async def get_override(override_id: uuid.UUID, response: Response, session: DbSession,
                       actor: Reader) -> OverrideRead:
    override = await service.get_override(session, actor, override_id)
    set_etag(response, override.version)
    return OverrideRead.model_validate(override)


@overrides.patch("/{override_id}", response_model=OverrideRead,
                 responses=problem_responses(400, 401, 403, 404, 412, 422, 428))
async def update_override(override_id: uuid.UUID, body: OverrideUpdate, expected: ExpectedVersion,
                          response: Response, session: DbSession, actor: OverrideManager) -> OverrideRead:
    override = await service.update_override(session, actor, override_id, expected, body)
    set_etag(response, override.version)
    return OverrideRead.model_validate(override)


@overrides.delete("/{override_id}", response_model=OverrideRead,
                  responses=problem_responses(400, 401, 403, 404, 412, 428))
async def archive_override(override_id: uuid.UUID, expected: ExpectedVersion, response: Response,
                           session: DbSession, actor: OverrideManager) -> OverrideRead:
    """The home goes back to the rule's own interval."""
    override = await service.archive_override(session, actor, override_id, expected)
    set_etag(response, override.version)
    return OverrideRead.model_validate(override)
