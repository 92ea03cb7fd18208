"""RFC 9457 problem details for every error a service returns.

Bodies carry `type`, `title`, `status`, `detail`, `instance` and `request_id`; validation adds
`errors: [{loc, msg, type}]`. Nothing the client sent is echoed back (it may be personal data)
and no stack trace ever leaves the process.
"""

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from carehub_kit.logging import get_logger
from carehub_kit.requestid import current_request_id

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://carehub.example/problems/"
log = get_logger("carehub.errors")


class ValidationIssue(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class Problem(BaseModel):
    """An RFC 9457 problem details body (application/problem+json)."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[ValidationIssue] | None = None


class ProblemError(Exception):
    """Raise from anywhere to answer with a problem+json response."""

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        *,
        slug: str | None = None,
        title: str | None = None,
        headers: Mapping[str, str] | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(detail or "")
        self.status = status
        self.detail = detail
        self.slug = slug
        self.title = title
        self.headers = dict(headers or {})
        self.errors = errors


def not_found(what: str = "resource") -> ProblemError:
    return ProblemError(404, f"The {what} was not found.", slug="not-found")


def _slug(status: int) -> str:
    return HTTPStatus(status).phrase.lower().replace(" ", "-").replace("'", "")


def problem_response(
    request: Request,
    status: int,
    detail: str | None = None,
    *,
    slug: str | None = None,
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": TYPE_BASE + (slug or _slug(status)),
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        "request_id": current_request_id() or None,
    }
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, headers=dict(headers or {}), media_type=PROBLEM_JSON)


def _validation_issues(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Only location, message and type: pydantic's `input` and `ctx` may hold what was sent.
    return [
        {"loc": [str(p) if not isinstance(p, int) else p for p in e["loc"]], "msg": e["msg"], "type": e["type"]}
        for e in exc.errors()
    ]


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return problem_response(
        request, 422, "The request has invalid fields.", slug="validation",
        errors=_validation_issues(exc),
    )


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem_response(request, exc.status_code, detail, headers=exc.headers)


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem_response(
        request, exc.status, exc.detail, slug=exc.slug, title=exc.title,
        headers=exc.headers, errors=exc.errors,
    )


async def _on_integrity(request: Request, exc: Exception) -> JSONResponse:
    # A unique or foreign-key constraint the service did not pre-check (a race): conflict.
    log.info("integrity_conflict", constraint=getattr(getattr(exc, "orig", None), "constraint_name", None))
    return problem_response(request, 409, "The change conflicts with existing data.", slug="conflict")


def _is_unavailable(exc: BaseException) -> bool:
    if isinstance(exc, OSError | TimeoutError | ConnectionError):
        return True
    if isinstance(exc, DBAPIError):
        return exc.connection_invalidated or _is_unavailable_cause(exc.orig)
    return False


def _is_unavailable_cause(orig: BaseException | None) -> bool:
    name = type(orig).__name__ if orig else ""
    return isinstance(orig, OSError | TimeoutError | ConnectionError) or name in {
        "CannotConnectNowError", "ConnectionDoesNotExistError", "InterfaceError",
        "TooManyConnectionsError", "AdminShutdownError", "QueryCanceledError",
    }


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    if _is_unavailable(exc):
        log.warning("database_unavailable", error=type(exc).__name__)
        return problem_response(
            request, 503, "The service cannot reach its database. Try again shortly.",
            slug="unavailable", headers={"Retry-After": "5"},
        )
    log.error("unhandled_error", error=type(exc).__name__, exc_info=exc)
    return problem_response(request, 500, "Something went wrong on our side.", slug="internal")


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(IntegrityError, _on_integrity)
    app.add_exception_handler(DBAPIError, _on_unexpected)
    app.add_exception_handler(OSError, _on_unexpected)


class UnexpectedErrorMiddleware:
    """Turns an exception no handler claimed into a 500 (or 503) problem, inside the
    request-id middleware so the response still carries the id. Starlette's own last-resort
    handler sits outside every middleware, where the id is already gone."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def track(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, track)
        except Exception as exc:
            if started:
                raise
            response = await _on_unexpected(Request(scope), exc)
            await response(scope, receive, send)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries so the OpenAPI contract documents each error a route returns."""
    return {
        s: {"model": Problem, "description": HTTPStatus(s).phrase,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        for s in statuses
    }
