import uuid
from datetime import datetime

from sqlalchemy import Boolean, DateTime, func
from sqlalchemy.orm import Mapped, mapped_column

from carehub_kit.concurrency import Versioned
from feedback_api.db import Base


class HomeSetting(Versioned, Base):
    """Per-home feedback settings. Homes live in assets-api; no row means the defaults."""

    __tablename__ = "home_setting"

    home_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    all_staff_may_submit: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now())
