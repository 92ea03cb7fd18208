"""residents, care plans with versions, reviews, daily notes; immutability guards

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 20:23:38.471176
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "careplan"

# Versions are immutable: after insert only the status and the sign-off may be set.
_VERSION_GUARD = f"""
CREATE FUNCTION {SCHEMA}.care_plan_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (NEW.id, NEW.plan_id, NEW.resident_id, NEW.number, NEW.based_on_number, NEW.reason,
      NEW.sections, NEW.author_sub, NEW.author_name, NEW.created_at)
    IS DISTINCT FROM (OLD.id, OLD.plan_id, OLD.resident_id, OLD.number, OLD.based_on_number, OLD.reason,
      OLD.sections, OLD.author_sub, OLD.author_name, OLD.created_at) THEN
    RAISE EXCEPTION 'care plan versions are immutable';
  END IF;
  RETURN NEW;
END $$"""

# Daily notes and section reviews are append-only: corrections are new rows.
_APPEND_ONLY = f"""
CREATE FUNCTION {SCHEMA}.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"""


def upgrade() -> None:
    op.create_table(
        "home_care_domain",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_home_care_domain")),
        sa.UniqueConstraint("home_id", "code", name="uq_home_care_domain_home_id_code"),
        schema="careplan",
    )
    op.create_table(
        "resident",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("given_name", sa.Text(), nullable=False),
        sa.Column("family_name", sa.Text(), nullable=False),
        sa.Column("preferred_name", sa.Text(), nullable=True),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column(
            "sex",
            sa.Enum(
                "female",
                "male",
                "indeterminate",
                "not_known",
                name="sex",
                native_enum=False,
                length=24,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column("nhs_number", sa.Text(), nullable=True),
        sa.Column(
            "nhs_number_status",
            sa.Enum(
                "verified",
                "unverified",
                "trace_required",
                name="nhs_number_status",
                native_enum=False,
                length=24,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column("room_location_id", sa.Uuid(), nullable=True),
        sa.Column("admission_date", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "in_hospital",
                "on_leave",
                "discharged",
                "deceased",
                name="resident_status",
                native_enum=False,
                length=24,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column("status_date", sa.Date(), nullable=False),
        sa.Column("gp_practice_name", sa.Text(), nullable=True),
        sa.Column("gp_practice_code", sa.Text(), nullable=True),
        sa.Column("communication_needs", sa.Text(), nullable=True),
        sa.Column("what_matters_to_me", sa.Text(), nullable=True),
        sa.Column("how_to_communicate_with_me", sa.Text(), nullable=True),
        sa.Column("how_and_when_to_support_me", sa.Text(), nullable=True),
        sa.Column("fluid_target_ml", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("nhs_number ~ '^[0-9]{10}$'", name=op.f("ck_resident_nhs_number_digits")),
        sa.CheckConstraint("fluid_target_ml BETWEEN 500 AND 5000", name=op.f("ck_resident_fluid_target_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident")),
        schema="careplan",
    )
    op.create_index(
        "ix_resident_admission_date_id", "resident", ["admission_date", "id"], unique=False, schema="careplan"
    )
    op.create_index("ix_resident_family_name_id", "resident", ["family_name", "id"], unique=False, schema="careplan")
    op.create_index(
        "ix_resident_home_id_admission_date_id",
        "resident",
        ["home_id", "admission_date", "id"],
        unique=False,
        schema="careplan",
    )
    op.create_index(
        "ix_resident_home_id_family_name_id",
        "resident",
        ["home_id", "family_name", "id"],
        unique=False,
        schema="careplan",
    )
    op.create_index("ix_resident_status", "resident", ["status"], unique=False, schema="careplan")
    op.create_index(
        "uq_resident_nhs_number",
        "resident",
        ["nhs_number"],
        unique=True,
        schema="careplan",
        postgresql_where=sa.text("nhs_number IS NOT NULL"),
    )
    op.create_table(
        "review_schedule",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("section_id", sa.Uuid(), nullable=False),
        sa.Column("domain", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column(
            "interval",
            sa.Enum(
                "weekly",
                "fortnightly",
                "monthly",
                "quarterly",
                name="review_interval",
                native_enum=False,
                length=16,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column("plan_version_number", sa.Integer(), nullable=False),
        sa.Column("scheduled_from", sa.Date(), nullable=False),
        sa.Column("last_reviewed_date", sa.Date(), nullable=True),
        sa.Column("next_review_date", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_schedule")),
        sa.UniqueConstraint("resident_id", "section_id", name="uq_review_schedule_resident_id_section_id"),
        schema="careplan",
    )
    op.create_index(
        "ix_review_schedule_home_id_next_review_date_id",
        "review_schedule",
        ["home_id", "next_review_date", "id"],
        unique=False,
        schema="careplan",
        postgresql_where=sa.text("active"),
    )
    op.create_table(
        "section_review",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("section_id", sa.Uuid(), nullable=False),
        sa.Column("domain", sa.Text(), nullable=False),
        sa.Column("plan_version_number", sa.Integer(), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "no_change",
                "changes_needed",
                "goals_met",
                name="review_outcome",
                native_enum=False,
                length=24,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=True),
        sa.Column("next_review_date", sa.Date(), nullable=False),
        sa.Column("reviewer_sub", sa.Text(), nullable=False),
        sa.Column("reviewer_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_section_review")),
        schema="careplan",
    )
    op.create_index(
        "ix_section_review_resident_id_review_date_id",
        "section_review",
        ["resident_id", "review_date", "id"],
        unique=False,
        schema="careplan",
    )
    op.create_table(
        "allergy",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("substance", sa.Text(), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "medication",
                "food",
                "environment",
                "other",
                name="allergy_category",
                native_enum=False,
                length=16,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column("reaction", sa.Text(), nullable=True),
        sa.Column(
            "severity",
            sa.Enum(
                "mild", "moderate", "severe", name="allergy_severity", native_enum=False, length=16, schema="careplan"
            ),
            nullable=False,
        ),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["careplan.resident.id"], name=op.f("fk_allergy_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allergy")),
        schema="careplan",
    )
    op.create_index(
        "ix_allergy_resident_id_substance_id",
        "allergy",
        ["resident_id", "substance", "id"],
        unique=False,
        schema="careplan",
    )
    op.create_table(
        "care_plan",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("current_number", sa.Integer(), nullable=True),
        sa.Column("latest_number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["careplan.resident.id"], name=op.f("fk_care_plan_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_plan")),
        sa.UniqueConstraint("resident_id", name=op.f("uq_care_plan_resident_id")),
        schema="careplan",
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("relationship", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("is_next_of_kin", sa.Boolean(), nullable=False),
        sa.Column("lpa_roles", sa.ARRAY(sa.Text()), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["careplan.resident.id"], name=op.f("fk_contact_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
        schema="careplan",
    )
    op.create_index(
        "ix_contact_resident_id_name_id", "contact", ["resident_id", "name", "id"], unique=False, schema="careplan"
    )
    op.create_table(
        "daily_note",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "personal_care",
                "food",
                "fluids",
                "mood_and_wellbeing",
                "activity",
                "sleep",
                "continence",
                "visit",
                "incident",
                name="note_category",
                native_enum=False,
                length=24,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("fluid_ml", sa.Integer(), nullable=True),
        sa.Column("section_id", sa.Uuid(), nullable=True),
        sa.Column("corrects_note_id", sa.Uuid(), nullable=True),
        sa.Column("author_sub", sa.Text(), nullable=False),
        sa.Column("author_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "(category = 'fluids') = (fluid_ml IS NOT NULL)", name=op.f("ck_daily_note_fluid_ml_only_for_fluids")
        ),
        sa.CheckConstraint("fluid_ml BETWEEN 1 AND 2000", name=op.f("ck_daily_note_fluid_ml_range")),
        sa.ForeignKeyConstraint(
            ["corrects_note_id"], ["careplan.daily_note.id"], name=op.f("fk_daily_note_corrects_note_id_daily_note")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["careplan.resident.id"], name=op.f("fk_daily_note_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_note")),
        schema="careplan",
    )
    op.create_index(
        "ix_daily_note_resident_id_category_occurred_at_id",
        "daily_note",
        ["resident_id", "category", "occurred_at", "id"],
        unique=False,
        schema="careplan",
    )
    op.create_index(
        "ix_daily_note_resident_id_occurred_at_id",
        "daily_note",
        ["resident_id", "occurred_at", "id"],
        unique=False,
        schema="careplan",
    )
    op.create_index(
        "uq_daily_note_corrects_note_id",
        "daily_note",
        ["corrects_note_id"],
        unique=True,
        schema="careplan",
        postgresql_where=sa.text("corrects_note_id IS NOT NULL"),
    )
    op.create_table(
        "resident_status_change",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "in_hospital",
                "on_leave",
                "discharged",
                "deceased",
                name="resident_status",
                native_enum=False,
                length=24,
                schema="careplan",
            ),
            nullable=False,
        ),
        sa.Column("effective_date", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["careplan.resident.id"], name=op.f("fk_resident_status_change_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident_status_change")),
        schema="careplan",
    )
    op.create_index(
        "ix_resident_status_change_resident_id",
        "resident_status_change",
        ["resident_id", "effective_date"],
        unique=False,
        schema="careplan",
    )
    op.create_table(
        "care_plan_version",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft", "current", "superseded", name="version_status", native_enum=False, length=16, schema="careplan"
            ),
            nullable=False,
        ),
        sa.Column("based_on_number", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("sections", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("author_sub", sa.Text(), nullable=False),
        sa.Column("author_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("signed_off_by_sub", sa.Text(), nullable=True),
        sa.Column("signed_off_by_name", sa.Text(), nullable=True),
        sa.Column("signed_off_role", sa.Text(), nullable=True),
        sa.Column("signed_off_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "involvement",
            sa.Enum(
                "resident",
                "representative",
                "resident_and_representative",
                "not_involved",
                name="involvement",
                native_enum=False,
                length=32,
                schema="careplan",
            ),
            nullable=True,
        ),
        sa.Column("involvement_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["careplan.care_plan.id"], name=op.f("fk_care_plan_version_plan_id_care_plan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_plan_version")),
        sa.UniqueConstraint("plan_id", "number", name="uq_care_plan_version_plan_id_number"),
        schema="careplan",
    )
    op.execute(_VERSION_GUARD)
    op.execute(f"""CREATE TRIGGER care_plan_version_immutable BEFORE UPDATE OR DELETE ON {SCHEMA}.care_plan_version
                   FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.care_plan_version_immutable()""")
    op.execute(_APPEND_ONLY)
    for table in ("daily_note", "section_review", "resident_status_change"):
        op.execute(f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {SCHEMA}.{table}
                       FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.append_only()""")
    # GET /v1/residents/{id}/audit: every audit row naming the resident, newest first.
    op.execute(f"""CREATE INDEX ix_audit_event_resident_id_at_id
                   ON {SCHEMA}.audit_event ((details->>'resident_id'), at, id)""")


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {SCHEMA}.ix_audit_event_resident_id_at_id")
    op.drop_table("care_plan_version", schema="careplan")
    op.drop_index("ix_resident_status_change_resident_id", table_name="resident_status_change", schema="careplan")
    op.drop_table("resident_status_change", schema="careplan")
    op.drop_index(
        "uq_daily_note_corrects_note_id",
        table_name="daily_note",
        schema="careplan",
        postgresql_where=sa.text("corrects_note_id IS NOT NULL"),
    )
    op.drop_index("ix_daily_note_resident_id_occurred_at_id", table_name="daily_note", schema="careplan")
    op.drop_index("ix_daily_note_resident_id_category_occurred_at_id", table_name="daily_note", schema="careplan")
    op.drop_table("daily_note", schema="careplan")
    op.drop_index("ix_contact_resident_id_name_id", table_name="contact", schema="careplan")
    op.drop_table("contact", schema="careplan")
    op.drop_table("care_plan", schema="careplan")
    op.drop_index("ix_allergy_resident_id_substance_id", table_name="allergy", schema="careplan")
    op.drop_table("allergy", schema="careplan")
    op.drop_index("ix_section_review_resident_id_review_date_id", table_name="section_review", schema="careplan")
    op.drop_table("section_review", schema="careplan")
    op.drop_index(
        "ix_review_schedule_home_id_next_review_date_id",
        table_name="review_schedule",
        schema="careplan",
        postgresql_where=sa.text("active"),
    )
    op.drop_table("review_schedule", schema="careplan")
    op.drop_index(
        "uq_resident_nhs_number",
        table_name="resident",
        schema="careplan",
        postgresql_where=sa.text("nhs_number IS NOT NULL"),
    )
    op.drop_index("ix_resident_status", table_name="resident", schema="careplan")
    op.drop_index("ix_resident_home_id_family_name_id", table_name="resident", schema="careplan")
    op.drop_index("ix_resident_home_id_admission_date_id", table_name="resident", schema="careplan")
    op.drop_index("ix_resident_family_name_id", table_name="resident", schema="careplan")
    op.drop_index("ix_resident_admission_date_id", table_name="resident", schema="careplan")
    op.drop_table("resident", schema="careplan")
    op.drop_table("home_care_domain", schema="careplan")
    op.execute(f"DROP FUNCTION IF EXISTS {SCHEMA}.append_only()")
    op.execute(f"DROP FUNCTION IF EXISTS {SCHEMA}.care_plan_version_immutable()")
