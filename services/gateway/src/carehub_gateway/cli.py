"""`carehub`: run Care Hub on one port (`run`), or the gateway alone behind nginx (`serve`);
migrate its schemas, seed the demo data, write the OpenAPI contracts; and look after sign-in
(`users`, `clients`, `keys`: see admin_cli).

Without `DATABASE_URL` every command but `serve` uses an embedded PostgreSQL kept under `--data-dir`
(default `.carehub`), started for the command and stopped when it ends.
"""

import asyncio
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from sqlalchemy.exc import DBAPIError

from carehub_gateway import admin_cli, keys
from carehub_gateway import openapi as contracts
from carehub_gateway.app import create_gateway_app
from carehub_gateway.cli_common import DataDir, LogLevel, fail, stop_on_signals
from carehub_gateway.database import database
from carehub_gateway.seed import SeedResult, seed_demo_once
from carehub_gateway.services import SCHEMAS, SERVICES
from carehub_gateway.settings import Settings
from carehub_gateway.spa import DEFAULT_DIST
from carehub_kit import migrations
from carehub_kit.db import make_engine
from carehub_kit.logging import configure_logging, get_logger
from carehub_kit.settings import load_settings

log = get_logger("carehub.cli")
cli = typer.Typer(
    name="carehub", no_args_is_help=True, add_completion=False, rich_markup_mode=None,
    help="Care Hub: run it on one port (or serve the gateway alone), migrate its schemas, seed the demo "
    "data, write the OpenAPI contracts, manage sign-in. Without DATABASE_URL, commands use an embedded "
    "PostgreSQL kept under --data-dir.",
)
cli.add_typer(admin_cli.users_app, name="users")
cli.add_typer(admin_cli.clients_app, name="clients")
cli.add_typer(admin_cli.keys_app, name="keys")


class Schema(StrEnum):
    all = "all"
    assets = "assets"
    careplan = "careplan"
    feedback = "feedback"
    gateway = "gateway"


class Api(StrEnum):
    all = "all"
    assets = "assets"
    careplan = "careplan"
    feedback = "feedback"


def migrate_schemas(database_url: str, which: Schema = Schema.all) -> None:
    """Bring each chosen schema to its Alembic head. Synchronous: Alembic runs its own loop."""
    for name, schema, migrations_dir in SCHEMAS:
        if which in (Schema.all, name):
            try:
                migrations.upgrade(migrations_dir, database_url, schema)
            except (OSError, DBAPIError) as exc:
                raise fail(f"cannot migrate schema {schema!r}: {type(exc).__name__}: "
                            "is the database in DATABASE_URL running and reachable?") from None
            log.info("schema_at_head", schema=schema, revision=migrations.head_revision(migrations_dir))


async def _behind(database_url: str) -> list[str]:
    engine = make_engine(database_url, pool_size=1)
    try:
        async with engine.connect() as conn:
            return [schema for _name, schema, migrations_dir in SCHEMAS
                    if await migrations.current_revision(conn, schema)
                    != migrations.head_revision(migrations_dir)]
    finally:
        await engine.dispose()


def _report_seed(result: SeedResult) -> None:
    if result.added:
        log.info("demo_data_seeded", parts=result.added, homes=len(result.details.get("home_ids", [])))
    else:
        log.info("demo_data_already_present", parts=result.present)
    if "accounts" in result.added:
        log.warning("demo_accounts_created", accounts=result.details.get("demo_accounts", []),
                    advice="they share the password in the README: for real use, disable them with "
                    "`carehub users disable` and add real accounts")


@cli.command()
def run(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    data_dir: DataDir = Path(".carehub"),
    frontend_dist: Annotated[Path | None, typer.Option(
        envvar="CAREHUB_FRONTEND_DIST", help="The built web app (default: frontend/dist).")] = None,
    log_level: LogLevel = "INFO",
    demo: Annotated[bool, typer.Option(
        envvar="CAREHUB_DEMO",
        help="Seed the demo data and demo accounts (public password) on first start. "
        "Use --no-demo for a database that holds real records.")] = True,
) -> None:
    """Start the database if embedded, migrate every schema, seed the demo data on first start,
    and serve the web app and the three APIs on one port."""
    configure_logging(log_level)
    with stop_on_signals(), database(data_dir) as url:
        os.environ["DATABASE_URL"] = url  # the services' settings read it too
        migrate_schemas(url)
        if demo:
            _report_seed(asyncio.run(seed_demo_once(url)))
        asyncio.run(keys.ensure_active_once(url))  # the first signing key, on the first start
        app = create_gateway_app(url, frontend_dist=frontend_dist or DEFAULT_DIST)
        server = uvicorn.Server(uvicorn.Config(
            app, host=host, port=port, log_config=None, access_log=False, lifespan="on",
            server_header=False,
        ))
        typer.echo(f"Care Hub: http://{host}:{port}/  (Ctrl-C to stop)", err=True)
        server.run()  # returns after a graceful shutdown; the signal is then re-raised to us
        if not server.started:
            raise fail("the server did not start (see the log above)")


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    frontend_dist: Annotated[Path | None, typer.Option(
        envvar="CAREHUB_FRONTEND_DIST", help="The built web app (default: frontend/dist).")] = None,
    log_level: LogLevel = "INFO",
) -> None:
    """Serve the gateway alone, as its container does: sign-in, /auth/forward for nginx, tokens,
    JWKS and the web app. No services mounted, no migrations, no demo data, and no embedded
    database: DATABASE_URL (the gateway's own role) is required."""
    configure_logging(log_level)
    if not os.environ.get("DATABASE_URL"):
        raise fail("`carehub serve` needs DATABASE_URL (the gateway's database role); "
                   "`carehub run` starts everything on one port with an embedded database.")
    with stop_on_signals():
        url = load_settings(Settings).database_url
        asyncio.run(keys.ensure_active_once(url))  # the first signing key, on the first start
        app = create_gateway_app(url, frontend_dist=frontend_dist or DEFAULT_DIST, with_services=False)
        server = uvicorn.Server(uvicorn.Config(
            app, host=host, port=port, log_config=None, access_log=False, lifespan="on",
            server_header=False, timeout_graceful_shutdown=25,
        ))
        server.run()
        if not server.started:
            raise fail("the server did not start (see the log above)")


@cli.command()
def migrate(
    service: Annotated[Schema, typer.Option(help="Which schema to migrate.")] = Schema.all,
    data_dir: DataDir = Path(".carehub"),
    log_level: LogLevel = "INFO",
) -> None:
    """Bring the database schemas to the latest migration."""
    configure_logging(log_level)
    with stop_on_signals(), database(data_dir) as url:
        migrate_schemas(url, service)


@cli.command("seed-demo")
def seed_demo(data_dir: DataDir = Path(".carehub"), log_level: LogLevel = "INFO") -> None:
    """Add the demo data set, unless it is already there. Run `carehub migrate` first."""
    configure_logging(log_level)
    with stop_on_signals(), database(data_dir) as url:
        behind = asyncio.run(_behind(url))
        if behind:
            raise fail(f"not migrated: {', '.join(behind)}. Run `carehub migrate` first.")
        result = asyncio.run(seed_demo_once(url))
        _report_seed(result)
        added = f"added: {', '.join(result.added)}" if result.added else "added nothing"
        typer.echo(f"Demo data {added} (already there: {', '.join(result.present) or 'none'}).")


@cli.command()
def openapi(
    service: Annotated[Api, typer.Option(help="Which service's contract.")] = Api.all,
    out_dir: Annotated[Path | None, typer.Option(
        help="Write <service>.json here instead of services/<svc>/openapi.json.")] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Write nothing; fail if a committed contract is out of date.")] = False,
) -> None:
    """Write each service's OpenAPI contract (the committed services/<svc>/openapi.json)."""
    chosen = [s for s in SERVICES if service in (Api.all, s.name)]
    stale = []
    for s in chosen:
        target = out_dir / f"{s.name}.json" if out_dir else None
        if check:
            if not contracts.is_current(s, target):
                stale.append(s.name)
            continue
        typer.echo(f"wrote {_shown(contracts.write(s, target))}")
    if stale:
        raise fail(f"OpenAPI contract out of date for {', '.join(stale)}: run `make openapi`.")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main() -> None:
    cli()
