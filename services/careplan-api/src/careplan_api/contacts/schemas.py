"""Contacts (next of kin, attorneys) and allergies in and out."""

import re
import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, EmailStr, Field, StringConstraints

from carehub_kit.pagination import Page
from careplan_api.contacts.models import AllergyCategory, AllergySeverity, LpaRole
from careplan_api.fields import Input, Name, Output, Short

_PHONE = re.compile(r"^\+?[0-9]{10,15}$")


def _phone(value: str) -> str:
    if not _PHONE.match(re.sub(r"[\s()-]", "", value)):
        raise ValueError("must be a phone number, such as 07700 900123")
    return value


def _distinct(roles: list[LpaRole]) -> list[LpaRole]:
    if len(set(roles)) != len(roles):
        raise ValueError("lists a role twice")
    return sorted(roles)


Phone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=30), AfterValidator(_phone)]
Email = Annotated[EmailStr, Field(max_length=254)]
LpaRoles = Annotated[list[LpaRole], Field(max_length=2), AfterValidator(_distinct)]


class ContactCreate(Input):
    name: Name
    relationship: Short = Field(description="e.g. daughter, friend, solicitor")
    phone: Phone | None = None
    email: Email | None = None
    is_next_of_kin: bool = False
    lpa_roles: LpaRoles = Field(default_factory=list, description="Registered lasting powers of attorney held.")


class ContactUpdate(Input):
    name: Name | None = None
    relationship: Short | None = None
    phone: Phone | None = None
    email: Email | None = None
    is_next_of_kin: bool | None = None
    lpa_roles: LpaRoles | None = None


CONTACT_REQUIRED = frozenset({"name", "relationship", "is_next_of_kin", "lpa_roles"})


class ContactRead(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    name: str
    relationship: str
    phone: str | None
    email: str | None
    is_next_of_kin: bool
    lpa_roles: list[LpaRole]
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class ContactPage(Page[ContactRead]):
    """One page of a resident's contacts."""


class AllergyCreate(Input):
    substance: Short
    category: AllergyCategory
    reaction: Short | None = None
    severity: AllergySeverity


class AllergyUpdate(Input):
    substance: Short | None = None
    category: AllergyCategory | None = None
    reaction: Short | None = None
    severity: AllergySeverity | None = None


ALLERGY_REQUIRED = frozenset({"substance", "category", "severity"})


class AllergyRead(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    substance: str
    category: AllergyCategory
    reaction: str | None
    severity: AllergySeverity
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class AllergyPage(Page[AllergyRead]):
    """One page of a resident's allergies."""
