"""Database engine and the one-transaction-per-request unit of work.

The session dependency is declared with `scope="function"`: FastAPI runs its teardown when the
endpoint returns, *before* the response is sent, so the commit happens (or fails) while the
client can still be told, and the connection is back in the pool before the bytes go out.
Closing it after the response was measured to leave connections busy and stall under load.
"""

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import MetaData, make_url
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def service_metadata(schema: str) -> MetaData:
    return MetaData(schema=schema, naming_convention=NAMING_CONVENTION)


def async_url(database_url: str) -> URL:
    """Any postgres URL (libpq style, as pgserver prints it) to the asyncpg dialect."""
    url = make_url(database_url)
    return url.set(drivername="postgresql+asyncpg")


def make_engine(database_url: str, *, pool_size: int = 5, statement_timeout_ms: int = 15_000,
                **kwargs: Any) -> AsyncEngine:
    return create_async_engine(
        async_url(database_url),
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,  # a restarted database is noticed, not served as a stale socket
        pool_timeout=5,
        connect_args={
            "timeout": 5,
            "server_settings": {"statement_timeout": str(statement_timeout_ms), "timezone": "UTC"},
        },
        **kwargs,
    )


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    maker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with maker() as session, session.begin():
        # session.begin() commits when the endpoint returns and rolls back on any exception.
        yield session


# One transaction per request, finished before the response leaves.
DbSession = Annotated[AsyncSession, Depends(_session, scope="function")]
