"""the feedback schema: audit trail and idempotency keys

Revision ID: 0001
Revises:
Create Date: 2026-12-04 19:58:00
"""

from collections.abc import Sequence

from carehub_kit.migrations import create_kit_tables, drop_kit_tables

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "feedback"


def upgrade() -> None:
    create_kit_tables(SCHEMA)


def downgrade() -> None:
    drop_kit_tables(SCHEMA)
