"""locations, categories, assets, inspection rules and overrides, inspections, defects, due schedule

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 20:19:39.906068
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(sa.schema.CreateSequence(sa.Sequence("asset_tag_seq", schema="assets")))
    # An inspection interval as a Postgres interval (NULL in, NULL out), for due-date arithmetic.
    op.execute("""CREATE FUNCTION assets.interval_of(n integer, unit text) RETURNS interval
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN CASE unit WHEN 'months' THEN make_interval(months => n) WHEN 'days' THEN make_interval(days => n) END""")
    op.create_table(
        "category",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("extra_schema", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category")),
        sa.UniqueConstraint("code", name=op.f("uq_category_code")),
        schema="assets",
    )
    op.create_index("ix_category_name_id", "category", ["name", "id"], unique=False, schema="assets")
    op.create_table(
        "inspection_rule",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("category_id", sa.Uuid(), nullable=False),
        sa.Column("inspection_type", sa.Text(), nullable=False),
        sa.Column("interval_value", sa.Integer(), nullable=False),
        sa.Column(
            "interval_unit",
            sa.Enum("days", "months", name="interval_unit", native_enum=False, length=8, schema="assets"),
            nullable=False,
        ),
        sa.Column("warning_days", sa.Integer(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("statutory", sa.Boolean(), nullable=False),
        sa.Column("fail_takes_out_of_service", sa.Boolean(), nullable=False),
        sa.Column("thresholds", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("interval_value > 0", name=op.f("ck_inspection_rule_interval_positive")),
        sa.CheckConstraint("warning_days >= 0", name=op.f("ck_inspection_rule_warning_not_negative")),
        sa.ForeignKeyConstraint(
            ["category_id"], ["assets.category.id"], name=op.f("fk_inspection_rule_category_id_category")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_rule")),
        sa.UniqueConstraint("code", name=op.f("uq_inspection_rule_code")),
        schema="assets",
    )
    op.create_index(
        "ix_inspection_rule_category_id_id", "inspection_rule", ["category_id", "id"], unique=False, schema="assets"
    )
    op.create_index(
        "ix_inspection_rule_inspection_type_id",
        "inspection_rule",
        ["inspection_type", "id"],
        unique=False,
        schema="assets",
    )
    op.create_table(
        "location",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("path", sa.Text(collation="C"), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "building",
                "floor",
                "wing",
                "room",
                "area",
                name="location_kind",
                native_enum=False,
                length=16,
                schema="assets",
            ),
            nullable=False,
        ),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column(
            "room_type",
            sa.Enum(
                "resident_room",
                "bathroom",
                "toilet",
                "lounge",
                "dining_room",
                "kitchen",
                "laundry",
                "plant_room",
                "office",
                "store",
                "corridor",
                "garden",
                "other",
                name="room_type",
                native_enum=False,
                length=16,
                schema="assets",
            ),
            nullable=True,
        ),
        sa.Column("room_number", sa.Text(), nullable=True),
        sa.Column("bed_count", sa.Integer(), nullable=True),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "bed_count IS NULL OR (bed_count BETWEEN 1 AND 10 AND room_type = 'resident_room')",
            name=op.f("ck_location_beds_only_in_resident_rooms"),
        ),
        sa.ForeignKeyConstraint(["home_id"], ["assets.home.id"], name=op.f("fk_location_home_id_home")),
        sa.ForeignKeyConstraint(["parent_id"], ["assets.location.id"], name=op.f("fk_location_parent_id_location")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_location")),
        schema="assets",
    )
    op.create_index("ix_location_home_id_name_id", "location", ["home_id", "name", "id"], unique=False, schema="assets")
    op.create_index("ix_location_home_id_path", "location", ["home_id", "path", "id"], unique=False, schema="assets")
    op.create_index("ix_location_parent_id", "location", ["parent_id"], unique=False, schema="assets")
    op.create_index("ix_location_path_id", "location", ["path", "id"], unique=False, schema="assets")
    op.create_table(
        "asset",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=True),
        sa.Column("category_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("serial", sa.Text(), nullable=True),
        sa.Column("make", sa.Text(), nullable=True),
        sa.Column("model", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "in_service",
                "out_of_service",
                "awaiting_repair",
                "disposed",
                name="asset_status",
                native_enum=False,
                length=16,
                schema="assets",
            ),
            nullable=False,
        ),
        sa.Column(
            "condition",
            sa.Enum("A", "B", "C", "D", name="condition_grade", native_enum=False, schema="assets"),
            nullable=False,
        ),
        sa.Column("purchase_date", sa.Date(), nullable=True),
        sa.Column("purchase_cost", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("warranty_end_date", sa.Date(), nullable=True),
        sa.Column("supplier", sa.Text(), nullable=True),
        sa.Column(
            "assigned_to_kind",
            sa.Enum(
                "location", "staff", "resident", name="assigned_kind", native_enum=False, length=16, schema="assets"
            ),
            nullable=True,
        ),
        sa.Column("assigned_to_id", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("extra", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("next_due_date", sa.Date(), nullable=True),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column(
            "search",
            postgresql.TSVECTOR(),
            sa.Computed(
                "to_tsvector('simple', regexp_replace(tag || ' ' || coalesce(serial, '') || ' ' || "
                "coalesce(model, '') || ' ' || name, '[^[:alnum:]]+', ' ', 'g') || ' ' || "
                "regexp_replace(tag || ' ' || coalesce(serial, '') || ' ' || coalesce(model, ''), "
                "'[^[:alnum:][:space:]]+', '', 'g'))",
                persisted=True,
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(assigned_to_kind IS NULL) = (assigned_to_id IS NULL)", name=op.f("ck_asset_assignment_complete")
        ),
        sa.CheckConstraint("purchase_cost IS NULL OR purchase_cost >= 0", name=op.f("ck_asset_cost_not_negative")),
        sa.ForeignKeyConstraint(["category_id"], ["assets.category.id"], name=op.f("fk_asset_category_id_category")),
        sa.ForeignKeyConstraint(["home_id"], ["assets.home.id"], name=op.f("fk_asset_home_id_home")),
        sa.ForeignKeyConstraint(["location_id"], ["assets.location.id"], name=op.f("fk_asset_location_id_location")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset")),
        sa.UniqueConstraint("tag", name=op.f("uq_asset_tag")),
        schema="assets",
    )
    op.create_index(
        "ix_asset_category_id_name_id", "asset", ["category_id", "name", "id"], unique=False, schema="assets"
    )
    op.create_index("ix_asset_created_at_id", "asset", ["created_at", "id"], unique=False, schema="assets")
    op.create_index("ix_asset_home_id_condition", "asset", ["home_id", "condition"], unique=False, schema="assets")
    op.create_index(
        "ix_asset_home_id_created_at_id", "asset", ["home_id", "created_at", "id"], unique=False, schema="assets"
    )
    op.create_index("ix_asset_home_id_name_id", "asset", ["home_id", "name", "id"], unique=False, schema="assets")
    op.create_index(
        "ix_asset_home_id_next_due_date_id", "asset", ["home_id", "next_due_date", "id"], unique=False, schema="assets"
    )
    op.create_index("ix_asset_home_id_status", "asset", ["home_id", "status"], unique=False, schema="assets")
    op.create_index("ix_asset_home_id_tag_id", "asset", ["home_id", "tag", "id"], unique=False, schema="assets")
    op.create_index("ix_asset_location_id", "asset", ["location_id"], unique=False, schema="assets")
    op.create_index("ix_asset_name_id", "asset", ["name", "id"], unique=False, schema="assets")
    op.create_index(
        "ix_asset_home_id_category_id_name_id",
        "asset",
        ["home_id", "category_id", "name", "id"],
        unique=False,
        schema="assets",
    )
    op.create_index("ix_asset_tag_id", "asset", ["tag", "id"], unique=False, schema="assets")
    op.create_index("ix_asset_next_due_date_id", "asset", ["next_due_date", "id"], unique=False, schema="assets")
    op.create_index("ix_asset_search", "asset", ["search"], unique=False, schema="assets", postgresql_using="gin")
    op.create_table(
        "rule_override",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("rule_id", sa.Uuid(), nullable=False),
        sa.Column("interval_value", sa.Integer(), nullable=False),
        sa.Column(
            "interval_unit",
            sa.Enum("days", "months", name="interval_unit", native_enum=False, length=8, schema="assets"),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("interval_value > 0", name=op.f("ck_rule_override_interval_positive")),
        sa.ForeignKeyConstraint(["home_id"], ["assets.home.id"], name=op.f("fk_rule_override_home_id_home")),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["assets.inspection_rule.id"], name=op.f("fk_rule_override_rule_id_inspection_rule")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_override")),
        schema="assets",
    )
    op.create_index("ix_rule_override_rule_id", "rule_override", ["rule_id"], unique=False, schema="assets")
    op.create_index(
        "uq_rule_override_home_rule_live",
        "rule_override",
        ["home_id", "rule_id"],
        unique=True,
        schema="assets",
        postgresql_where="archived_at IS NULL",
    )
    op.create_table(
        "asset_rule_due",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("asset_id", sa.Uuid(), nullable=False),
        sa.Column("rule_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("category_id", sa.Uuid(), nullable=False),
        sa.Column("statutory", sa.Boolean(), nullable=False),
        sa.Column("in_use", sa.Boolean(), nullable=False),
        sa.Column("last_inspection_id", sa.Uuid(), nullable=True),
        sa.Column("last_inspected_date", sa.Date(), nullable=True),
        sa.Column("last_outcome", sa.Text(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("warning_days", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["asset_id"], ["assets.asset.id"], name=op.f("fk_asset_rule_due_asset_id_asset")),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["assets.inspection_rule.id"], name=op.f("fk_asset_rule_due_rule_id_inspection_rule")
        ),
        sa.PrimaryKeyConstraint("asset_id", "rule_id", name=op.f("pk_asset_rule_due")),
        sa.UniqueConstraint("id", name=op.f("uq_asset_rule_due_id")),
        schema="assets",
    )
    op.create_index(
        "ix_asset_rule_due_due_date_id", "asset_rule_due", ["due_date", "id"], unique=False, schema="assets"
    )
    op.create_index(
        "ix_asset_rule_due_home_id_due_date_id",
        "asset_rule_due",
        ["home_id", "due_date", "id"],
        unique=False,
        schema="assets",
    )
    op.create_index("ix_asset_rule_due_rule_id", "asset_rule_due", ["rule_id"], unique=False, schema="assets")
    op.create_table(
        "inspection",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("asset_id", sa.Uuid(), nullable=False),
        sa.Column("rule_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("inspected_date", sa.Date(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "pass", "pass_with_advisories", "fail", name="outcome", native_enum=False, length=24, schema="assets"
            ),
            nullable=False,
        ),
        sa.Column("inspector_name", sa.Text(), nullable=False),
        sa.Column("company", sa.Text(), nullable=True),
        sa.Column("certificate_ref", sa.Text(), nullable=True),
        sa.Column("defects_found", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["asset_id"], ["assets.asset.id"], name=op.f("fk_inspection_asset_id_asset")),
        sa.ForeignKeyConstraint(["home_id"], ["assets.home.id"], name=op.f("fk_inspection_home_id_home")),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["assets.inspection_rule.id"], name=op.f("fk_inspection_rule_id_inspection_rule")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection")),
        schema="assets",
    )
    op.create_index(
        "ix_inspection_asset_id_inspected_date_id",
        "inspection",
        ["asset_id", "inspected_date", "id"],
        unique=False,
        schema="assets",
    )
    op.create_index(
        "ix_inspection_asset_id_rule_id_inspected_date",
        "inspection",
        ["asset_id", "rule_id", "inspected_date"],
        unique=False,
        schema="assets",
    )
    op.create_index(
        "ix_inspection_home_id_inspected_date_id",
        "inspection",
        ["home_id", "inspected_date", "id"],
        unique=False,
        schema="assets",
    )
    op.create_index(
        "ix_inspection_inspected_date_id", "inspection", ["inspected_date", "id"], unique=False, schema="assets"
    )
    op.create_index("ix_inspection_rule_id", "inspection", ["rule_id"], unique=False, schema="assets")
    op.create_table(
        "defect",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("asset_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("inspection_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column(
            "priority",
            sa.Enum("P1", "P2", "P3", "P4", name="priority", native_enum=False, schema="assets"),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "in_progress",
                "resolved",
                "closed",
                name="defect_status",
                native_enum=False,
                length=16,
                schema="assets",
            ),
            nullable=False,
        ),
        sa.Column("took_out_of_service", sa.Boolean(), nullable=False),
        sa.Column("contractor", sa.Text(), nullable=True),
        sa.Column("cost", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("return_check_by", sa.Text(), nullable=True),
        sa.Column("return_check_notes", sa.Text(), nullable=True),
        sa.Column("returned_to_service", sa.Boolean(), nullable=True),
        sa.Column("raised_by", sa.Text(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("cost IS NULL OR cost >= 0", name=op.f("ck_defect_cost_not_negative")),
        sa.ForeignKeyConstraint(["asset_id"], ["assets.asset.id"], name=op.f("fk_defect_asset_id_asset")),
        sa.ForeignKeyConstraint(["home_id"], ["assets.home.id"], name=op.f("fk_defect_home_id_home")),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["assets.inspection.id"], name=op.f("fk_defect_inspection_id_inspection")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_defect")),
        schema="assets",
    )
    op.create_index("ix_defect_asset_id_status", "defect", ["asset_id", "status"], unique=False, schema="assets")
    op.create_index("ix_defect_created_at_id", "defect", ["created_at", "id"], unique=False, schema="assets")
    op.create_index(
        "ix_defect_home_id_created_at_id", "defect", ["home_id", "created_at", "id"], unique=False, schema="assets"
    )
    op.create_index(
        "ix_defect_home_id_priority_id", "defect", ["home_id", "priority", "id"], unique=False, schema="assets"
    )
    op.create_index("ix_defect_inspection_id", "defect", ["inspection_id"], unique=False, schema="assets")
    op.create_index("ix_defect_priority_id", "defect", ["priority", "id"], unique=False, schema="assets")
    op.create_index("ix_defect_status_home_id", "defect", ["status", "home_id"], unique=False, schema="assets")
    op.create_table(
        "inspection_reading",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("inspection_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("reading", sa.Text(), nullable=False),
        sa.Column("value", sa.Numeric(precision=8, scale=2), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("min", sa.Numeric(precision=8, scale=2), nullable=True),
        sa.Column("max", sa.Numeric(precision=8, scale=2), nullable=True),
        sa.Column("max_inclusive", sa.Boolean(), nullable=False),
        sa.Column("within_limits", sa.Boolean(), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["assets.inspection.id"], name=op.f("fk_inspection_reading_inspection_id_inspection")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_reading")),
        schema="assets",
    )
    op.create_index(
        "ix_inspection_reading_inspection_id", "inspection_reading", ["inspection_id"], unique=False, schema="assets"
    )

    op.create_index("ix_asset_rule_due_category_id", "asset_rule_due", ["category_id"], unique=False, schema="assets")
    op.create_index(
        "ix_asset_rule_due_failed",
        "asset_rule_due",
        ["home_id", "due_date", "id"],
        unique=False,
        schema="assets",
        postgresql_where="last_outcome = 'fail'",
    )
    op.create_index(
        "ix_asset_rule_due_never_inspected",
        "asset_rule_due",
        ["home_id", "due_date", "id"],
        unique=False,
        schema="assets",
        postgresql_where="last_inspection_id IS NULL",
    )
    op.create_index(
        "ix_inspection_outcome_inspected_date_id",
        "inspection",
        ["outcome", "inspected_date", "id"],
        unique=False,
        schema="assets",
    )
    op.create_index("ix_inspection_rule_code_id", "inspection_rule", ["code", "id"], unique=False, schema="assets")
    op.create_index("ix_inspection_rule_statutory", "inspection_rule", ["statutory"], unique=False, schema="assets")
    op.create_index("ix_location_home_id_kind", "location", ["home_id", "kind"], unique=False, schema="assets")
    op.create_index(
        "ix_location_home_id_room_type", "location", ["home_id", "room_type"], unique=False, schema="assets"
    )
    op.create_index(
        "ix_rule_override_created_at_id", "rule_override", ["created_at", "id"], unique=False, schema="assets"
    )
    op.create_index(
        "ix_rule_override_home_id_created_at_id",
        "rule_override",
        ["home_id", "created_at", "id"],
        unique=False,
        schema="assets",
    )


def downgrade() -> None:
    op.drop_index("ix_rule_override_home_id_created_at_id", table_name="rule_override", schema="assets")
    op.drop_index("ix_rule_override_created_at_id", table_name="rule_override", schema="assets")
    op.drop_index("ix_location_home_id_room_type", table_name="location", schema="assets")
    op.drop_index("ix_location_home_id_kind", table_name="location", schema="assets")
    op.drop_index("ix_inspection_rule_statutory", table_name="inspection_rule", schema="assets")
    op.drop_index("ix_inspection_rule_code_id", table_name="inspection_rule", schema="assets")
    op.drop_index("ix_inspection_outcome_inspected_date_id", table_name="inspection", schema="assets")
    op.drop_index(
        "ix_asset_rule_due_never_inspected",
        table_name="asset_rule_due",
        schema="assets",
        postgresql_where="last_inspection_id IS NULL",
    )
    op.drop_index(
        "ix_asset_rule_due_failed",
        table_name="asset_rule_due",
        schema="assets",
        postgresql_where="last_outcome = 'fail'",
    )
    op.drop_index("ix_asset_rule_due_category_id", table_name="asset_rule_due", schema="assets")
    op.drop_index("ix_inspection_reading_inspection_id", table_name="inspection_reading", schema="assets")
    op.drop_table("inspection_reading", schema="assets")
    op.drop_index("ix_defect_status_home_id", table_name="defect", schema="assets")
    op.drop_index("ix_defect_priority_id", table_name="defect", schema="assets")
    op.drop_index("ix_defect_inspection_id", table_name="defect", schema="assets")
    op.drop_index("ix_defect_home_id_priority_id", table_name="defect", schema="assets")
    op.drop_index("ix_defect_home_id_created_at_id", table_name="defect", schema="assets")
    op.drop_index("ix_defect_created_at_id", table_name="defect", schema="assets")
    op.drop_index("ix_defect_asset_id_status", table_name="defect", schema="assets")
    op.drop_table("defect", schema="assets")
    op.drop_index("ix_inspection_rule_id", table_name="inspection", schema="assets")
    op.drop_index("ix_inspection_inspected_date_id", table_name="inspection", schema="assets")
    op.drop_index("ix_inspection_home_id_inspected_date_id", table_name="inspection", schema="assets")
    op.drop_index("ix_inspection_asset_id_rule_id_inspected_date", table_name="inspection", schema="assets")
    op.drop_index("ix_inspection_asset_id_inspected_date_id", table_name="inspection", schema="assets")
    op.drop_table("inspection", schema="assets")
    op.drop_index("ix_asset_rule_due_rule_id", table_name="asset_rule_due", schema="assets")
    op.drop_index("ix_asset_rule_due_home_id_due_date_id", table_name="asset_rule_due", schema="assets")
    op.drop_index("ix_asset_rule_due_due_date_id", table_name="asset_rule_due", schema="assets")
    op.drop_table("asset_rule_due", schema="assets")
    op.drop_index(
        "uq_rule_override_home_rule_live",
        table_name="rule_override",
        schema="assets",
        postgresql_where="archived_at IS NULL",
    )
    op.drop_index("ix_rule_override_rule_id", table_name="rule_override", schema="assets")
    op.drop_table("rule_override", schema="assets")
    op.drop_index("ix_asset_search", table_name="asset", schema="assets", postgresql_using="gin")
    op.drop_index("ix_asset_next_due_date_id", table_name="asset", schema="assets")
    op.drop_index("ix_asset_name_id", table_name="asset", schema="assets")
    op.drop_index("ix_asset_home_id_category_id_name_id", table_name="asset", schema="assets")
    op.drop_index("ix_asset_location_id", table_name="asset", schema="assets")
    op.drop_index("ix_asset_home_id_tag_id", table_name="asset", schema="assets")
    op.drop_index("ix_asset_home_id_status", table_name="asset", schema="assets")
    op.drop_index("ix_asset_home_id_next_due_date_id", table_name="asset", schema="assets")
    op.drop_index("ix_asset_home_id_name_id", table_name="asset", schema="assets")
    op.drop_index("ix_asset_home_id_created_at_id", table_name="asset", schema="assets")
    op.drop_index("ix_asset_home_id_condition", table_name="asset", schema="assets")
    op.drop_index("ix_asset_created_at_id", table_name="asset", schema="assets")
    op.drop_index("ix_asset_category_id_name_id", table_name="asset", schema="assets")
    op.drop_table("asset", schema="assets")
    op.drop_index("ix_location_path_id", table_name="location", schema="assets")
    op.drop_index("ix_location_parent_id", table_name="location", schema="assets")
    op.drop_index("ix_location_home_id_path", table_name="location", schema="assets")
    op.drop_index("ix_location_home_id_name_id", table_name="location", schema="assets")
    op.drop_table("location", schema="assets")
    op.drop_index("ix_inspection_rule_inspection_type_id", table_name="inspection_rule", schema="assets")
    op.drop_index("ix_inspection_rule_category_id_id", table_name="inspection_rule", schema="assets")
    op.drop_table("inspection_rule", schema="assets")
    op.drop_index("ix_category_name_id", table_name="category", schema="assets")
    op.drop_table("category", schema="assets")
    op.execute(sa.schema.DropSequence(sa.Sequence("asset_tag_seq", schema="assets")))
    op.execute("DROP FUNCTION assets.interval_of(integer, text)")
