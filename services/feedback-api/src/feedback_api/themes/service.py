"""Rules for themes: admins add and rename them; archived themes take no new feedback."""

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.concurrency import check_version
from carehub_kit.errors import not_found
from carehub_kit.identity import Actor
from feedback_api.common import field_error
from feedback_api.db import audit
from feedback_api.themes import repository
from feedback_api.themes.models import Theme
from feedback_api.themes.schemas import ThemeCreate, ThemeUpdate

ENTITY = "theme"


async def create(session: AsyncSession, actor: Actor, data: ThemeCreate) -> Theme:
    if await repository.code_taken(session, data.code):
        raise field_error(["body", "code"], "already used by another theme", "unique", status=409)
    theme = Theme(code=data.code, name=data.name)
    session.add(theme)
    await session.flush()
    await audit.record(session, actor, "create", ENTITY, theme.id, details={"fields": ["code", "name"]})
    return theme


async def get(session: AsyncSession, theme_id: uuid.UUID) -> Theme:
    theme = await repository.get(session, theme_id)
    if theme is None:
        raise not_found("theme")
    return theme


async def require_usable(session: AsyncSession, theme_id: uuid.UUID, loc: list[str | int]) -> Theme:
    """The theme for a new item or action: it must exist and not be archived (422 at `loc`)."""
    theme = await repository.get(session, theme_id)
    if theme is None or theme.archived_at is not None:
        raise field_error(loc, "no such theme (or it is archived)", "not_found")
    return theme


async def update(session: AsyncSession, actor: Actor, theme_id: uuid.UUID, expected: int,
                 data: ThemeUpdate) -> Theme:
    theme = await get(session, theme_id)
    check_version(theme.version, expected)
    theme.name = data.name
    await session.flush()
    await audit.record(session, actor, "update", ENTITY, theme.id, details={"fields": ["name"]})
    return theme


async def archive(session: AsyncSession, actor: Actor, theme_id: uuid.UUID, expected: int) -> Theme:
    theme = await get(session, theme_id)
    check_version(theme.version, expected)
    if theme.archived_at is None:
        theme.archived_at = datetime.now(UTC)
        await session.flush()
        await audit.record(session, actor, "archive", ENTITY, theme.id)
    return theme
