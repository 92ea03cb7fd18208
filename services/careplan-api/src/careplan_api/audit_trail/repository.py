"""The audit trail of one resident's record: every row whose details name the resident,
served by the expression index on (details->>'resident_id', at, id)."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.pagination import SortKey, paginate_query
from careplan_api.audit_trail.models import AuditEvent

SORTS = {"-at": SortKey(AuditEvent.at, descending=True), "at": SortKey(AuditEvent.at)}


async def page(session: AsyncSession, resident_id: uuid.UUID, *, sort: str, cursor: str | None,
               limit: int) -> list[AuditEvent]:
    stmt = select(AuditEvent).where(AuditEvent.details["resident_id"].astext == str(resident_id))
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=AuditEvent.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())
