from pydantic_settings import SettingsConfigDict

from carehub_kit.settings import ServiceSettings


class Settings(ServiceSettings):
    """`DATABASE_URL`, and `ASSETS_*` for the rest."""

    model_config = SettingsConfigDict(env_prefix="ASSETS_", extra="ignore", frozen=True, validate_by_name=True)

    # Where people open Care Hub: asset labels' QR codes point at {public_base_url}/estate/assets/{id}.
    public_base_url: str = "http://127.0.0.1:8000"
