"""HTTP for asset imports: upload (202 and a job to poll), then GET the job for progress and report."""

import tempfile
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse

from assets_api.db import IdempotencyKey
from assets_api.imports import reading, service
from assets_api.imports.schemas import ImportJobRead
from assets_api.permissions import Action, allowed
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor

router = APIRouter(prefix="/v1/imports", tags=["imports"])

Importer = Annotated[Actor, allowed(Action.asset_import)]


@router.post("", status_code=202, response_model=ImportJobRead,
             responses=problem_responses(401, 403, 404, 413, 422))
async def start_import(
    request: Request, background: BackgroundTasks, session: DbSession, actor: Importer, idempotency: IdempotencyKey,
    file: Annotated[UploadFile, File(description="A .csv or .xlsx file, at most 50 MB; headings on row 1.")],
    home_id: Annotated[uuid.UUID, Form()],
    mapping: Annotated[str | None, Form(max_length=20_000, description=(
        'JSON: {"File heading": "field"}; a field is one of tag, name, category (its code), serial, make, '
        'model, location_id, status, condition, purchase_date, purchase_cost, warranty_end_date, supplier, '
        'notes, or extra.<name>, or "ignore". Headings equal to a field name need no mapping.'))] = None,
    dry_run: Annotated[bool, Form(description="Check every row and report; write nothing.")] = True,
) -> JSONResponse:
    """Check (dry run, the default) or import a spreadsheet of assets into one home, in the background.
    Poll the Location for progress and the per-row, per-column report; a real import is all or nothing.
    A retry with the same `Idempotency-Key`, file and fields gets the first job back, not a second."""
    parsed = service.parse_mapping(mapping)
    service.file_format(file.filename or "")
    if (length := request.headers.get("content-length")) and int(length) > reading.MAX_UPLOAD + 64 * 1024:
        raise reading.too_large()  # refused before reading the body
    with tempfile.NamedTemporaryFile(prefix="carehub-import-", suffix=Path(file.filename or "").suffix,
                                     delete=False) as target:
        path = Path(target.name)
    try:
        with path.open("wb") as out:
            await reading.save_upload(file, out)
        job = await service.submit(session, actor, home_id, path, file.filename or "", parsed, dry_run)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    background.add_task(service.run, request.app.state.sessionmaker, request.app.state.engine, job.id, actor, path)
    response = await idempotency.respond(ImportJobRead.model_validate(job), status=202, headers={
        "Location": str(request.url_for("get_import", job_id=job.id).path)})
    response.background = background
    return response


@router.get("/{job_id}", response_model=ImportJobRead, responses=problem_responses(401, 403, 404, 422))
async def get_import(job_id: uuid.UUID, session: DbSession, actor: Importer) -> ImportJobRead:
    """Status, progress (processed of total rows) and the report."""
    return ImportJobRead.model_validate(await service.get(session, actor, job_id))
