"""widgets, audit and idempotency

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from carehub_kit.migrations import create_kit_tables, drop_kit_tables

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "kit_test"


def upgrade() -> None:
    create_kit_tables(SCHEMA)
    op.create_table(
        "widget",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_widget")),
        schema=SCHEMA,
    )
    op.create_index("ix_widget_rank_id", "widget", ["rank", "id"], unique=False, schema=SCHEMA)


def downgrade() -> None:
    op.drop_index("ix_widget_rank_id", table_name="widget", schema=SCHEMA)
    op.drop_table("widget", schema=SCHEMA)
    drop_kit_tables(SCHEMA)
