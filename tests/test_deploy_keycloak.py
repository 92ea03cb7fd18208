"""The Keycloak realm that compose imports (infra/keycloak/carehub-realm.json): Care Hub's eight
roles, the gateway's confidential client with PKCE, the mappers that put `roles` and `homes`
into the tokens where the gateway reads them, and demo users who must change their password."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from carehub_kit.auth import ALL_ROLES

ROOT = Path(__file__).resolve().parents[1]
REALM = ROOT / "infra/keycloak/carehub-realm.json"


@pytest.fixture(scope="module")
def realm() -> dict[str, Any]:
    return json.loads(REALM.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def client(realm: dict[str, Any]) -> dict[str, Any]:
    (gateway,) = [c for c in realm["clients"] if c["clientId"] == "carehub-gateway"]
    return gateway


def env_example(name: str) -> dict[str, str]:
    lines = (ROOT / f"infra/env/{name}.env.example").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def mapper(client: dict[str, Any], name: str) -> dict[str, Any]:
    (found,) = [m for m in client["protocolMappers"] if m["name"] == name]
    return found


def test_the_realm_is_carehub(realm: dict[str, Any]) -> None:
    assert realm["realm"] == "carehub"
    assert realm["enabled"] is True
    assert realm["registrationAllowed"] is False


def test_realm_roles_are_exactly_the_eight_care_hub_roles(realm: dict[str, Any]) -> None:
    names = [r["name"] for r in realm["roles"]["realm"]]
    assert sorted(names) == sorted(ALL_ROLES)
    assert len(names) == 8


def test_the_gateway_is_a_confidential_client_with_pkce(client: dict[str, Any]) -> None:
    assert client["publicClient"] is False
    assert client["clientAuthenticatorType"] == "client-secret"
    assert client["standardFlowEnabled"] is True
    assert client["implicitFlowEnabled"] is False
    assert client["directAccessGrantsEnabled"] is False
    assert client["attributes"]["pkce.code.challenge.method"] == "S256"
    assert client["redirectUris"] == ["${CAREHUB_PUBLIC_URL}/auth/oidc/callback"]


def test_the_client_secret_and_urls_come_from_the_environment(client: dict[str, Any]) -> None:
    keycloak, gateway = env_example("keycloak"), env_example("gateway")
    placeholders = set(re.findall(r"\$\{([A-Z_]+)\}", REALM.read_text(encoding="utf-8")))
    assert placeholders == {"CAREHUB_PUBLIC_URL", "CAREHUB_GATEWAY_CLIENT_SECRET"}
    assert placeholders <= set(keycloak)
    assert gateway["OIDC_CLIENT_ID"] == client["clientId"]
    assert gateway["OIDC_CLIENT_SECRET"] == keycloak["CAREHUB_GATEWAY_CLIENT_SECRET"]
    assert gateway["OIDC_ISSUER"] == f"{keycloak['CAREHUB_PUBLIC_URL']}/idp/realms/carehub"
    assert gateway["OIDC_REDIRECT_URI"] == f"{keycloak['CAREHUB_PUBLIC_URL']}/auth/oidc/callback"


def test_realm_roles_go_into_a_top_level_roles_claim(client: dict[str, Any]) -> None:
    roles = mapper(client, "roles")
    assert roles["protocolMapper"] == "oidc-usermodel-realm-role-mapper"
    config = roles["config"]
    assert config["claim.name"] == "roles" == env_example("gateway")["OIDC_ROLES_CLAIM"]
    assert config["multivalued"] == "true"
    assert config["id.token.claim"] == "true"


def test_the_homes_attribute_goes_into_a_homes_claim(client: dict[str, Any], realm: dict[str, Any]) -> None:
    homes = mapper(client, "homes")
    assert homes["protocolMapper"] == "oidc-usermodel-attribute-mapper"
    config = homes["config"]
    assert config["user.attribute"] == "homes"
    assert config["claim.name"] == "homes" == env_example("gateway")["OIDC_HOMES_CLAIM"]
    assert config["multivalued"] == "true"
    assert config["id.token.claim"] == "true"
    # Keycloak 24+ keeps only attributes its user profile declares: `homes` is declared there,
    # multivalued, and only administrators may see or change it (never the person themself).
    (provider,) = realm["components"]["org.keycloak.userprofile.UserProfileProvider"]
    (profile_json,) = provider["config"]["kc.user.profile.config"]
    profile = json.loads(profile_json)
    (declared,) = [a for a in profile["attributes"] if a["name"] == "homes"]
    assert declared["multivalued"] is True
    assert declared["permissions"] == {"view": ["admin"], "edit": ["admin"]}
    assert {"username", "email", "firstName", "lastName"} <= {a["name"] for a in profile["attributes"]}
    assert "unmanagedAttributePolicy" not in profile


def test_demo_users_have_care_hub_roles_and_temporary_passwords(realm: dict[str, Any]) -> None:
    users = realm["users"]
    assert len(users) >= 3
    for user in users:
        assert set(user["realmRoles"]) <= ALL_ROLES
        assert user["realmRoles"]
        assert [c["temporary"] for c in user["credentials"]] == [True]
        assert isinstance(user["attributes"]["homes"], list)
