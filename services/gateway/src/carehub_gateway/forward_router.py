"""`GET /auth/forward`, for nginx's `auth_request` in the split topology (`carehub serve`;
infra/nginx/carehub.conf): before nginx routes an `/api/` call straight to a service, it asks here
for the session's bearer token, by the same rule as the in-process forwarding (`session_bearer`).

Only the gateway alone serves it, and nginx answers 404 for it from outside: the token is for the
services, never for a script in the page. Under `carehub run` the services are mounted in-process
and `SessionForwarding` attaches the token instead.
"""

from fastapi import APIRouter, Request, Response

from carehub_gateway.context import auth_context
from carehub_gateway.forwarding import session_bearer
from carehub_gateway.sessions import CSRF_HEADER
from carehub_gateway.web import presented_session_id

router = APIRouter(prefix="/auth", tags=["edge"])
NO_STORE = {"Cache-Control": "no-store"}


@router.get("/forward", status_code=200, include_in_schema=False)
async def forward(request: Request) -> Response:
    """200 with `Authorization: Bearer <JWT>` for a live session (the CSRF token checked when
    `X-Original-Method` is a change); 200 without it when the caller brought its own token or has
    no live session (the service decides); 403 problem+json for a change without the CSRF token."""
    if request.headers.get("authorization"):
        return Response(status_code=200, headers=NO_STORE)
    bearer = await session_bearer(auth_context(request), presented_session_id(request),
                                  request.headers.get("x-original-method", "GET"), request.headers.get(CSRF_HEADER))
    return Response(status_code=200, headers={**NO_STORE, "Authorization": bearer} if bearer else NO_STORE)
