import uuid
from datetime import datetime

from carehub_kit.pagination import Page
from feedback_api.base import Code, Input, Output, Short


class ThemeCreate(Input):
    code: Code
    name: Short


class ThemeUpdate(Input):
    name: Short


class ThemeRead(Output):
    id: uuid.UUID
    code: str
    name: str
    archived_at: datetime | None
    version: int


class ThemePage(Page[ThemeRead]):
    """One page of themes."""
