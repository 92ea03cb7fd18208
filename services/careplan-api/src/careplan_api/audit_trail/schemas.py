import uuid
from datetime import datetime
from typing import Any

from carehub_kit.pagination import Page
from careplan_api.fields import Output


class AuditEventRead(Output):
    id: uuid.UUID
    at: datetime
    actor_sub: str
    actor_name: str
    actor_roles: list[str]
    action: str
    entity_type: str
    entity_id: str | None
    request_id: str | None
    details: dict[str, Any]


class AuditEventPage(Page[AuditEventRead]):
    """One page of a resident's audit trail, newest first."""
