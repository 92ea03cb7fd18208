from pydantic import Field
from pydantic_settings import SettingsConfigDict

from carehub_kit.settings import ServiceSettings


class Settings(ServiceSettings):
    """`DATABASE_URL`, `AUTH_ISSUER` / `AUTH_AUDIENCE` (shared), and `GATEWAY_*` for the rest."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore", frozen=True, validate_by_name=True)

    # A session ends after this long without a request, and this long after sign-in at most.
    session_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    session_absolute_hours: int = Field(default=12, ge=1, le=7 * 24)
    # Failed sign-ins (wrong user, password or client secret) allowed per client address per window.
    login_failures_per_address: int = Field(default=20, ge=1)
    login_failure_window_minutes: int = Field(default=15, ge=1)
    # Behind a TLS-terminating proxy: believe its X-Forwarded-Proto and X-Forwarded-For.
    trust_proxy: bool = False
