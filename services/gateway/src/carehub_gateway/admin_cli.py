"""`carehub users|clients|keys`: local accounts, API clients and token signing keys.

Each command works on the database in `DATABASE_URL`, or the embedded one under `--data-dir`
(it may be in use by a running `carehub run`: the embedded server is shared, not restarted).
Every change is audited in the gateway's audit trail, as done by `cli:<operating-system user>`.
Passwords and secrets are never echoed, logged or accepted as command-line arguments.
"""

import asyncio
import getpass
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_gateway import accounts, clients
from carehub_gateway import keys as signing_keys
from carehub_gateway.cli_common import DataDir, LogLevel, fail, stop_on_signals
from carehub_gateway.database import database
from carehub_gateway.db import MIGRATIONS_DIR, SCHEMA, audit
from carehub_gateway.passwords import Passwords, PolicyError, check_policy
from carehub_kit import migrations
from carehub_kit.auth import Role
from carehub_kit.db import make_engine, make_sessionmaker
from carehub_kit.identity import Actor
from carehub_kit.logging import configure_logging

T = TypeVar("T")
users_app = typer.Typer(no_args_is_help=True, help="People who sign in with a password.")
clients_app = typer.Typer(no_args_is_help=True, help="Systems that call the APIs (client-credentials grant).")
keys_app = typer.Typer(no_args_is_help=True, help="The keys the gateway signs its tokens with.")

Roles = Annotated[list[Role], typer.Option("--role", help="A role; repeat for several.")]
Homes = Annotated[str, typer.Option("--homes", help="Home ids, separated by commas.")]
PasswordStdin = Annotated[bool, typer.Option(
    "--password-stdin", help="Read the password from the first line of standard input.")]


def _operator() -> Actor:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return Actor(sub=f"cli:{user}", name="carehub command line")


def _in_transaction(data_dir: Path, log_level: str, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run `work` in one transaction on the gateway schema, which must be migrated."""
    configure_logging(log_level)

    async def go(url: str) -> T:
        engine = make_engine(url, pool_size=1)
        try:
            async with engine.connect() as conn:
                if await migrations.current_revision(conn, SCHEMA) != migrations.head_revision(MIGRATIONS_DIR):
                    raise fail("the gateway schema is not migrated. Run `carehub migrate` first.")
            async with make_sessionmaker(engine)() as db, db.begin():
                return await work(db)
        finally:
            await engine.dispose()

    with stop_on_signals(), database(data_dir) as url:
        try:
            return asyncio.run(go(url))
        except (accounts.AdminError, PolicyError) as refused:
            raise fail(str(refused)) from None
    raise fail("stopped")  # only reached when a signal interrupted the command


def _new_password(username: str, from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        check_policy(password, username=username)
    except PolicyError as refused:
        raise fail(str(refused)) from None
    return password


def _homes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


# users -----------------------------------------------------------------------------------------

@users_app.command("add")
def users_add(
    username: str,
    name: Annotated[str, typer.Option("--name", help="The person's name, as others see it.")],
    role: Roles,
    homes: Homes = "",
    password_stdin: PasswordStdin = False,
    data_dir: DataDir = Path(".carehub"),
    log_level: LogLevel = "WARNING",
) -> None:
    """Add an account. Asks for the password twice unless --password-stdin."""
    password = _new_password(username, password_stdin)

    async def work(db: AsyncSession) -> accounts.Account:
        return await accounts.create(db, Passwords(), _operator(), username=username, name=name,
                                     password=password, roles=role, homes=_homes(homes))

    made = _in_transaction(data_dir, log_level, work)
    typer.echo(f"Added {made.username} ({', '.join(made.roles)}).")


@users_app.command("list")
def users_list(data_dir: DataDir = Path(".carehub"), log_level: LogLevel = "WARNING") -> None:
    """List the accounts (never their passwords)."""
    found = _in_transaction(data_dir, log_level, accounts.list_all)
    for a in found:
        state = "disabled" if a.disabled else "active"
        typer.echo(f"{a.username}\t{a.name}\t{','.join(a.roles)}\t{','.join(a.homes) or '-'}\t{state}")
    if not found:
        typer.echo("No accounts.", err=True)


@users_app.command("disable")
def users_disable(username: str, data_dir: DataDir = Path(".carehub"), log_level: LogLevel = "WARNING") -> None:
    """Stop an account signing in, and end its sessions now."""
    _in_transaction(data_dir, log_level, lambda db: accounts.set_disabled(db, _operator(), username, True))
    typer.echo(f"Disabled {username}; their sessions have ended.")


@users_app.command("enable")
def users_enable(username: str, data_dir: DataDir = Path(".carehub"), log_level: LogLevel = "WARNING") -> None:
    """Let a disabled account sign in again."""
    _in_transaction(data_dir, log_level, lambda db: accounts.set_disabled(db, _operator(), username, False))
    typer.echo(f"Enabled {username}.")


@users_app.command("set-password")
def users_set_password(
    username: str, password_stdin: PasswordStdin = False, data_dir: DataDir = Path(".carehub"),
    log_level: LogLevel = "WARNING",
) -> None:
    """Set a new password (asked twice unless --password-stdin). Ends the account's sessions and
    lifts any sign-in back-off."""
    password = _new_password(username, password_stdin)
    _in_transaction(data_dir, log_level,
                    lambda db: accounts.set_password(db, Passwords(), _operator(), username, password))
    typer.echo(f"Password set for {username}; their sessions have ended.")


# clients ---------------------------------------------------------------------------------------

@clients_app.command("add")
def clients_add(
    name: str,
    role: Annotated[list[Role] | None, typer.Option("--role", help="A role; repeat for several.")] = None,
    homes: Homes = "",
    data_dir: DataDir = Path(".carehub"),
    log_level: LogLevel = "WARNING",
) -> None:
    """Add an API client; prints its id and secret. The secret is shown this once only."""
    async def work(db: AsyncSession) -> clients.NewClient:
        return await clients.add(db, Passwords(), _operator(), name=name, roles=role or [Role.integrator],
                                 homes=_homes(homes))

    made = _in_transaction(data_dir, log_level, work)
    typer.echo(f"client_id={made.client.client_id}")
    typer.echo(f"client_secret={made.secret}")
    typer.echo("Keep the secret now: it is stored only as a hash and cannot be shown again.", err=True)


@clients_app.command("list")
def clients_list(data_dir: DataDir = Path(".carehub"), log_level: LogLevel = "WARNING") -> None:
    """List the API clients (never their secrets)."""
    found = _in_transaction(data_dir, log_level, clients.list_all)
    for c in found:
        state = f"revoked {c.revoked_at:%Y-%m-%d %H:%M}Z" if c.revoked_at else "active"
        typer.echo(f"{c.client_id}\t{c.name}\t{','.join(c.roles)}\t{','.join(c.homes) or '-'}\t{state}")
    if not found:
        typer.echo("No API clients.", err=True)


@clients_app.command("revoke")
def clients_revoke(client_id: str, data_dir: DataDir = Path(".carehub"), log_level: LogLevel = "WARNING") -> None:
    """Refuse the client any new token (those it holds expire within 15 minutes)."""
    _in_transaction(data_dir, log_level, lambda db: clients.revoke(db, _operator(), client_id))
    typer.echo(f"Revoked {client_id}.")


# keys ------------------------------------------------------------------------------------------

@keys_app.command("rotate")
def keys_rotate(data_dir: DataDir = Path(".carehub"), log_level: LogLevel = "WARNING") -> None:
    """Make a new signing key. It signs every new token (a running gateway picks it up within a
    minute); the old one keeps verifying until the tokens it signed have expired."""
    async def work(db: AsyncSession) -> tuple[str | None, str]:
        old, new = await signing_keys.rotate(db)
        await audit.record(db, _operator(), "key.rotate", "signing_key", new, details={"retired": old})
        return old, new

    old, new = _in_transaction(data_dir, log_level, work)
    retired = f"; {old} verifies for another {int(signing_keys.STILL_VERIFIES_FOR.total_seconds() // 60)} min" \
        if old else ""
    typer.echo(f"New signing key {new}{retired}.")
