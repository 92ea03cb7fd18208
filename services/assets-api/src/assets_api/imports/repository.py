"""Every query of the imports module."""

import uuid
from typing import Any

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from assets_api.assets.models import TAG_SEQUENCE, Asset
from assets_api.categories.models import Category
from assets_api.imports.models import ImportJob
from assets_api.locations.models import Location


async def get(session: AsyncSession, job_id: uuid.UUID) -> ImportJob | None:
    return await session.get(ImportJob, job_id)


def _job_lock_key(job_id: uuid.UUID) -> Any:
    return func.hashtextextended(f"assets.import.{job_id}", 0)


async def hold_job(conn: AsyncConnection, job_id: uuid.UUID) -> None:
    """Mark the job as being run by this process: a session-level advisory lock on a connection
    kept for the whole run. PostgreSQL drops it when the connection dies with its process."""
    await conn.execute(select(func.pg_advisory_lock(_job_lock_key(job_id))))
    await conn.commit()


async def release_job(conn: AsyncConnection, job_id: uuid.UUID) -> None:
    await conn.execute(select(func.pg_advisory_unlock(_job_lock_key(job_id))))
    await conn.commit()


async def nobody_runs(session: AsyncSession, job_id: uuid.UUID) -> bool:
    """True when no process holds the job's lock (its runner died, or never started)."""
    free = bool(await session.scalar(select(func.pg_try_advisory_lock(_job_lock_key(job_id)))))
    if free:
        await session.execute(select(func.pg_advisory_unlock(_job_lock_key(job_id))))
    return free


async def set_fields(conn: AsyncConnection, job_id: uuid.UUID, **values: Any) -> None:
    """Progress is written in its own short transaction, so pollers see it while the import's
    own transaction is still open."""
    await conn.execute(update(ImportJob).where(ImportJob.id == job_id).values(**values))


async def live_categories(session: AsyncSession) -> dict[str, Category]:
    rows = await session.scalars(select(Category).where(Category.archived_at.is_(None)))
    return {c.code: c for c in rows}


async def home_locations(session: AsyncSession, home_id: uuid.UUID) -> frozenset[uuid.UUID]:
    rows = await session.scalars(select(Location.id).where(Location.home_id == home_id,
                                                           Location.archived_at.is_(None)))
    return frozenset(rows)


async def taken_tags(session: AsyncSession, tags: list[str]) -> set[str]:
    if not tags:
        return set()
    return set(await session.scalars(select(Asset.tag).where(Asset.tag.in_(tags))))


async def next_tags(session: AsyncSession, n: int) -> list[str]:
    rows = await session.scalars(select(TAG_SEQUENCE.next_value()).select_from(func.generate_series(1, n)))
    return [f"CH-{v:06d}" for v in rows]


async def insert_assets(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    await session.execute(insert(Asset), rows)


async def insert_audit(session: AsyncSession, table: Any, rows: list[dict[str, Any]]) -> None:
    await session.execute(insert(table), rows)


async def lock_tags(session: AsyncSession) -> None:
    """One real import at a time takes tags: a transaction-scoped advisory lock, so two imports
    of the same tag cannot both pass the duplicate check."""
    await session.execute(text("SELECT pg_advisory_xact_lock(hashtext('assets.import'))"))
