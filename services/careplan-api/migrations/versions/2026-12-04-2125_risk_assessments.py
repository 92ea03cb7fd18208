"""risk assessments (Waterlow, MUST, falls), append-only

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 21:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "careplan"


def upgrade() -> None:
    op.create_table(
        "risk_assessment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("tool", sa.Enum("waterlow", "must", "falls", name="risk_tool", native_enum=False, length=16),
                  nullable=False),
        sa.Column("assessed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("section_id", sa.Uuid(), nullable=True),
        sa.Column("items", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("item_scores", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("band", sa.Text(), nullable=False),
        sa.Column("high_risk", sa.Boolean(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("judgement", sa.Text(), nullable=True),
        sa.Column("assessor_sub", sa.Text(), nullable=False),
        sa.Column("assessor_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["resident_id"], ["careplan.resident.id"],
                                name=op.f("fk_risk_assessment_resident_id_resident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_assessment")),
        schema=SCHEMA,
    )
    op.create_index("ix_risk_assessment_resident_id_assessed_at_id", "risk_assessment",
                    ["resident_id", "assessed_at", "id"], unique=False, schema=SCHEMA)
    op.create_index("ix_risk_assessment_resident_id_tool_assessed_at_id", "risk_assessment",
                    ["resident_id", "tool", "assessed_at", "id"], unique=False, schema=SCHEMA)
    # Append-only like notes and reviews (the function comes from revision 0002).
    op.execute(f"""CREATE TRIGGER risk_assessment_append_only BEFORE UPDATE OR DELETE ON {SCHEMA}.risk_assessment
                   FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.append_only()""")


def downgrade() -> None:
    op.drop_index("ix_risk_assessment_resident_id_tool_assessed_at_id", table_name="risk_assessment", schema=SCHEMA)
    op.drop_index("ix_risk_assessment_resident_id_assessed_at_id", table_name="risk_assessment", schema=SCHEMA)
    op.drop_table("risk_assessment", schema=SCHEMA)
