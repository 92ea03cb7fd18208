"""Bodies of the gateway's own endpoints: sign-in and the token issuer."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from carehub_gateway.passwords import MAX_LENGTH


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=150)
    password: str = Field(min_length=1, max_length=MAX_LENGTH)


class Me(BaseModel):
    """The signed-in person, and the token to echo as `X-CSRF-Token` on changes."""

    username: str
    name: str
    roles: list[str]
    homes: list[str]
    csrf_token: str


class AuthConfig(BaseModel):
    """How people sign in here: `password` (POST /auth/login) or `oidc` (open `login_url`, with
    `?return_to=/path`, as a page: it goes to the organisation's identity provider and back), with
    the provider's name for the button when one is set (OIDC_PROVIDER_NAME)."""

    method: Literal["password", "oidc"]
    login_url: str | None = None
    provider_name: str | None = None


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "Bearer"
    expires_in: int


class TokenError(BaseModel):
    """RFC 6749 §5.2."""

    error: str
    error_description: str
