"""The `feedback` schema: metadata, declarative base, and the kit's per-schema tables."""

from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import DeclarativeBase

from carehub_kit.audit import AuditWriter
from carehub_kit.db import service_metadata
from carehub_kit.idempotency import Idempotency, idempotency_dependency
from carehub_kit.tables import add_kit_tables

SCHEMA = "feedback"
metadata = service_metadata(SCHEMA)
add_kit_tables(metadata)


class Base(DeclarativeBase):
    metadata = metadata


audit = AuditWriter(metadata)
# POST routes take `idempotency: IdempotencyKey` and answer through `idempotency.respond(...)`.
IdempotencyKey = Annotated[Idempotency, Depends(idempotency_dependency(metadata), scope="function")]
