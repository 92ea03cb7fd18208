"""HTTP for a resident's contacts and allergies."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from carehub_kit.concurrency import ExpectedVersion, etag, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from carehub_kit.pagination import DEFAULT_LIMIT, Cursor, Limit, page_of
from careplan_api.contacts import repository, service
from careplan_api.contacts.models import Allergy, Contact
from careplan_api.contacts.schemas import (
    ALLERGY_REQUIRED,
    CONTACT_REQUIRED,
    AllergyCreate,
    AllergyPage,
    AllergyRead,
    AllergyUpdate,
    ContactCreate,
    ContactPage,
    ContactRead,
    ContactUpdate,
)
from careplan_api.db import IdempotencyKey
from careplan_api.permissions import Action, allowed

contacts_router = APIRouter(prefix="/v1/residents/{resident_id}/contacts", tags=["contacts"])
allergies_router = APIRouter(prefix="/v1/residents/{resident_id}/allergies", tags=["allergies"])

Reader = Annotated[Actor, allowed(Action.resident_read)]
Updater = Annotated[Actor, allowed(Action.resident_update)]
IncludeArchived = Annotated[bool, Query(description="Include archived entries.")]
CHANGE_ERRORS = problem_responses(400, 401, 403, 404, 412, 422, 428)


@contacts_router.get("", response_model=ContactPage, responses=problem_responses(401, 403, 404, 422))
async def list_contacts(
    resident_id: uuid.UUID, request: Request, response: Response, session: DbSession, actor: Reader,
    include_archived: IncludeArchived = False,
    sort: Annotated[str, Query(description="name or -name")] = "name",
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> ContactPage:
    """Next of kin, family and attorneys. Audited as a view of the resident's record."""
    rows = await service.list_page(session, actor, Contact, resident_id, include_archived=include_archived,
                                   sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, ContactPage, sort=sort, allowed=repository.CONTACT_SORTS, limit=limit,
                   request=request, response=response)


@contacts_router.post("", status_code=201, response_model=ContactRead,
                      responses=problem_responses(401, 403, 404, 422))
async def add_contact(
    resident_id: uuid.UUID, body: ContactCreate, session: DbSession, actor: Updater, idempotency: IdempotencyKey,
) -> JSONResponse:
    contact = await service.create(session, actor, Contact, resident_id, body.model_dump())
    return await idempotency.respond(ContactRead.model_validate(contact), headers={"ETag": etag(contact.version)})


@contacts_router.patch("/{contact_id}", response_model=ContactRead, responses=CHANGE_ERRORS)
async def update_contact(
    resident_id: uuid.UUID, contact_id: uuid.UUID, body: ContactUpdate, expected: ExpectedVersion,
    response: Response, session: DbSession, actor: Updater,
) -> ContactRead:
    contact = await service.update(session, actor, Contact, resident_id, contact_id, expected,
                                   body.model_dump(exclude_unset=True), CONTACT_REQUIRED)
    set_etag(response, contact.version)
    return ContactRead.model_validate(contact)


@contacts_router.delete("/{contact_id}", response_model=ContactRead, responses=CHANGE_ERRORS)
async def archive_contact(
    resident_id: uuid.UUID, contact_id: uuid.UUID, expected: ExpectedVersion, response: Response,
    session: DbSession, actor: Updater,
) -> ContactRead:
    """Archive the contact: it leaves the list but stays in the record."""
    contact = await service.archive(session, actor, Contact, resident_id, contact_id, expected)
    set_etag(response, contact.version)
    return ContactRead.model_validate(contact)


@allergies_router.get("", response_model=AllergyPage, responses=problem_responses(401, 403, 404, 422))
async def list_allergies(
    resident_id: uuid.UUID, request: Request, response: Response, session: DbSession, actor: Reader,
    include_archived: IncludeArchived = False,
    sort: Annotated[str, Query(description="substance or -substance")] = "substance",
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
) -> AllergyPage:
    """Allergies and sensitivities. Audited as a view of the resident's record."""
    rows = await service.list_page(session, actor, Allergy, resident_id, include_archived=include_archived,
                                   sort=sort, cursor=cursor, limit=limit)
    return page_of(rows, AllergyPage, sort=sort, allowed=repository.ALLERGY_SORTS, limit=limit,
                   request=request, response=response)


@allergies_router.post("", status_code=201, response_model=AllergyRead,
                       responses=problem_responses(401, 403, 404, 422))
async def add_allergy(
    resident_id: uuid.UUID, body: AllergyCreate, session: DbSession, actor: Updater, idempotency: IdempotencyKey,
) -> JSONResponse:
    allergy = await service.create(session, actor, Allergy, resident_id, body.model_dump())
    return await idempotency.respond(AllergyRead.model_validate(allergy), headers={"ETag": etag(allergy.version)})


@allergies_router.patch("/{allergy_id}", response_model=AllergyRead, responses=CHANGE_ERRORS)
async def update_allergy(
    resident_id: uuid.UUID, allergy_id: uuid.UUID, body: AllergyUpdate, expected: ExpectedVersion,
    response: Response, session: DbSession, actor: Updater,
) -> AllergyRead:
    allergy = await service.update(session, actor, Allergy, resident_id, allergy_id, expected,
                                   body.model_dump(exclude_unset=True), ALLERGY_REQUIRED)
    set_etag(response, allergy.version)
    return AllergyRead.model_validate(allergy)


@allergies_router.delete("/{allergy_id}", response_model=AllergyRead, responses=CHANGE_ERRORS)
async def archive_allergy(
    resident_id: uuid.UUID, allergy_id: uuid.UUID, expected: ExpectedVersion, response: Response,
    session: DbSession, actor: Updater,
) -> AllergyRead:
    allergy = await service.archive(session, actor, Allergy, resident_id, allergy_id, expected)
    set_etag(response, allergy.version)
    return AllergyRead.model_validate(allergy)
