"""The HTTP side of a browser session: the cookie, and who and how the browser is calling.

The cookie is httpOnly (scripts never see the id), SameSite=Lax (not sent on cross-site
sub-requests), Path=/, and Secure when the request came over https — as seen by the gateway, or,
only with `GATEWAY_TRUST_PROXY`, as the TLS-terminating proxy says in `X-Forwarded-Proto`. It
carries no Max-Age: it ends with the browser, and the server ends the session anyway.

A second cookie, `carehub_oidc`, exists only while signing in at an upstream OpenID Connect
provider: a random id binding the sign-in to this browser, sent only to `/auth/oidc`, gone after
10 minutes.
"""

from starlette.requests import HTTPConnection
from starlette.responses import Response

from carehub_gateway.sessions import COOKIE
from carehub_gateway.settings import Settings
from carehub_kit.errors import ProblemError

OIDC_COOKIE = "carehub_oidc"
OIDC_COOKIE_PATH = "/auth/oidc"


def is_https(connection: HTTPConnection, settings: Settings) -> bool:
    if connection.url.scheme in ("https", "wss"):
        return True
    if settings.trust_proxy:
        forwarded = connection.headers.get("x-forwarded-proto", "")
        return forwarded.split(",")[0].strip().lower() == "https"
    return False


def client_address(connection: HTTPConnection, settings: Settings) -> str:
    """The caller's address; behind a trusted proxy, the address that proxy saw (the last entry
    of X-Forwarded-For: earlier ones are whatever the client wrote)."""
    if settings.trust_proxy:
        hops = [h.strip() for h in connection.headers.get("x-forwarded-for", "").split(",") if h.strip()]
        if hops:
            return hops[-1][:100]
    return connection.client.host if connection.client else "unknown"


def public_base_url(connection: HTTPConnection, settings: Settings) -> str:
    """This gateway's address as the browser reached it (`https` when `is_https` says so)."""
    base = str(connection.base_url).rstrip("/")
    if is_https(connection, settings) and base.startswith("http://"):
        base = "https://" + base.removeprefix("http://")
    return base


def presented_session_id(connection: HTTPConnection) -> str | None:
    return connection.cookies.get(COOKIE)


def set_session_cookie(response: Response, session_id: str, *, secure: bool) -> None:
    response.set_cookie(COOKIE, session_id, path="/", secure=secure, httponly=True, samesite="lax")


def clear_session_cookie(response: Response, *, secure: bool) -> None:
    response.delete_cookie(COOKIE, path="/", secure=secure, httponly=True, samesite="lax")


def set_oidc_browser_cookie(response: Response, browser_id: str, *, secure: bool, max_age: int) -> None:
    response.set_cookie(OIDC_COOKIE, browser_id, path=OIDC_COOKIE_PATH, max_age=max_age, secure=secure,
                        httponly=True, samesite="lax")


def csrf_failed() -> ProblemError:
    return ProblemError(403, "This change needs the X-CSRF-Token header from /auth/me.", slug="csrf",
                        title="Missing or wrong CSRF token")
