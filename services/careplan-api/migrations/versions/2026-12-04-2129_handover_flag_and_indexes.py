"""daily notes flagged for handover; indexes for a home's shift handover

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 21:29:08.744428
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A constant default: PostgreSQL records it in the catalogue, so the append-only notes table
    # (millions of rows, UPDATE refused by trigger) is not rewritten.
    op.add_column(
        "daily_note",
        sa.Column("handover", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        schema="careplan",
    )
    op.create_index(
        "ix_daily_note_home_id_occurred_at_handover",
        "daily_note",
        ["home_id", "occurred_at"],
        unique=False,
        schema="careplan",
        postgresql_where=sa.text("handover OR category = 'incident'"),
    )
    op.create_index(
        "ix_risk_assessment_home_id_assessed_at",
        "risk_assessment",
        ["home_id", "assessed_at"],
        unique=False,
        schema="careplan",
    )


def downgrade() -> None:
    op.drop_index("ix_risk_assessment_home_id_assessed_at", table_name="risk_assessment", schema="careplan")
    op.drop_index(
        "ix_daily_note_home_id_occurred_at_handover",
        table_name="daily_note",
        schema="careplan",
        postgresql_where=sa.text("handover OR category = 'incident'"),
    )
    op.drop_column("daily_note", "handover", schema="careplan")
