"""recalls (field safety notices) and the assets each affects

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 21:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "recall",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("make", sa.Text(), nullable=False),
        sa.Column("model", sa.Text(), nullable=False),
        sa.Column("serial_from", sa.Text(), nullable=True),
        sa.Column("serial_to", sa.Text(), nullable=True),
        sa.Column("issued_date", sa.Date(), nullable=False),
        sa.Column("action_required", sa.Text(), nullable=False),
        sa.Column("status", sa.Enum("open", "closed", name="recall_status", native_enum=False, length=8),
                  nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recall")),
        schema="assets",
    )
    op.create_index("ix_recall_issued_date_id", "recall", ["issued_date", "id"], schema="assets")
    op.create_index("ix_recall_status_issued_date_id", "recall", ["status", "issued_date", "id"], schema="assets")
    op.create_table(
        "recall_asset",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("recall_id", sa.Uuid(), nullable=False),
        sa.Column("asset_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("asset_tag", sa.Text(), nullable=False),
        sa.Column("action", sa.Enum("pending", "checked", "modified", "withdrawn", name="recall_action",
                                    native_enum=False, length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("actioned_by", sa.Text(), nullable=True),
        sa.Column("actioned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["recall_id"], ["assets.recall.id"], name=op.f("fk_recall_asset_recall_id_recall")),
        sa.ForeignKeyConstraint(["asset_id"], ["assets.asset.id"], name=op.f("fk_recall_asset_asset_id_asset")),
        sa.ForeignKeyConstraint(["home_id"], ["assets.home.id"], name=op.f("fk_recall_asset_home_id_home")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recall_asset")),
        sa.UniqueConstraint("recall_id", "asset_id", name="uq_recall_asset_recall_id_asset_id"),
        schema="assets",
    )
    op.create_index("ix_recall_asset_recall_id_asset_tag_id", "recall_asset", ["recall_id", "asset_tag", "id"],
                    schema="assets")
    op.create_index("ix_recall_asset_home_id_recall_id", "recall_asset", ["home_id", "recall_id"], schema="assets")
    op.create_index("ix_recall_asset_asset_id", "recall_asset", ["asset_id"], schema="assets")
    op.create_index("ix_recall_asset_recall_id_action", "recall_asset", ["recall_id", "action"], schema="assets")
    op.create_index("ix_asset_lower_make_lower_model", "asset", [sa.text("lower(make)"), sa.text("lower(model)")],
                    schema="assets")


def downgrade() -> None:
    op.drop_index("ix_asset_lower_make_lower_model", table_name="asset", schema="assets")
    op.drop_table("recall_asset", schema="assets")
    op.drop_table("recall", schema="assets")
