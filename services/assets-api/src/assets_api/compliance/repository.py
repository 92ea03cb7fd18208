"""Every query of compliance: all read the due schedule (`asset_rule_due`), one round trip each."""

import uuid
from datetime import date
from typing import Any, cast

from sqlalchemy import ColumnElement, Row, Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.assets.models import Asset
from assets_api.categories.models import Category
from assets_api.compliance.schemas import ItemState
from assets_api.homes.models import Home
from assets_api.rules.models import InspectionRule
from assets_api.schedule.models import AssetRuleDue as D
from carehub_kit.pagination import SortKey, paginate_query

SORTS = {"due_date": SortKey(D.due_date)}


def state_condition(state: ItemState, today: date) -> ColumnElement[bool]:
    """The one definition of each state, shared by the counts and the lists."""
    match state:
        case ItemState.due_soon:
            return and_(D.in_use, D.due_date >= today, D.due_date - D.warning_days <= today)
        case ItemState.overdue:
            return and_(D.in_use, D.due_date < today)
        case ItemState.failed:
            return D.last_outcome == "fail"
        case ItemState.never_inspected:
            return and_(D.in_use, D.last_inspection_id.is_(None))


def _counts(today: date) -> list[Any]:
    required = and_(D.statutory, D.in_use)
    in_date = and_(required, D.last_inspection_id.is_not(None), D.due_date >= today, D.last_outcome != "fail")
    return [
        func.count().filter(required).label("required"),
        func.count().filter(in_date).label("in_date"),
        *(func.count().filter(state_condition(s, today)).label(s.value) for s in ItemState),
    ]


def counts_query(homes: frozenset[uuid.UUID] | None, today: date) -> Select[Any]:
    grouped = select(D.home_id, D.category_id, D.rule_id, *_counts(today)).group_by(
        D.home_id, D.category_id, D.rule_id)
    if homes is not None:
        grouped = grouped.where(D.home_id.in_(homes))
    g = grouped.subquery()
    # The names come along in the same round trip: the library tables are tiny.
    return cast("Select[Any]", select(
        g, InspectionRule.code.label("rule_code"), InspectionRule.inspection_type, InspectionRule.statutory,
        Category.code.label("category_code"), Category.name.label("category_name"), Home.name.label("home_name"),
    ).join(InspectionRule, InspectionRule.id == g.c.rule_id).join(Category, Category.id == g.c.category_id)
        .join(Home, Home.id == g.c.home_id))


async def counts(session: AsyncSession, homes: frozenset[uuid.UUID] | None, today: date) -> list[Row[Any]]:
    """Counts per home, category and rule, with their names; the caller rolls them up."""
    return list((await session.execute(counts_query(homes, today))).all())


async def asset_schedule(session: AsyncSession, asset_id: uuid.UUID, today: date) -> list[Row[Any]]:
    """Every rule the asset needs, each with the states it is in, by the one definition above."""
    states = [state_condition(s, today).label(s.value) for s in ItemState]
    stmt = cast("Select[Any]", select(D.rule_id, D.statutory, D.warning_days, D.last_inspection_id,
                                      D.last_inspected_date, D.last_outcome, D.due_date, *states))
    return list((await session.execute(stmt.where(D.asset_id == asset_id).order_by(D.due_date, D.rule_id))).all())


def items_query(*, homes: frozenset[uuid.UUID] | None, state: ItemState, today: date,
                category_id: uuid.UUID | None, rule_id: uuid.UUID | None) -> Select[Any]:
    columns = (D.id, D.home_id, D.asset_id, Asset.tag.label("asset_tag"), Asset.name.label("asset_name"),
               Asset.location_id, D.category_id, D.rule_id, InspectionRule.inspection_type, D.statutory,
               D.last_inspection_id, D.last_inspected_date, D.last_outcome, D.due_date)
    stmt = cast("Select[Any]", select(*columns)
                .join(Asset, Asset.id == D.asset_id).join(InspectionRule, InspectionRule.id == D.rule_id)
                .where(state_condition(state, today)))
    if homes is not None:
        stmt = stmt.where(D.home_id.in_(homes))
    if category_id is not None:
        stmt = stmt.where(D.category_id == category_id)
    if rule_id is not None:
        stmt = stmt.where(D.rule_id == rule_id)
    return stmt


async def items_page(session: AsyncSession, stmt: Select[Any], *, cursor: str | None, limit: int) -> list[Row[Any]]:
    paged = paginate_query(stmt, sort="due_date", allowed=SORTS, id_col=D.id, cursor=cursor, limit=limit)
    return list((await session.execute(paged)).all())


