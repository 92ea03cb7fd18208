import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, Enum, ForeignKey, Index, Integer, Text, Uuid, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from careplan_api.db import Base


class Tool(enum.StrEnum):
    waterlow = "waterlow"
    must = "must"
    falls = "falls"


class RiskAssessment(Base):
    """One scored risk assessment with the items as answered and the points each scored.
    Append-only (a trigger refuses UPDATE and DELETE): a reassessment is a new row."""

    __tablename__ = "risk_assessment"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    home_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    tool: Mapped[Tool] = mapped_column(Enum(Tool, name="risk_tool", native_enum=False, length=16))
    assessed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    section_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    items: Mapped[dict[str, Any]] = mapped_column(JSONB)
    item_scores: Mapped[dict[str, int]] = mapped_column(JSONB)
    score: Mapped[int] = mapped_column(Integer)
    band: Mapped[str] = mapped_column(Text)
    high_risk: Mapped[bool] = mapped_column(Boolean)
    action: Mapped[str] = mapped_column(Text)
    judgement: Mapped[str | None] = mapped_column(Text)
    assessor_sub: Mapped[str] = mapped_column(Text)
    assessor_name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        Index("ix_risk_assessment_resident_id_assessed_at_id", "resident_id", "assessed_at", "id"),
        Index("ix_risk_assessment_resident_id_tool_assessed_at_id", "resident_id", "tool", "assessed_at", "id"),
        Index("ix_risk_assessment_home_id_assessed_at", "home_id", "assessed_at"),  # handover
    )
