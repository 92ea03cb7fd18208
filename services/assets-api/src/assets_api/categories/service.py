"""Rules for categories, and extra-field validation for assets. Flushes, never commits."""

import uuid
from datetime import UTC, datetime
from typing import Any

from jsonschema import Draft202012Validator
from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.categories import repository
from assets_api.categories.models import Category
from assets_api.categories.schemas import CategoryCreate, CategoryUpdate
from assets_api.db import audit
from assets_api.types import field_error, required_cleared
from carehub_kit.concurrency import check_version
from carehub_kit.errors import ProblemError, not_found
from carehub_kit.identity import Actor

ENTITY = "category"


async def create(session: AsyncSession, actor: Actor, data: CategoryCreate) -> Category:
    if await repository.code_taken(session, data.code):
        raise field_error("code", "already used by another category", "unique", status=409)
    category = Category(**data.model_dump())
    session.add(category)
    await session.flush()
    await audit.record(session, actor, "create", ENTITY, category.id)
    return category


async def get(session: AsyncSession, category_id: uuid.UUID) -> Category:
    category = await repository.get(session, category_id)
    if category is None:
        raise not_found("category")
    return category


async def live(session: AsyncSession, category_id: uuid.UUID, field: str = "category_id") -> Category:
    """A category that may take new assets or rules, or 422 pointing at `field`."""
    category = await repository.get(session, category_id)
    if category is None or category.archived_at is not None:
        raise field_error(field, "no such category", "unknown_category")
    return category


def check_extra(category: Category, extra: dict[str, Any]) -> None:
    """422 with one error per problem, located under body.extra, when extra fields break the schema."""
    if category.extra_schema is None:
        if extra:
            raise field_error("extra", "this category has no extra fields", "extra_forbidden")
        return
    problems = sorted(Draft202012Validator(category.extra_schema).iter_errors(extra), key=lambda e: list(e.path))
    if problems:
        raise ProblemError(422, "The extra fields do not match the category's schema.", slug="validation", errors=[
            {"loc": ["body", "extra", *e.path], "msg": e.message[:300], "type": f"schema_{e.validator}"}
            for e in problems])


async def update(session: AsyncSession, actor: Actor, category_id: uuid.UUID, expected: int,
                 data: CategoryUpdate) -> Category:
    changes = data.model_dump(exclude_unset=True)
    required_cleared(changes, frozenset({"name"}))
    category = await get(session, category_id)
    check_version(category.version, expected)
    for field, value in changes.items():
        setattr(category, field, value)
    await session.flush()
    await audit.record(session, actor, "update", ENTITY, category.id, details={"fields": sorted(changes)})
    return category


async def archive(session: AsyncSession, actor: Actor, category_id: uuid.UUID, expected: int) -> Category:
    """Archived categories take no new assets or rules; existing assets keep theirs."""
    category = await get(session, category_id)
    check_version(category.version, expected)
    if category.archived_at is None:
        category.archived_at = datetime.now(UTC)
        await session.flush()
        await audit.record(session, actor, "archive", ENTITY, category.id)
    return category
