"""Sign-in for the browser: `/auth/config`, `/auth/login`, `/auth/logout`, `/auth/me`.

With an upstream OpenID Connect provider configured, `/auth/login` (local passwords) answers 409:
there is one way in, `/auth/oidc/login`, and `/auth/config` tells the SPA which."""

from fastapi import APIRouter, Depends, Request, Response

from carehub_gateway.context import auth_context
from carehub_gateway.oidc import LOGIN_PATH
from carehub_gateway.schemas import AuthConfig, LoginRequest, Me
from carehub_gateway.signin import current_session, me_of, not_signed_in, password_sign_in, sign_out
from carehub_gateway.web import clear_session_cookie, is_https
from carehub_kit.errors import ProblemError

router = APIRouter(prefix="/auth", tags=["sign-in"])
NO_STORE = {"Cache-Control": "no-store"}


def passwords_in_use(request: Request) -> None:
    """Refuse local sign-in when people sign in at the upstream provider (checked before the body)."""
    if auth_context(request).oidc is not None:
        raise ProblemError(409, f"Sign-in is through your organisation's identity provider: open {LOGIN_PATH}.",
                           slug="sign-in-elsewhere", title="Sign in with your organisation's account",
                           headers=NO_STORE)


@router.get("/config", response_model=AuthConfig, response_model_exclude_none=True)
async def config(request: Request) -> AuthConfig:
    if auth_context(request).oidc is not None:
        return AuthConfig(method="oidc", login_url=LOGIN_PATH,
                          provider_name=auth_context(request).settings.oidc_provider_name)
    return AuthConfig(method="password")


@router.post("/login", response_model=Me, dependencies=[Depends(passwords_in_use)])
async def login(body: LoginRequest, request: Request, response: Response) -> Me:
    response.headers.update(NO_STORE)
    return await password_sign_in(request, response, body.username, body.password)


@router.post("/logout", status_code=204)
async def logout(request: Request) -> Response:
    await sign_out(request)
    response = Response(status_code=204, headers=NO_STORE)
    clear_session_cookie(response, secure=is_https(request, auth_context(request).settings))
    return response


@router.get("/me", response_model=Me)
async def me(request: Request, response: Response) -> Me:
    session = await current_session(request)
    if session is None:
        raise not_signed_in()
    response.headers.update(NO_STORE)
    return me_of(session)
