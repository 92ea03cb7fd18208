"""consent, mental capacity assessments, best-interest decisions, DoLS records; append-only

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 21:26:39.624173
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "capacity_assessment",
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("impairment", sa.Text(), nullable=True),
        sa.Column("can_understand", sa.Boolean(), nullable=False),
        sa.Column("can_retain", sa.Boolean(), nullable=False),
        sa.Column("can_use_or_weigh", sa.Boolean(), nullable=False),
        sa.Column("can_communicate", sa.Boolean(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "has_capacity",
                "lacks_capacity",
                name="capacity_outcome",
                native_enum=False,
                length=32,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column("reasoning", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_by_sub", sa.Text(), nullable=False),
        sa.Column("recorded_by_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["careplan.resident.id"], name=op.f("fk_capacity_assessment_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capacity_assessment")),
        schema="careplan",
    )
    op.create_index(
        "ix_capacity_assessment_resident_id_assessed_on_id",
        "capacity_assessment",
        ["resident_id", "assessed_on", "id"],
        unique=False,
        schema="careplan",
    )
    op.create_table(
        "consent",
        sa.Column(
            "scope",
            sa.Enum(
                "care", "information_sharing", name="consent_scope", native_enum=False, length=32, schema="careplan"
            ),
            nullable=False,
        ),
        sa.Column(
            "decision",
            sa.Enum(
                "given",
                "refused",
                "withdrawn",
                name="consent_decision",
                native_enum=False,
                length=32,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column(
            "given_by",
            sa.Enum(
                "resident",
                "lpa_health_and_welfare",
                "court_appointed_deputy",
                name="consent_given_by",
                native_enum=False,
                length=32,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column("decision_date", sa.Date(), nullable=False),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_by_sub", sa.Text(), nullable=False),
        sa.Column("recorded_by_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["careplan.resident.id"], name=op.f("fk_consent_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
        schema="careplan",
    )
    op.create_index(
        "ix_consent_resident_id_decision_date_id",
        "consent",
        ["resident_id", "decision_date", "id"],
        unique=False,
        schema="careplan",
    )
    op.create_table(
        "dols_record",
        sa.Column(
            "stage",
            sa.Enum(
                "application",
                "authorisation",
                "refusal",
                name="dols_stage",
                native_enum=False,
                length=32,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum("urgent", "standard", name="dols_kind", native_enum=False, length=32, schema="careplan"),
            nullable=False,
        ),
        sa.Column("supervisory_body", sa.Text(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("conditions", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_by_sub", sa.Text(), nullable=False),
        sa.Column("recorded_by_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "(stage = 'authorisation') = (starts_on IS NOT NULL AND expires_on IS NOT NULL)",
            name=op.f("ck_dols_record_dates_for_authorisations"),
        ),
        sa.CheckConstraint("expires_on >= starts_on", name=op.f("ck_dols_record_expires_after_start")),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["careplan.resident.id"], name=op.f("fk_dols_record_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dols_record")),
        schema="careplan",
    )
    op.create_index(
        "ix_dols_record_home_id_expires_on_id",
        "dols_record",
        ["home_id", "expires_on", "id"],
        unique=False,
        schema="careplan",
        postgresql_where=sa.text("stage = 'authorisation'"),
    )
    op.create_index(
        "ix_dols_record_resident_id_event_date_id",
        "dols_record",
        ["resident_id", "event_date", "id"],
        unique=False,
        schema="careplan",
    )
    op.create_table(
        "best_interest_decision",
        sa.Column("capacity_assessment_id", sa.Uuid(), nullable=False),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("decision_maker", sa.Text(), nullable=False),
        sa.Column("consulted", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("less_restrictive_options", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_by_sub", sa.Text(), nullable=False),
        sa.Column("recorded_by_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["capacity_assessment_id"],
            ["careplan.capacity_assessment.id"],
            name=op.f("fk_best_interest_decision_capacity_assessment_id_capacity_assessment"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["careplan.resident.id"], name=op.f("fk_best_interest_decision_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_best_interest_decision")),
        schema="careplan",
    )
    op.create_index(
        "ix_best_interest_decision_resident_id_decided_on_id",
        "best_interest_decision",
        ["resident_id", "decided_on", "id"],
        unique=False,
        schema="careplan",
    )
    # Append-only like notes and reviews (the function comes from revision 0002).
    for table in ("consent", "capacity_assessment", "best_interest_decision", "dols_record"):
        op.execute(f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON careplan.{table}
                       FOR EACH ROW EXECUTE FUNCTION careplan.append_only()""")


def downgrade() -> None:
    op.drop_index(
        "ix_best_interest_decision_resident_id_decided_on_id", table_name="best_interest_decision", schema="careplan"
    )
    op.drop_table("best_interest_decision", schema="careplan")
    op.drop_index("ix_dols_record_resident_id_event_date_id", table_name="dols_record", schema="careplan")
    op.drop_index(
        "ix_dols_record_home_id_expires_on_id",
        table_name="dols_record",
        schema="careplan",
        postgresql_where=sa.text("stage = 'authorisation'"),
    )
    op.drop_table("dols_record", schema="careplan")
    op.drop_index("ix_consent_resident_id_decision_date_id", table_name="consent", schema="careplan")
    op.drop_table("consent", schema="careplan")
    op.drop_index(
        "ix_capacity_assessment_resident_id_assessed_on_id", table_name="capacity_assessment", schema="careplan"
    )
    op.drop_table("capacity_assessment", schema="careplan")
