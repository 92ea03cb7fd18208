from authlib.common.security import is_secure_transport  # type: ignore[import-untyped]
from pydantic import AliasChoices, Field, ValidationInfo, field_validator
from pydantic_settings import SettingsConfigDict

from carehub_kit.settings import ServiceSettings


def _env(name: str) -> AliasChoices:
    return AliasChoices(name)


class Settings(ServiceSettings):
    """`DATABASE_URL`, `AUTH_ISSUER` / `AUTH_AUDIENCE` (shared), `OIDC_*` for an upstream
    OpenID Connect provider, and `GATEWAY_*` for the rest."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore", frozen=True, validate_by_name=True)

    # A session ends after this long without a request, and this long after sign-in at most.
    session_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    session_absolute_hours: int = Field(default=12, ge=1, le=7 * 24)
    # Failed sign-ins (wrong user, password or client secret) allowed per client address per window.
    login_failures_per_address: int = Field(default=20, ge=1)
    login_failure_window_minutes: int = Field(default=15, ge=1)
    # Behind a TLS-terminating proxy: believe its X-Forwarded-Proto and X-Forwarded-For.
    trust_proxy: bool = False

    # Sign-in at an upstream OpenID Connect provider (Keycloak, Entra ID): on when the issuer,
    # client id and secret are all set; local passwords are then refused.
    oidc_issuer: str | None = Field(default=None, validation_alias=_env("OIDC_ISSUER"))
    oidc_client_id: str | None = Field(default=None, validation_alias=_env("OIDC_CLIENT_ID"))
    oidc_client_secret: str | None = Field(default=None, validation_alias=_env("OIDC_CLIENT_SECRET"),
                                           validate_default=True, repr=False)
    oidc_scopes: str = Field(default="openid profile email", validation_alias=_env("OIDC_SCOPES"))
    # Where each part of the identity is read from, in the ID token (else the userinfo answer).
    # A dotted path reaches into an object: "realm_access.roles".
    oidc_roles_claim: str = Field(default="roles", min_length=1, validation_alias=_env("OIDC_ROLES_CLAIM"))
    oidc_homes_claim: str = Field(default="homes", min_length=1, validation_alias=_env("OIDC_HOMES_CLAIM"))
    oidc_username_claim: str = Field(default="preferred_username", min_length=1,
                                     validation_alias=_env("OIDC_USERNAME_CLAIM"))
    oidc_name_claim: str = Field(default="name", min_length=1, validation_alias=_env("OIDC_NAME_CLAIM"))
    # What people call the provider ("Halton Council account"): the sign-in button names it.
    oidc_provider_name: str | None = Field(default=None, min_length=1, max_length=60,
                                           validation_alias=_env("OIDC_PROVIDER_NAME"))
    # The callback address registered at the provider; unset: this gateway's own
    # `<scheme>://<host>/auth/oidc/callback`, as the browser reached it.
    oidc_redirect_uri: str | None = Field(default=None, validation_alias=_env("OIDC_REDIRECT_URI"))

    @field_validator("oidc_issuer")
    @classmethod
    def _issuer_is_a_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("https://", "http://")) or not is_secure_transport(value):
            raise ValueError("must be an https:// URL (http:// only for localhost)")
        return value.rstrip("/")

    @field_validator("oidc_client_secret")
    @classmethod
    def _all_or_nothing(cls, value: str | None, info: ValidationInfo) -> str | None:
        given = [bool(info.data.get("oidc_issuer")), bool(info.data.get("oidc_client_id")), bool(value)]
        if any(given) and not all(given):
            raise ValueError("set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together")
        return value or None

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id and self.oidc_client_secret)
