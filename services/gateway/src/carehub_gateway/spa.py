"""The single-page app at `/`: the built files from `frontend/dist`, with `index.html` for any
client-side route (`/homes/123`), or a short page saying the front end is not built yet."""

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

# services/gateway/src/carehub_gateway/spa.py -> the repository root.
DEFAULT_DIST = Path(__file__).resolve().parents[4] / "frontend" / "dist"

NOT_BUILT_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Care Hub</title></head>
<body style="font-family: Arial, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<h1>Care Hub</h1>
<p>The front end has not been built yet, so there is no web app to show here.</p>
<p>The APIs are running: <a href="/api/assets/docs">assets</a>,
<a href="/api/careplan/docs">care plans</a> and <a href="/api/feedback/docs">feedback</a>.</p>
</body>
</html>
"""

# The app's own files only: no inline script or style sheet, no plug-ins, no framing (the pages
# hold health records), forms and calls back to this origin. React sets inline styles through
# the DOM, which style-src does not block; label sheets and blob downloads are images and links.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


def _is_client_route(path: str) -> bool:
    """A path the SPA's router handles: not an API call, and not a file (no extension)."""
    path = path.strip("/")
    return not (path == "api" or path.startswith("api/")) and "." not in path.rsplit("/", 1)[-1]


class SpaFiles(StaticFiles):
    """StaticFiles that answers unknown client-side routes with index.html."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            response = await super().get_response(path, scope)
        except HTTPException as exc:
            if exc.status_code != 404 or not _is_client_route(path):
                raise
            response = await super().get_response("index.html", scope)
        if response.status_code == 404 and _is_client_route(path):
            response = await super().get_response("index.html", scope)
        if response.media_type == "text/html":
            # The page names the hashed bundles of this build: never serve a stale copy.
            response.headers["cache-control"] = "no-cache"
        response.headers.update(SECURITY_HEADERS)
        return response


def mount_spa(app: FastAPI, dist: Path | None) -> None:
    """Serve the build at `/` when there is one, else the not-built page. Call last: the mount
    at `/` catches every path not matched before it."""
    if dist is not None and (dist / "index.html").is_file():
        app.mount("/", SpaFiles(directory=dist, html=True), name="spa")
        return

    @app.get("/", include_in_schema=False)
    async def not_built() -> HTMLResponse:
        return HTMLResponse(NOT_BUILT_PAGE)
