"""The gateway as a token issuer: its public keys (`/auth/jwks.json`), its discovery document
(`/.well-known/openid-configuration`) and the client-credentials grant (`/auth/token`).

Errors from `/auth/token` are RFC 6749 §5.2 JSON (`invalid_request`, `invalid_client`,
`unsupported_grant_type`); too many failed attempts from one address is the same 429 as sign-in.
"""

import base64
import binascii
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote_plus

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from carehub_gateway import clients, throttle
from carehub_gateway.context import auth_context, utcnow
from carehub_gateway.db import audit
from carehub_gateway.minting import CLIENT_TOKEN_LIFETIME_S, mint
from carehub_gateway.schemas import TokenError, TokenResponse
from carehub_gateway.web import client_address, public_base_url
from carehub_kit.tokens import ALGORITHM

router = APIRouter(tags=["tokens"])
MAX_BODY = 4096
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
FORM = "application/x-www-form-urlencoded"


class OAuthError(Exception):
    def __init__(self, status: int, error: str, description: str, *, basic: bool = False) -> None:
        super().__init__(description)
        self.status, self.error, self.description, self.basic = status, error, description, basic

    def response(self) -> JSONResponse:
        headers = dict(NO_STORE)
        if self.basic:  # RFC 6749 §5.2: the client tried HTTP Basic, so challenge it
            headers["WWW-Authenticate"] = 'Basic realm="carehub"'
        body = TokenError(error=self.error, error_description=self.description)
        return JSONResponse(body.model_dump(), status_code=self.status, headers=headers)


def invalid_request(description: str) -> OAuthError:
    return OAuthError(400, "invalid_request", description)


@dataclass(frozen=True)
class ClientCredentials:
    client_id: str
    secret: str
    basic: bool


@router.get("/auth/jwks.json")
async def jwks(request: Request) -> JSONResponse:
    return JSONResponse(await auth_context(request).keyring.jwks(), headers={"Cache-Control": "max-age=60"})


@router.get("/.well-known/openid-configuration")
async def discovery(request: Request) -> dict[str, Any]:
    settings = auth_context(request).settings
    base = public_base_url(request, settings)
    return {
        "issuer": settings.auth_issuer,
        "jwks_uri": f"{base}/auth/jwks.json",
        "token_endpoint": f"{base}/auth/token",
        "grant_types_supported": ["client_credentials"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "id_token_signing_alg_values_supported": [ALGORITHM],
        "token_endpoint_auth_signing_alg_values_supported": [ALGORITHM],
        "response_types_supported": [],  # no authorization endpoint: people sign in at /auth/login
        "subject_types_supported": ["public"],
        "claims_supported": ["iss", "aud", "sub", "name", "roles", "homes", "iat", "nbf", "exp", "jti"],
    }


def _form(body: bytes) -> dict[str, str]:
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body))
    except (UnicodeDecodeError, ValueError):
        raise invalid_request("The body is not a valid form.") from None
    if any(len(values) > 1 for values in parsed.values()):
        raise invalid_request("A parameter was sent more than once.")
    return {name: values[0] for name, values in parsed.items()}


def _credentials(request: Request, form: dict[str, str]) -> ClientCredentials:
    header = request.headers.get("authorization", "")
    in_form = "client_id" in form or "client_secret" in form
    if header:
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic" or in_form:
            raise invalid_request("Authenticate the client one way: HTTP Basic or the form, not both.")
        try:
            client_id, sep, secret = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            raise OAuthError(401, "invalid_client", "The client credentials are malformed.", basic=True) from None
        if not sep:
            raise OAuthError(401, "invalid_client", "The client credentials are malformed.", basic=True)
        return ClientCredentials(unquote_plus(client_id), unquote_plus(secret), basic=True)
    if not form.get("client_id") or not form.get("client_secret"):
        raise OAuthError(401, "invalid_client", "Send client_id and client_secret, or HTTP Basic.")
    return ClientCredentials(form["client_id"], form["client_secret"], basic=False)


async def _issue(request: Request) -> TokenResponse:
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != FORM:
        raise invalid_request(f"Send the parameters as {FORM}.")
    body = await request.body()
    if len(body) > MAX_BODY:
        raise invalid_request("The request is too large.")
    form = _form(body)
    if not form.get("grant_type"):
        raise invalid_request("grant_type is missing.")
    if form["grant_type"] != "client_credentials":
        raise OAuthError(400, "unsupported_grant_type", "Only client_credentials is supported.")
    credentials = _credentials(request, form)

    ctx, now = auth_context(request), utcnow()
    address = client_address(request, ctx.settings)
    async with ctx.sessionmaker() as db, db.begin():
        wait = await throttle.retry_after(db, ctx.address_limit, address, now)
        client = None if wait else await clients.authenticate(
            db, ctx.passwords, credentials.client_id, credentials.secret)
        if client is None and not wait:
            await throttle.record_failure(db, ctx.address_limit, address, now)
        if client is not None:
            await audit.record(db, client.actor(), "token.issue", "api_client", client.client_id,
                               details={"address": address})
    if wait:
        raise throttle.too_many(wait)
    if client is None:
        raise OAuthError(401, "invalid_client", "The client is unknown, revoked, or its secret is wrong.",
                         basic=credentials.basic)
    token = await mint(ctx.keyring, ctx.settings, sub=client.subject, name=client.name, roles=client.roles,
                       homes=client.homes, lifetime_s=CLIENT_TOKEN_LIFETIME_S)
    return TokenResponse(access_token=token, expires_in=CLIENT_TOKEN_LIFETIME_S)


@router.post("/auth/token", response_model=TokenResponse)
async def token(request: Request) -> JSONResponse:
    try:
        issued = await _issue(request)
    except OAuthError as error:
        return error.response()
    return JSONResponse(issued.model_dump(), headers=NO_STORE)
