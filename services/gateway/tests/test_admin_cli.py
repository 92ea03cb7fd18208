"""`carehub users|clients|keys`, run in-process against the test database (in a worker thread:
each command runs its own event loop), checked through the running gateway."""

import functools
import re
from pathlib import Path

import httpx
import pytest
from click.testing import Result
from fastapi import FastAPI
from gateway_support import gateway_execute
from typer.testing import CliRunner

from carehub_gateway.cli import cli
from carehub_kit.logging import configure_logging
from carehub_kit.testing import run_off_loop

runner = CliRunner()
HOME = "6a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
PASSWORD = "a sensible long password"


@pytest.fixture(autouse=True)
def _cli_logs_to_the_test_session() -> None:
    configure_logging()  # see test_cli.py: bind logging before a CliRunner swaps stdout


@pytest.fixture
def carehub(gateway_database_url: str, gateway_client: httpx.AsyncClient) -> "Carehub":
    """Runs `carehub ...` on the test database; the gateway client (and its clean-up) comes along."""
    return Carehub(gateway_database_url)


class Carehub:
    def __init__(self, database_url: str) -> None:
        self.env = {"DATABASE_URL": database_url}

    def __call__(self, *args: str, input: str | None = None) -> Result:
        call = functools.partial(runner.invoke, cli, list(args), input=input, env=self.env)
        result: Result = run_off_loop(call)
        return result


async def _login(client: httpx.AsyncClient, username: str, password: str = PASSWORD) -> int:
    return (await client.post("/auth/login", json={"username": username, "password": password})).status_code


async def test_users_add_list_and_sign_in(carehub: Carehub, gateway_client: httpx.AsyncClient) -> None:
    added = carehub("users", "add", "Sam.Nurse", "--name", "Sam Nurse", "--role", "nurse", "--role", "senior_carer",
                    "--homes", f"{HOME}, {HOME}", "--password-stdin", input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert "Added Sam.Nurse (nurse, senior_carer)." in added.output
    assert PASSWORD not in added.output

    listed = carehub("users", "list")
    assert listed.exit_code == 0
    assert listed.output.strip() == f"Sam.Nurse\tSam Nurse\tnurse,senior_carer\t{HOME}\tactive"
    assert await _login(gateway_client, "sam.nurse") == 200
    me = (await gateway_client.get("/auth/me")).json()
    assert (me["roles"], me["homes"]) == (["nurse", "senior_carer"], [HOME])


async def test_the_password_is_asked_twice_when_not_on_stdin(carehub: Carehub,
                                                             gateway_client: httpx.AsyncClient) -> None:
    mismatch = carehub("users", "add", "pat", "--name", "Pat", "--role", "nurse",
                       input=f"{PASSWORD}\nsomething else entirely\n")
    assert mismatch.exit_code != 0
    asked = carehub("users", "add", "pat", "--name", "Pat", "--role", "nurse", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert asked.exit_code == 0, asked.output
    assert PASSWORD not in asked.output  # hidden input
    assert await _login(gateway_client, "pat") == 200


@pytest.mark.parametrize(("args", "password", "message"), [
    (["--role", "nurse"], "password1234", "too common"),
    (["--role", "nurse"], "too-short", "at least 12 characters"),
    (["--role", "nurse", "--homes", "not-a-uuid"], PASSWORD, "is not a home id"),
])
async def test_bad_input_is_refused_in_one_line(carehub: Carehub, gateway_app: FastAPI, args: list[str],
                                                password: str, message: str) -> None:
    result = carehub("users", "add", "lee", "--name", "Lee", *args, "--password-stdin", input=password + "\n")
    assert result.exit_code == 1
    assert message in result.output
    assert password not in result.output
    assert await gateway_execute(gateway_app, "SELECT 1 FROM gateway.account") == []


async def test_unknown_roles_and_taken_usernames_are_refused(carehub: Carehub) -> None:
    astronaut = carehub("users", "add", "lee", "--name", "Lee", "--role", "astronaut", "--password-stdin",
                        input=PASSWORD + "\n")
    assert astronaut.exit_code == 2
    assert carehub("users", "add", "lee", "--name", "Lee", "--role", "nurse", "--password-stdin",
                   input=PASSWORD + "\n").exit_code == 0
    taken = carehub("users", "add", "LEE", "--name", "Lee", "--role", "nurse", "--password-stdin",
                    input=PASSWORD + "\n")
    assert taken.exit_code == 1
    assert "already exists" in taken.output


async def test_disable_enable_and_set_password(carehub: Carehub, gateway_client: httpx.AsyncClient,
                                               gateway_app: FastAPI) -> None:
    carehub("users", "add", "kim", "--name", "Kim", "--role", "care_worker", "--password-stdin", input=PASSWORD + "\n")
    assert await _login(gateway_client, "kim") == 200

    disabled = carehub("users", "disable", "kim")
    assert disabled.exit_code == 0
    assert (await gateway_client.get("/auth/me")).status_code == 401  # signed out at once
    assert await _login(gateway_client, "kim") == 401
    assert "\tdisabled" in carehub("users", "list").output
    assert carehub("users", "enable", "kim").exit_code == 0
    assert await _login(gateway_client, "kim") == 200

    new_password = "another sensible password"
    changed = carehub("users", "set-password", "kim", "--password-stdin", input=new_password + "\n")
    assert changed.exit_code == 0, changed.output
    assert (await gateway_client.get("/auth/me")).status_code == 401
    assert await _login(gateway_client, "kim") == 401
    assert await _login(gateway_client, "kim", new_password) == 200
    assert carehub("users", "disable", "nobody").exit_code == 1

    audit = await gateway_execute(gateway_app, "SELECT action, actor_sub FROM gateway.audit_event "
                                  "WHERE actor_sub LIKE 'cli:%' ORDER BY at")
    assert [r.action for r in audit] == ["account.create", "account.disable", "account.enable",
                                         "account.set_password"]


async def test_clients_add_list_revoke(carehub: Carehub, gateway_client: httpx.AsyncClient) -> None:
    added = carehub("clients", "add", "Rota System", "--role", "integrator", "--homes", HOME)
    assert added.exit_code == 0, added.output
    client_id = re.search(r"client_id=(\S+)", added.output)
    secret = re.search(r"client_secret=(\S+)", added.output)
    assert client_id
    assert secret
    assert "cannot be shown again" in added.output

    listed = carehub("clients", "list").output
    assert f"{client_id[1]}\tRota System\tintegrator\t{HOME}\tactive" in listed
    assert secret[1] not in listed
    form = {"grant_type": "client_credentials", "client_id": client_id[1], "client_secret": secret[1]}
    assert (await gateway_client.post("/auth/token", data=form)).status_code == 200

    assert carehub("clients", "revoke", client_id[1]).exit_code == 0
    assert "\trevoked " in carehub("clients", "list").output
    assert (await gateway_client.post("/auth/token", data=form)).json()["error"] == "invalid_client"
    assert carehub("clients", "revoke", "no-such-client").exit_code == 1


async def test_clients_default_to_the_integrator_role(carehub: Carehub, gateway_app: FastAPI) -> None:
    assert carehub("clients", "add", "Finance").exit_code == 0
    rows = await gateway_execute(gateway_app, "SELECT roles, homes FROM gateway.api_client")
    assert [(r.roles, r.homes) for r in rows] == [(["integrator"], [])]


async def test_keys_rotate(carehub: Carehub, gateway_client: httpx.AsyncClient, gateway_app: FastAPI) -> None:
    first = carehub("keys", "rotate")  # no key yet: simply makes one
    assert first.exit_code == 0, first.output
    assert re.fullmatch(r"New signing key \w+\.\n", first.output), first.output
    second = carehub("keys", "rotate")
    assert re.search(r"New signing key \w+; \w+ verifies for another 15 min\.", second.output), second.output
    rows = await gateway_execute(gateway_app, "SELECT retired_at IS NULL AS active FROM gateway.signing_key")
    assert sorted(r.active for r in rows) == [False, True]
    published = (await gateway_client.get("/auth/jwks.json")).json()["keys"]
    assert len(published) == 2  # the retired key may still have live tokens


def test_commands_refuse_an_unmigrated_database(empty_database_url: str, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["users", "list"], env={"DATABASE_URL": empty_database_url})
    assert result.exit_code == 1
    assert "Run `carehub migrate` first" in result.output
