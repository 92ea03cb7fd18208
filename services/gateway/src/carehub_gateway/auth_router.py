"""Sign-in for the browser: `/auth/login`, `/auth/logout`, `/auth/me`."""

from fastapi import APIRouter, Request, Response

from carehub_gateway.context import auth_context
from carehub_gateway.schemas import LoginRequest, Me
from carehub_gateway.signin import current_session, me_of, not_signed_in, password_sign_in, sign_out
from carehub_gateway.web import clear_session_cookie, is_https

router = APIRouter(prefix="/auth", tags=["sign-in"])
NO_STORE = {"Cache-Control": "no-store"}


@router.post("/login", response_model=Me)
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
