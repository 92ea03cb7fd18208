"""Service settings from the environment.

`DATABASE_URL` is shared by every service; everything else carries the service's prefix
(`ASSETS_`, `CAREPLAN_`, ...). A bad or missing setting stops start-up with one line that
names it, rather than a page of traceback.
"""

from typing import TypeVar

from pydantic import AliasChoices, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

S = TypeVar("S", bound="ServiceSettings")


class SettingsError(SystemExit):
    """Raised at start-up; its message is the one line the operator sees."""


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", frozen=True, validate_by_name=True)

    database_url: str = Field(validation_alias=AliasChoices("DATABASE_URL"))
    db_pool_size: int = Field(default=5, ge=1, le=100)
    db_statement_timeout_ms: int = Field(default=15_000, ge=100)
    # A pooled connection idle this long is pinged before use (a restarted database is noticed).
    db_ping_after_idle_s: float = Field(default=1.0, ge=0, le=3600)
    log_level: str = "INFO"
    # Bearer tokens: who issues them and where their public keys are published. Shared by
    # every service (no prefix). Unset JWKS URL: the gateway hands the keys over in-process.
    auth_issuer: str = Field(default="carehub", validation_alias=AliasChoices("AUTH_ISSUER"))
    auth_audience: str = Field(default="carehub", validation_alias=AliasChoices("AUTH_AUDIENCE"))
    auth_jwks_url: str | None = Field(default=None, validation_alias=AliasChoices("AUTH_JWKS_URL"))

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: str) -> str:
        if not value.startswith(("postgresql://", "postgres://", "postgresql+asyncpg://")):
            raise ValueError("must be a postgresql:// URL")
        return value


def env_name(settings_cls: type[BaseSettings], field: str) -> str:
    """The environment variable an operator sets for `field`."""
    for name, info in settings_cls.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices) and field in (name, *alias.choices):
            return str(alias.choices[0])  # a shared setting, such as DATABASE_URL: no prefix
    prefix = settings_cls.model_config.get("env_prefix", "")
    return f"{prefix}{field}".upper()


def load_settings(settings_cls: type[S]) -> S:
    """Read settings, turning a validation failure into a one-line start-up error."""
    try:
        return settings_cls()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        problem = "is not set" if first["type"] == "missing" else f"is invalid: {first['msg']}"
        raise SettingsError(f"configuration error: {env_name(settings_cls, field)} {problem}") from None
