import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from carehub_kit.pagination import Page

Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]


class WidgetCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    rank: int


class WidgetUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    rank: int | None = None


class WidgetRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    rank: int
    version: int


class WidgetPage(Page[WidgetRead]):
    pass
