import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, PrimaryKeyConstraint, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from assets_api.db import Base


class AssetRuleDue(Base):
    """One row per asset and inspection rule that applies to it: when it was last done, how, and
    when it is next due. Derived from inspections, rules and overrides (never typed in) and
    rebuilt set-based by `schedule.service.refresh`; compliance reads only this table."""

    __tablename__ = "asset_rule_due"

    # A stable surrogate id: the tie-break that makes keyset pages of due items total.
    id: Mapped[uuid.UUID] = mapped_column(server_default=text("gen_random_uuid()"), unique=True)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.asset.id"))
    rule_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.inspection_rule.id"))
    home_id: Mapped[uuid.UUID] = mapped_column()
    category_id: Mapped[uuid.UUID] = mapped_column()
    statutory: Mapped[bool] = mapped_column(Boolean)
    # Rows exist for assets neither disposed nor archived; `in_use` (in service) ones count as required.
    in_use: Mapped[bool] = mapped_column(Boolean)
    last_inspection_id: Mapped[uuid.UUID | None] = mapped_column()
    last_inspected_date: Mapped[date | None] = mapped_column(Date)
    last_outcome: Mapped[str | None] = mapped_column(Text)
    due_date: Mapped[date] = mapped_column(Date)
    warning_days: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        PrimaryKeyConstraint("asset_id", "rule_id"),
        Index("ix_asset_rule_due_home_id_due_date_id", "home_id", "due_date", "id"),
        Index("ix_asset_rule_due_due_date_id", "due_date", "id"),
        Index("ix_asset_rule_due_rule_id", "rule_id"),
        Index("ix_asset_rule_due_category_id", "category_id"),
        # The short lists behind "failed" and "never inspected".
        Index("ix_asset_rule_due_failed", "home_id", "due_date", "id", postgresql_where="last_outcome = 'fail'"),
        Index("ix_asset_rule_due_never_inspected", "home_id", "due_date", "id",
              postgresql_where="last_inspection_id IS NULL"),
    )
