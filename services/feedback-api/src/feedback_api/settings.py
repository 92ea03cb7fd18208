from pydantic import Field
from pydantic_settings import SettingsConfigDict

from carehub_kit.settings import ServiceSettings

# The development default. Deployments set FEEDBACK_RECEIPT_SECRET to a long random value and
# keep it out of the database: with it, a receipt can be tested against a known person.
DEV_RECEIPT_SECRET = "carehub-dev-receipt-secret-change-me"


class Settings(ServiceSettings):
    """`DATABASE_URL`, and `FEEDBACK_*` for the rest."""

    model_config = SettingsConfigDict(env_prefix="FEEDBACK_", extra="ignore", frozen=True, validate_by_name=True)

    # Key of the HMACs that make survey receipts, board contributor counts and reply codes.
    receipt_secret: str = Field(default=DEV_RECEIPT_SECRET, min_length=16)
    # The "You said, we did" board shows an anonymous item's words only when at least this many
    # different people contributed in that home over the period shown.
    board_min_contributors: int = Field(default=5, ge=3, le=100)
