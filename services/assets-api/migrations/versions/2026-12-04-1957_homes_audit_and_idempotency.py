"""homes, audit and idempotency

Revision ID: 0001
Revises:
Create Date: 2026-12-04 19:57:14.274147
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from carehub_kit.migrations import create_kit_tables, drop_kit_tables

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "assets"


def upgrade() -> None:
    create_kit_tables(SCHEMA)
    op.create_table(
        "home",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("address_line1", sa.Text(), nullable=False),
        sa.Column("address_line2", sa.Text(), nullable=True),
        sa.Column("town", sa.Text(), nullable=False),
        sa.Column("postcode", sa.Text(), nullable=False),
        sa.Column("cqc_location_id", sa.Text(), nullable=True),
        sa.Column("registered_beds", sa.Integer(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("active", "closed", name="home_status", native_enum=False, length=16, schema="assets"),
            nullable=False,
        ),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column(
            "search",
            postgresql.TSVECTOR(),
            sa.Computed("to_tsvector('simple', name || ' ' || postcode)", persisted=True),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("registered_beds > 0", name=op.f("ck_home_registered_beds_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_home")),
        sa.UniqueConstraint("cqc_location_id", name=op.f("uq_home_cqc_location_id")),
        schema="assets",
    )
    op.create_index("ix_home_created_at_id", "home", ["created_at", "id"], unique=False, schema="assets")
    op.create_index("ix_home_name_id", "home", ["name", "id"], unique=False, schema="assets")
    op.create_index("ix_home_postcode_id", "home", ["postcode", "id"], unique=False, schema="assets")
    op.create_index("ix_home_search", "home", ["search"], unique=False, schema="assets", postgresql_using="gin")


def downgrade() -> None:
    op.drop_index("ix_home_search", table_name="home", schema="assets", postgresql_using="gin")
    op.drop_index("ix_home_postcode_id", table_name="home", schema="assets")
    op.drop_index("ix_home_name_id", table_name="home", schema="assets")
    op.drop_index("ix_home_created_at_id", table_name="home", schema="assets")
    op.drop_table("home", schema="assets")
    drop_kit_tables(SCHEMA)
