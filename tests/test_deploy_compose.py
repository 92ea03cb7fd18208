"""docker-compose.yml, checked without a container engine: valid against the Compose
Specification's JSON schema (the copy that the check-jsonschema package ships), and the
deployment's own rules: one published port, migrations before services, secrets only in
git-ignored env files with committed examples."""

import importlib
import json
import re
import subprocess
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
APIS = ("assets-api", "careplan-api", "feedback-api")
PYTHON_SERVICES = (*APIS, "gateway")
SCHEMAS = ("assets", "careplan", "feedback", "gateway")


def compose_schema() -> dict[str, Any]:
    vendored = resources.files("check_jsonschema.builtin_schemas.vendor")
    return json.loads((vendored / "compose-spec.json").read_text(encoding="utf-8"))


def validation_errors(document: dict[str, Any]) -> list[str]:
    schema = compose_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))  # resolves anchors and `<<` merges


def default_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What `docker compose up` starts: every service not behind a profile."""
    return {name: s for name, s in compose["services"].items() if not s.get("profiles")}


def env_files(service: dict[str, Any]) -> list[str]:
    return [f if isinstance(f, str) else f["path"] for f in service.get("env_file", [])]


class TestSchema:
    def test_the_compose_file_is_valid(self, compose: dict[str, Any]) -> None:
        assert validation_errors(compose) == []

    def test_a_misspelt_field_fails(self, compose: dict[str, Any]) -> None:
        broken = json.loads(json.dumps(compose))
        broken["services"]["gateway"]["helthcheck"] = broken["services"]["gateway"].pop("healthcheck")
        assert any("helthcheck" in error for error in validation_errors(broken))

    def test_a_wrong_type_fails(self, compose: dict[str, Any]) -> None:
        broken = json.loads(json.dumps(compose))
        broken["services"]["db"]["depends_on"] = {"x": {"condition": "when_it_feels_like_it"}}
        assert validation_errors(broken)


class TestTopology:
    def test_nginx_publishes_the_only_port(self, compose: dict[str, Any]) -> None:
        published = {name: s["ports"] for name, s in default_services(compose).items() if s.get("ports")}
        assert list(published) == ["nginx"]
        assert len(published["nginx"]) == 1
        assert published["nginx"][0].startswith("127.0.0.1:")

    def test_a_bare_database_for_development_stays_behind_a_profile(self, compose: dict[str, Any]) -> None:
        dev = compose["services"]["dev-db"]
        assert dev["profiles"] == ["dev"]
        assert dev["image"] == compose["services"]["db"]["image"] == "postgres:16"

    @pytest.mark.parametrize("schema", SCHEMAS)
    def test_one_migration_job_per_schema_with_that_schemas_role(self, compose: dict[str, Any], schema: str) -> None:
        job = compose["services"][f"migrate-{schema}"]
        assert job["command"] == ["carehub", "migrate", "--service", schema]
        assert job["restart"] == "no"
        assert job["image"] == compose["services"]["gateway"]["image"]  # the image with every package
        service_env = env_files(compose["services"]["gateway" if schema == "gateway" else f"{schema}-api"])
        assert env_files(job) == service_env
        assert job["depends_on"]["db"]["condition"] == "service_healthy"

    @pytest.mark.parametrize("name", PYTHON_SERVICES)
    def test_each_service_waits_for_its_migration(self, compose: dict[str, Any], name: str) -> None:
        schema = name.removesuffix("-api")
        service = compose["services"][name]
        assert service["depends_on"][f"migrate-{schema}"]["condition"] == "service_completed_successfully"

    @pytest.mark.parametrize("name", [*PYTHON_SERVICES, "db", "keycloak", "nginx"])
    def test_long_running_services_have_healthchecks_and_restart(self, compose: dict[str, Any], name: str) -> None:
        service = compose["services"][name]
        assert service["healthcheck"]["test"]
        assert service["restart"] == "unless-stopped"

    @pytest.mark.parametrize("name", PYTHON_SERVICES)
    def test_python_services_check_healthz_and_run_locked_down(self, compose: dict[str, Any], name: str) -> None:
        service = compose["services"][name]
        assert "/healthz" in " ".join(service["healthcheck"]["test"])
        assert service["read_only"] is True
        assert service["cap_drop"] == ["ALL"]

    def test_the_database_is_on_an_internal_network_only(self, compose: dict[str, Any]) -> None:
        assert compose["networks"]["backend"]["internal"] is True
        assert compose["services"]["db"]["networks"] == ["backend"]
        for name in APIS:
            assert compose["services"][name]["networks"] == ["backend"]

    def test_the_database_starts_with_the_role_script(self, compose: dict[str, Any]) -> None:
        mounts = compose["services"]["db"]["volumes"]
        assert "./infra/postgres/init:/docker-entrypoint-initdb.d:ro" in mounts
        assert any(m.startswith("carehub-db:") for m in mounts)
        assert "carehub-db" in compose["volumes"]

    def test_keycloak_imports_the_realm(self, compose: dict[str, Any]) -> None:
        keycloak = compose["services"]["keycloak"]
        assert "--import-realm" in keycloak["command"]
        assert "./infra/keycloak:/opt/keycloak/data/import:ro" in keycloak["volumes"]
        assert keycloak["image"].startswith("quay.io/keycloak/keycloak:")

    def test_nginx_mounts_the_routing_config(self, compose: dict[str, Any]) -> None:
        for mount in compose["services"]["nginx"]["volumes"]:
            assert (ROOT / mount.split(":")[0]).is_file(), mount

    def test_builds_name_dockerfiles_that_exist(self, compose: dict[str, Any]) -> None:
        for name, service in compose["services"].items():
            if "build" in service:
                assert service["build"]["context"] == "."
                assert (ROOT / service["build"]["dockerfile"]).is_file(), name


class TestSecrets:
    def test_every_env_file_has_a_committed_example(self, compose: dict[str, Any]) -> None:
        for service in compose["services"].values():
            for path in env_files(service):
                assert path.startswith("infra/env/")
                assert path.endswith(".env")
                assert (ROOT / f"{path}.example").is_file(), path

    def test_env_files_are_git_ignored_and_examples_are_not(self) -> None:
        checked = subprocess.run(
            ["git", "check-ignore", "--no-index", "-v", "infra/env/gateway.env", "infra/env/gateway.env.example"],
            cwd=ROOT, capture_output=True, text=True, check=False)
        ignored = {line.split("\t")[-1] for line in checked.stdout.splitlines()}
        assert ignored == {"infra/env/gateway.env"}

    def test_the_compose_file_holds_no_secret_but_the_dev_database_password(self, compose: dict[str, Any]) -> None:
        for name, service in compose["services"].items():
            for key in service.get("environment", {}):
                if re.search("PASSWORD|SECRET", key):
                    assert name == "dev-db", f"{name} sets {key} inline: put it in its env file"

    def test_database_passwords_agree_between_examples(self) -> None:
        postgres = dict(line.split("=", 1) for line in _settings(ROOT / "infra/env/postgres.env.example"))
        for schema in SCHEMAS:
            service = dict(line.split("=", 1) for line in _settings(ROOT / f"infra/env/{schema}.env.example"))
            url = service["DATABASE_URL"]
            assert url == f"postgresql://{schema}:{postgres[f'{schema.upper()}_DB_PASSWORD']}@db:5432/{postgres['POSTGRES_DB']}"


def _settings(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize(("env", "settings_path"), [
    ("assets", "assets_api.settings:Settings"), ("careplan", "careplan_api.settings:Settings"),
    ("feedback", "feedback_api.settings:Settings"), ("gateway", "carehub_gateway.settings:Settings"),
])
def test_each_env_example_is_accepted_by_its_reader(monkeypatch: pytest.MonkeyPatch, env: str,
                                                    settings_path: str) -> None:
    for line in _settings(ROOT / f"infra/env/{env}.env.example"):
        name, value = line.split("=", 1)
        monkeypatch.setenv(name, value)
    module, _, cls = settings_path.partition(":")
    settings = getattr(importlib.import_module(module), cls)()
    assert settings.database_url.startswith(f"postgresql://{env}:")
    assert settings.auth_jwks_url == "http://gateway:8000/auth/jwks.json"
    if env == "gateway":
        assert settings.oidc_enabled
        assert settings.trust_proxy is True
