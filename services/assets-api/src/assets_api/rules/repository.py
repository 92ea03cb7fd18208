"""Every query of the rules module."""

import uuid
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.rules.models import InspectionRule, RuleOverride
from carehub_kit.pagination import SortKey, paginate_query

SORTS = {"inspection_type": SortKey(InspectionRule.inspection_type), "code": SortKey(InspectionRule.code)}
OVERRIDE_SORTS = {"created_at": SortKey(RuleOverride.created_at)}


def list_query(*, category_id: uuid.UUID | None, statutory: bool | None, include_archived: bool) -> Select[Any]:
    stmt = select(InspectionRule)
    if category_id is not None:
        stmt = stmt.where(InspectionRule.category_id == category_id)
    if statutory is not None:
        stmt = stmt.where(InspectionRule.statutory.is_(statutory))
    return stmt if include_archived else stmt.where(InspectionRule.archived_at.is_(None))


async def list_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                    limit: int) -> list[InspectionRule]:
    paged = paginate_query(stmt, sort=sort, allowed=SORTS, id_col=InspectionRule.id, cursor=cursor, limit=limit)
    return list((await session.scalars(paged)).all())


async def get(session: AsyncSession, rule_id: uuid.UUID) -> InspectionRule | None:
    return await session.get(InspectionRule, rule_id)


async def code_taken(session: AsyncSession, code: str) -> bool:
    return (await session.scalar(select(InspectionRule.id).where(InspectionRule.code == code))) is not None


def override_query(*, homes: frozenset[uuid.UUID] | None, rule_id: uuid.UUID | None,
                   include_archived: bool) -> Select[Any]:
    stmt = select(RuleOverride)
    if homes is not None:
        stmt = stmt.where(RuleOverride.home_id.in_(homes))
    if rule_id is not None:
        stmt = stmt.where(RuleOverride.rule_id == rule_id)
    return stmt if include_archived else stmt.where(RuleOverride.archived_at.is_(None))


async def override_page(session: AsyncSession, stmt: Select[Any], *, sort: str, cursor: str | None,
                        limit: int) -> list[RuleOverride]:
    paged = paginate_query(stmt, sort=sort, allowed=OVERRIDE_SORTS, id_col=RuleOverride.id, cursor=cursor,
                           limit=limit)
    return list((await session.scalars(paged)).all())


async def get_override(session: AsyncSession, override_id: uuid.UUID) -> RuleOverride | None:
    return await session.get(RuleOverride, override_id)


async def live_override(session: AsyncSession, home_id: uuid.UUID, rule_id: uuid.UUID) -> RuleOverride | None:
    return await session.scalar(select(RuleOverride).where(
        RuleOverride.home_id == home_id, RuleOverride.rule_id == rule_id, RuleOverride.archived_at.is_(None)))
