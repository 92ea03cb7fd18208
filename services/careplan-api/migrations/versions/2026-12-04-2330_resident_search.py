"""word-prefix search over residents' names and NHS numbers

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 23:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The expression as the model states it (careplan_api.residents.models.SEARCH_EXPRESSION), copied
# so that this migration keeps meaning what it meant when the model changes.
SEARCH = ("to_tsvector('simple', given_name || ' ' || family_name || ' ' || coalesce(preferred_name, '') "
          "|| ' ' || coalesce(nhs_number, ''))")


def upgrade() -> None:
    op.add_column(
        "resident",
        sa.Column("search", postgresql.TSVECTOR(), sa.Computed(SEARCH, persisted=True), nullable=True),
        schema="careplan",
    )
    op.create_index("ix_resident_search", "resident", ["search"], unique=False, schema="careplan",
                    postgresql_using="gin")


def downgrade() -> None:
    op.drop_index("ix_resident_search", table_name="resident", schema="careplan", postgresql_using="gin")
    op.drop_column("resident", "search", schema="careplan")
