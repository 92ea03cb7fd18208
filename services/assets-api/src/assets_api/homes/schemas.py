"""Homes in and out. Inputs refuse unknown fields; UK formats are checked and normalised."""

import re
import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from assets_api.homes.models import HomeStatus
from carehub_kit.pagination import Page

# Royal Mail postcode shape (outward code, space, inward code), plus the special GIR 0AA.
_POSTCODE = re.compile(r"^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})$")
# CQC location ids as published in the CQC register: "1-" then 9 to 11 digits.
_CQC_LOCATION = re.compile(r"^1-[0-9]{9,11}$")
# UK numbers: 0 or +44, then 9-10 digits; spaces, dashes and brackets allowed between.
_UK_PHONE = re.compile(r"^(?:\+44|0)[0-9]{9,10}$")


def _postcode(value: str) -> str:
    compact = re.sub(r"\s+", "", value).upper()
    formatted = f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact
    if not _POSTCODE.match(formatted):
        raise ValueError("must be a UK postcode, such as WA7 5TD")
    return formatted


def _cqc_location_id(value: str) -> str:
    if not _CQC_LOCATION.match(value):
        raise ValueError("must be a CQC location ID such as 1-123456789")
    return value


def _phone(value: str) -> str:
    if not _UK_PHONE.match(re.sub(r"[\s()-]", "", value)):
        raise ValueError("must be a UK phone number, such as 01928 123456")
    return value


Text200 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Postcode = Annotated[str, StringConstraints(max_length=10), AfterValidator(_postcode)]
CqcLocationId = Annotated[str, StringConstraints(strip_whitespace=True, max_length=14),
                          AfterValidator(_cqc_location_id)]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=30), AfterValidator(_phone)]
Beds = Annotated[int, Field(gt=0, le=1000)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HomeCreate(_Input):
    name: Text200
    address_line1: Text200
    address_line2: Text200 | None = None
    town: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    postcode: Postcode
    cqc_location_id: CqcLocationId | None = None
    registered_beds: Beds
    phone: Phone | None = None
    email: EmailStr | None = Field(default=None, max_length=254)
    status: HomeStatus = HomeStatus.active


class HomeUpdate(_Input):
    """Only the fields sent are changed; required fields cannot be cleared."""

    name: Text200 | None = None
    address_line1: Text200 | None = None
    address_line2: Text200 | None = None
    town: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)] | None = None
    postcode: Postcode | None = None
    cqc_location_id: CqcLocationId | None = None
    registered_beds: Beds | None = None
    phone: Phone | None = None
    email: EmailStr | None = Field(default=None, max_length=254)
    status: HomeStatus | None = None


REQUIRED_ON_UPDATE = frozenset({"name", "address_line1", "town", "postcode", "registered_beds", "status"})


class HomeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    address_line1: str
    address_line2: str | None
    town: str
    postcode: str
    cqc_location_id: str | None
    registered_beds: int
    phone: str | None
    email: str | None
    status: HomeStatus
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class HomePage(Page[HomeRead]):
    """One page of homes."""
