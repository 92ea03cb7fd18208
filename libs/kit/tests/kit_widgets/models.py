import uuid

from sqlalchemy import Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from carehub_kit.concurrency import Versioned
from kit_widgets.db import Base


class Widget(Versioned, Base):
    __tablename__ = "widget"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(Text)
    rank: Mapped[int] = mapped_column(Integer)  # deliberately not unique: ties test pagination

    __table_args__ = (Index("ix_widget_rank_id", "rank", "id"),)
