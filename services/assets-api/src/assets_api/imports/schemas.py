"""Import jobs out."""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from assets_api.imports.models import ImportStatus
from assets_api.types import Output


class RowProblem(BaseModel):
    row: int | None = Field(description="The spreadsheet's row number (the heading row is 1).")
    column: str | None = Field(description="The file's own column heading, when one column is at fault.")
    problem: str


class ImportReport(BaseModel):
    encoding: str | None = Field(default=None, description="How a CSV was read: utf-8-sig, or cp1252 (Windows).")
    columns: dict[str, str] = Field(default_factory=dict, description="Each used column and the field it fills.")
    unmapped_columns: list[str] = Field(default_factory=list,
                                        description="Columns that fill nothing: they stop the import.")
    ignored_columns: list[str] = Field(default_factory=list, description="Columns mapped to \"ignore\".")
    problems: list[RowProblem] = Field(default_factory=list, description="The first 1,000 problems.")


class ImportJobRead(Output):
    id: uuid.UUID
    home_id: uuid.UUID
    file_name: str
    file_format: str
    dry_run: bool
    mapping: dict[str, str]
    status: ImportStatus
    total_rows: int | None = Field(description="Rows in the file, when known before reading it all.")
    processed_rows: int
    created_assets: int
    problem_count: int
    report: ImportReport
    created_by: str
    started_at: datetime | None
    finished_at: datetime | None
    created_at: datetime
