"""kit tables and demo_seed

Revision ID: 0001
Revises:
Create Date: 2026-12-04 20:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from carehub_kit.migrations import create_kit_tables, drop_kit_tables

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "gateway"


def upgrade() -> None:
    create_kit_tables(SCHEMA)
    op.create_table(
        'demo_seed',
        sa.Column('part', sa.Text(), nullable=False),
        sa.Column('seeded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'),
                  nullable=False),
        sa.Column('details', postgresql.JSONB(astext_type=sa.Text()),
                  server_default=sa.text("'{}'::jsonb"), nullable=False),
        sa.PrimaryKeyConstraint('part', name=op.f('pk_demo_seed')),
        schema=SCHEMA,
    )


def downgrade() -> None:
    op.drop_table('demo_seed', schema=SCHEMA)
    drop_kit_tables(SCHEMA)
