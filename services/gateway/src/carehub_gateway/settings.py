from pydantic_settings import SettingsConfigDict

from carehub_kit.settings import ServiceSettings


class Settings(ServiceSettings):
    """`DATABASE_URL`, and `GATEWAY_*` for the rest."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore", frozen=True, validate_by_name=True)
