"""The `carehub` command in-process: migrate, seed-demo, openapi, and serve's refusal without a database."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from carehub_gateway import openapi
from carehub_gateway.cli import cli
from carehub_gateway.services import SERVICES
from carehub_kit.logging import configure_logging

runner = CliRunner()


@pytest.fixture(autouse=True)
def _logs_to_the_test_session() -> None:
    """The kit's logging binds the stdout it first sees; make that pytest's, not a CliRunner's
    (which is closed when the command returns)."""
    configure_logging()


def test_migrate_then_seed_demo_once(empty_database_url: str, tmp_path: Path) -> None:
    env = {"DATABASE_URL": empty_database_url}
    unmigrated = runner.invoke(cli, ["seed-demo"], env=env)
    assert unmigrated.exit_code == 1
    assert "Run `carehub migrate` first" in unmigrated.output

    assert runner.invoke(cli, ["migrate", "--service", "gateway"], env=env).exit_code == 0
    assert runner.invoke(cli, ["seed-demo"], env=env).exit_code == 1  # the services are still behind
    assert runner.invoke(cli, ["migrate"], env=env).exit_code == 0

    first = runner.invoke(cli, ["seed-demo"], env=env)
    assert first.exit_code == 0, first.output
    assert "added: assets" in first.output
    again = runner.invoke(cli, ["seed-demo"], env=env)
    assert again.exit_code == 0
    assert "added nothing" in again.output


def test_bad_database_url_is_one_clear_line() -> None:
    result = runner.invoke(cli, ["migrate"], env={"DATABASE_URL": "mysql://nope"})
    assert result.exit_code != 0
    assert "DATABASE_URL" in result.output
    assert "Traceback" not in result.output


def test_openapi_contracts_are_deterministic(tmp_path: Path) -> None:
    result = runner.invoke(cli, ["openapi", "--out-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for service in SERVICES:
        text = (tmp_path / f"{service.name}.json").read_text()
        assert text == openapi.render(service)
        assert text.endswith("}\n")
        assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert runner.invoke(cli, ["openapi", "--check", "--out-dir", str(tmp_path)]).exit_code == 0


@pytest.mark.parametrize("service", ["careplan"])
def test_openapi_check_fails_on_a_stale_contract(tmp_path: Path, service: str) -> None:
    assert runner.invoke(cli, ["openapi", "--service", service, "--out-dir", str(tmp_path)]).exit_code == 0
    (tmp_path / f"{service}.json").write_text("{}\n")
    stale = runner.invoke(cli, ["openapi", "--service", service, "--check", "--out-dir", str(tmp_path)])
    assert stale.exit_code == 1
    assert "out of date for careplan" in stale.output


def test_serve_needs_a_database_url_and_never_embeds_one() -> None:
    result = runner.invoke(cli, ["serve"], env={"DATABASE_URL": ""})
    assert result.exit_code == 1
    assert "`carehub serve` needs DATABASE_URL" in result.output
    assert "Traceback" not in result.output
