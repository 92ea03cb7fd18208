"""Input conventions shared by every module: unknown fields refused, strings trimmed and bounded."""

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Long = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Code = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]{1,47}$")]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True,
                                      pattern=r"^[A-Za-z0-9][A-Za-z0-9 _-]{0,39}$")]

# Dates the service does arithmetic on (windows, previous periods): kept to a sane range so a
# year 1 or 9999 is a 422, not an overflow.
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)
BoundedDate = Annotated[date, Field(ge=EARLIEST, le=LATEST)]
