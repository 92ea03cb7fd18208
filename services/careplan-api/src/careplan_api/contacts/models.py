import enum
import uuid
from datetime import datetime

from sqlalchemy import ARRAY, Boolean, DateTime, Enum, ForeignKey, Index, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from carehub_kit.concurrency import Versioned
from careplan_api.db import Base


class LpaRole(enum.StrEnum):
    """The two kinds of lasting power of attorney in England and Wales (Office of the Public Guardian)."""

    health_and_welfare = "health_and_welfare"
    property_and_financial_affairs = "property_and_financial_affairs"


class AllergySeverity(enum.StrEnum):
    mild = "mild"
    moderate = "moderate"
    severe = "severe"


class AllergyCategory(enum.StrEnum):
    medication = "medication"
    food = "food"
    environment = "environment"
    other = "other"


class Contact(Versioned, Base):
    """Family, friends and representatives: next of kin and any lasting power of attorney."""

    __tablename__ = "contact"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    name: Mapped[str] = mapped_column(Text)
    relationship: Mapped[str] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    is_next_of_kin: Mapped[bool] = mapped_column(Boolean, default=False)
    lpa_roles: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (Index("ix_contact_resident_id_name_id", "resident_id", "name", "id"),)


class Allergy(Versioned, Base):
    __tablename__ = "allergy"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    substance: Mapped[str] = mapped_column(Text)
    category: Mapped[AllergyCategory] = mapped_column(
        Enum(AllergyCategory, name="allergy_category", native_enum=False, length=16))
    reaction: Mapped[str | None] = mapped_column(Text)
    severity: Mapped[AllergySeverity] = mapped_column(
        Enum(AllergySeverity, name="allergy_severity", native_enum=False, length=16))
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (Index("ix_allergy_resident_id_substance_id", "resident_id", "substance", "id"),)
