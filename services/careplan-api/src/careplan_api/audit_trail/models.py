import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index
from sqlalchemy.orm import Mapped

from carehub_kit.tables import kit_table
from careplan_api.db import Base, metadata


class AuditEvent(Base):
    """The kit's append-only audit table, mapped read-only for the per-resident trail."""

    __table__ = kit_table(metadata, "audit_event")

    id: Mapped[uuid.UUID]
    at: Mapped[datetime]
    actor_sub: Mapped[str]
    actor_name: Mapped[str]
    actor_roles: Mapped[list[str]]
    action: Mapped[str]
    entity_type: Mapped[str]
    entity_id: Mapped[str | None]
    home_id: Mapped[uuid.UUID | None]
    request_id: Mapped[str | None]
    details: Mapped[dict[str, Any]]


# GET /v1/residents/{id}/audit: the rows naming one resident, newest first (created in 0002).
Index("ix_audit_event_resident_id_at_id", AuditEvent.__table__.c.details["resident_id"].astext,
      AuditEvent.__table__.c.at, AuditEvent.__table__.c.id)
