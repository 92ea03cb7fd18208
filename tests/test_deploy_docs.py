"""docs/operations.md stays true to the code: its configuration table lists every environment
variable the settings classes and the `carehub` command read, with the code's default."""

import re
from pathlib import Path

import click
import pytest
import typer.main
from pydantic_core import PydanticUndefined
from pydantic_settings import BaseSettings

import assets_api.settings
import careplan_api.settings
import feedback_api.settings
from carehub_gateway import cli, passwords
from carehub_gateway import settings as gateway_settings
from carehub_kit.settings import env_name

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs/operations.md"
SETTINGS: list[type[BaseSettings]] = [assets_api.settings.Settings, careplan_api.settings.Settings,
                                      feedback_api.settings.Settings, gateway_settings.Settings,
                                      passwords.HashSettings]


def documented() -> dict[str, str]:
    """Variable -> its Default cell, from the configuration reference table."""
    section = DOC.read_text(encoding="utf-8").split("## Configuration reference", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([A-Z0-9_]+)` \| ([^|]*) \|", section, flags=re.MULTILINE)
    return {name: default.strip() for name, default in rows}


def from_settings() -> dict[str, object]:
    found: dict[str, object] = {}
    for cls in SETTINGS:
        for field, info in cls.model_fields.items():
            found[env_name(cls, field)] = info.default
    return found


def from_cli() -> set[str]:
    command = typer.main.get_command(cli.cli)
    names: set[str] = set()

    def walk(cmd: click.Command) -> None:
        for param in cmd.params:
            envvar = getattr(param, "envvar", None)
            if envvar:
                names.update([envvar] if isinstance(envvar, str) else envvar)
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(command)
    return names


@pytest.mark.parametrize("name", sorted(from_settings()))
def test_every_setting_is_documented_with_its_default(name: str) -> None:
    table = documented()
    assert name in table, f"{name} is missing from the configuration reference"
    default = from_settings()[name]
    if default is None or default is PydanticUndefined:
        assert table[name].startswith("unset"), f"{name}: default should read 'unset…'"
    else:
        shown = str(default).lower() if isinstance(default, bool) else str(default)
        assert f"`{shown}`" in table[name], f"{name}: the code's default is {shown!r}, the table says {table[name]!r}"


def test_every_command_line_variable_is_documented() -> None:
    assert from_cli() - set(documented()) == set()
    assert {"CAREHUB_DATA_DIR", "CAREHUB_FRONTEND_DIST", "CAREHUB_DEMO"} <= from_cli()


def test_the_gateway_edge_and_its_checks_are_described() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert "## The gateway at the edge" in text
    assert "**`GET /auth/forward`**" in text
    assert "**`carehub serve`**" in text
    assert "tests/test_split_topology.py" in text
    assert "tests/load/bench_gateway.py" in text
    assert "to be provided" not in text.lower()
