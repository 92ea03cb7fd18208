"""Every query of the contacts module (contacts and allergies: small lists hung off a resident)."""

import uuid
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.pagination import SortKey, paginate_query
from careplan_api.contacts.models import Allergy, Contact

P = TypeVar("P", Contact, Allergy)

CONTACT_SORTS = {"name": SortKey(Contact.name), "-name": SortKey(Contact.name, descending=True)}
ALLERGY_SORTS = {"substance": SortKey(Allergy.substance), "-substance": SortKey(Allergy.substance, descending=True)}
SORTS: dict[type[Any], dict[str, SortKey]] = {Contact: CONTACT_SORTS, Allergy: ALLERGY_SORTS}


async def list_page(session: AsyncSession, model: type[P], resident_id: uuid.UUID, *, include_archived: bool,
                    sort: str, cursor: str | None, limit: int) -> list[P]:
    stmt = select(model).where(model.resident_id == resident_id)
    if not include_archived:
        stmt = stmt.where(model.archived_at.is_(None))
    paged = paginate_query(stmt, sort=sort, allowed=SORTS[model], id_col=model.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, model: type[P], resident_id: uuid.UUID, part_id: uuid.UUID) -> P | None:
    return await session.scalar(select(model).where(model.id == part_id, model.resident_id == resident_id))
