"""feedback items, conversation, actions, pulse surveys, workforce returns and benchmarks

Reviewed by hand; seeds the default themes and the national benchmarks.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 20:19:38.890889
"""

import uuid
from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "benchmark",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("indicator", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("value", sa.Numeric(precision=7, scale=2), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("year", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benchmark")),
        sa.UniqueConstraint("indicator", name=op.f("uq_benchmark_indicator")),
        schema="feedback",
    )
    op.create_table(
        "feedback_contributor",
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("person_hash", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("home_id", "month", "person_hash", name=op.f("pk_feedback_contributor")),
        schema="feedback",
    )
    op.create_table(
        "home_setting",
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("all_staff_may_submit", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("home_id", name=op.f("pk_home_setting")),
        schema="feedback",
    )
    op.create_table(
        "survey",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("home_ids", sa.ARRAY(sa.Uuid()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("roles", sa.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("opens_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("min_group_size", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("closes_at > opens_at", name=op.f("ck_survey_closes_after_opens")),
        sa.CheckConstraint("min_group_size >= 3", name=op.f("ck_survey_min_group_size_at_least_3")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey")),
        schema="feedback",
    )
    op.create_index("ix_survey_closes_at_id", "survey", ["closes_at", "id"], unique=False, schema="feedback")
    op.create_index("ix_survey_opens_at_id", "survey", ["opens_at", "id"], unique=False, schema="feedback")
    op.create_table(
        "theme",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme")),
        sa.UniqueConstraint("code", name=op.f("uq_theme_code")),
        schema="feedback",
    )
    op.create_table(
        "workforce_return",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("fte", sa.Numeric(precision=8, scale=2), nullable=False),
        sa.Column("vacancies", sa.Numeric(precision=8, scale=2), nullable=False),
        sa.Column("starters", sa.Integer(), nullable=False),
        sa.Column("leavers_voluntary", sa.Integer(), nullable=False),
        sa.Column("leavers_involuntary", sa.Integer(), nullable=False),
        sa.Column("first_year_leavers", sa.Integer(), nullable=False),
        sa.Column("sickness_days", sa.Numeric(precision=9, scale=1), nullable=False),
        sa.Column("staff_hours", sa.Numeric(precision=11, scale=1), nullable=False),
        sa.Column("agency_hours", sa.Numeric(precision=11, scale=1), nullable=False),
        sa.Column("agency_spend", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("level2_qualified", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("extract(day from month) = 1", name=op.f("ck_workforce_return_month_is_first_day")),
        sa.CheckConstraint(
            "first_year_leavers <= leavers_voluntary + leavers_involuntary",
            name=op.f("ck_workforce_return_first_year_within_leavers"),
        ),
        sa.CheckConstraint(
            (
                "headcount >= 0 AND fte >= 0 AND vacancies >= 0 AND starters >= 0 AND leavers_voluntary >= 0"
                " AND leavers_involuntary >= 0 AND first_year_leavers >= 0 AND sickness_days >= 0"
                " AND staff_hours >= 0 AND agency_hours >= 0 AND agency_spend >= 0 AND level2_qualified >= 0"
            ),
            name=op.f("ck_workforce_return_not_negative"),
        ),
        sa.CheckConstraint(
            "leavers_voluntary + leavers_involuntary <= headcount",
            name=op.f("ck_workforce_return_leavers_within_staff"),
        ),
        sa.CheckConstraint("level2_qualified <= headcount", name=op.f("ck_workforce_return_qualified_within_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workforce_return")),
        sa.UniqueConstraint("home_id", "month", name="uq_workforce_return_home_month"),
        schema="feedback",
    )
    op.create_index(
        "ix_workforce_return_month_id", "workforce_return", ["month", "id"], unique=False, schema="feedback"
    )
    op.create_table(
        "feedback_action",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=True),
        sa.Column("theme_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "agreed",
                "in_progress",
                "done",
                "not_doing",
                name="action_status",
                native_enum=False,
                length=16,
                schema="feedback",
            ),
            nullable=False,
        ),
        sa.Column("not_doing_reason", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status <> 'not_doing' OR not_doing_reason IS NOT NULL",
            name=op.f("ck_feedback_action_not_doing_has_reason"),
        ),
        sa.CheckConstraint("due_date >= raised_on", name=op.f("ck_feedback_action_due_not_before_raised")),
        sa.ForeignKeyConstraint(["theme_id"], ["feedback.theme.id"], name=op.f("fk_feedback_action_theme_id_theme")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_action")),
        schema="feedback",
    )
    op.create_index(
        "ix_feedback_action_created_at_id", "feedback_action", ["created_at", "id"], unique=False, schema="feedback"
    )
    op.create_index(
        "ix_feedback_action_due_date_id", "feedback_action", ["due_date", "id"], unique=False, schema="feedback"
    )
    op.create_index(
        "ix_feedback_action_home_id_due_date_id",
        "feedback_action",
        ["home_id", "due_date", "id"],
        unique=False,
        schema="feedback",
    )
    op.create_index(
        "ix_feedback_action_open_due",
        "feedback_action",
        ["due_date", "id"],
        unique=False,
        schema="feedback",
        postgresql_where=sa.text("status IN ('proposed', 'agreed', 'in_progress')"),
    )
    op.create_table(
        "feedback_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=True),
        sa.Column("department", sa.Text(), nullable=True),
        sa.Column("theme_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "working", "not_working", "idea", name="feedback_kind", native_enum=False, length=16, schema="feedback"
            ),
            nullable=False,
        ),
        sa.Column(
            "importance",
            sa.Enum(
                "low",
                "medium",
                "high",
                "critical",
                name="feedback_importance",
                native_enum=False,
                length=16,
                schema="feedback",
            ),
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("author_sub", sa.Text(), nullable=True),
        sa.Column("author_name", sa.Text(), nullable=True),
        sa.Column("reply_code_hash", sa.Text(), nullable=True),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "new",
                "triaged",
                "merged",
                "closed",
                name="feedback_item_status",
                native_enum=False,
                length=16,
                schema="feedback",
            ),
            nullable=False,
        ),
        sa.Column("tags", sa.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("merged_into_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "anonymous = (author_sub IS NULL) AND anonymous = (author_name IS NULL)",
            name=op.f("ck_feedback_item_anonymous_has_no_author"),
        ),
        sa.CheckConstraint(
            "home_id IS NOT NULL OR department IS NOT NULL", name=op.f("ck_feedback_item_home_or_department")
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["feedback.feedback_item.id"],
            name=op.f("fk_feedback_item_merged_into_id_feedback_item"),
        ),
        sa.ForeignKeyConstraint(["theme_id"], ["feedback.theme.id"], name=op.f("fk_feedback_item_theme_id_theme")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_item")),
        sa.UniqueConstraint("reply_code_hash", name=op.f("uq_feedback_item_reply_code_hash")),
        schema="feedback",
    )
    op.create_index(
        "ix_feedback_item_author_sub_raised_on_id",
        "feedback_item",
        ["author_sub", "raised_on", "id"],
        unique=False,
        schema="feedback",
        postgresql_where=sa.text("author_sub IS NOT NULL"),
    )
    op.create_index(
        "ix_feedback_item_home_id_raised_on_id",
        "feedback_item",
        ["home_id", "raised_on", "id"],
        unique=False,
        schema="feedback",
    )
    op.create_index(
        "ix_feedback_item_raised_on_id", "feedback_item", ["raised_on", "id"], unique=False, schema="feedback"
    )
    op.create_index(
        "ix_feedback_item_status_raised_on_id",
        "feedback_item",
        ["status", "raised_on", "id"],
        unique=False,
        schema="feedback",
    )
    op.create_index(
        "ix_feedback_item_tags", "feedback_item", ["tags"], unique=False, schema="feedback", postgresql_using="gin"
    )
    op.create_index(
        "ix_feedback_item_theme_id_raised_on_id",
        "feedback_item",
        ["theme_id", "raised_on", "id"],
        unique=False,
        schema="feedback",
    )
    op.create_table(
        "survey_question",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "likert",
                "recommend",
                "single_choice",
                "free_text",
                name="question_kind",
                native_enum=False,
                length=16,
                schema="feedback",
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("options", sa.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["feedback.survey.id"], name=op.f("fk_survey_question_survey_id_survey")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_question")),
        sa.UniqueConstraint("survey_id", "position", name="uq_survey_question_position"),
        schema="feedback",
    )
    op.create_table(
        "survey_receipt",
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("receipt_hash", sa.Text(), nullable=False),
        sa.Column("key_hash", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["survey_id"], ["feedback.survey.id"], name=op.f("fk_survey_receipt_survey_id_survey")),
        sa.PrimaryKeyConstraint("survey_id", "receipt_hash", name=op.f("pk_survey_receipt")),
        schema="feedback",
    )
    op.create_table(
        "survey_response",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("home_id", sa.Uuid(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["feedback.survey.id"], name=op.f("fk_survey_response_survey_id_survey")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_response")),
        schema="feedback",
    )
    op.create_index(
        "ix_survey_response_survey_id_home_id",
        "survey_response",
        ["survey_id", "home_id"],
        unique=False,
        schema="feedback",
    )
    op.create_table(
        "workforce_role_line",
        sa.Column("return_id", sa.Uuid(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "care_worker",
                "senior_carer",
                "nurse",
                "home_manager",
                "deputy_manager",
                "activities",
                "ancillary",
                "administration",
                name="staff_role",
                native_enum=False,
                length=32,
                schema="feedback",
            ),
            nullable=False,
        ),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("fte", sa.Numeric(precision=8, scale=2), nullable=False),
        sa.Column("vacancies", sa.Numeric(precision=8, scale=2), nullable=False),
        sa.CheckConstraint(
            "headcount >= 0 AND fte >= 0 AND vacancies >= 0", name=op.f("ck_workforce_role_line_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["feedback.workforce_return.id"],
            name=op.f("fk_workforce_role_line_return_id_workforce_return"),
        ),
        sa.PrimaryKeyConstraint("return_id", "role", name=op.f("pk_workforce_role_line")),
        schema="feedback",
    )
    op.create_table(
        "feedback_action_item",
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["feedback.feedback_action.id"],
            name=op.f("fk_feedback_action_item_action_id_feedback_action"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["feedback.feedback_item.id"], name=op.f("fk_feedback_action_item_item_id_feedback_item")
        ),
        sa.PrimaryKeyConstraint("action_id", "item_id", name=op.f("pk_feedback_action_item")),
        schema="feedback",
    )
    op.create_index(
        "ix_feedback_action_item_item_id", "feedback_action_item", ["item_id"], unique=False, schema="feedback"
    )
    op.create_table(
        "feedback_message",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("from_submitter", sa.Boolean(), nullable=False),
        sa.Column("author_sub", sa.Text(), nullable=True),
        sa.Column("author_name", sa.Text(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["feedback.feedback_item.id"], name=op.f("fk_feedback_message_item_id_feedback_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_message")),
        sa.UniqueConstraint("item_id", "seq", name="uq_feedback_message_item_seq"),
        schema="feedback",
    )
    op.create_table(
        "survey_answer",
        sa.Column("response_id", sa.Uuid(), nullable=False),
        sa.Column("question_id", sa.Uuid(), nullable=False),
        sa.Column("score", sa.SmallInteger(), nullable=True),
        sa.Column("choice", sa.Text(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["question_id"], ["feedback.survey_question.id"], name=op.f("fk_survey_answer_question_id_survey_question")
        ),
        sa.ForeignKeyConstraint(
            ["response_id"], ["feedback.survey_response.id"], name=op.f("fk_survey_answer_response_id_survey_response")
        ),
        sa.PrimaryKeyConstraint("response_id", "question_id", name=op.f("pk_survey_answer")),
        schema="feedback",
    )
    op.create_index("ix_survey_answer_question_id", "survey_answer", ["question_id"], unique=False, schema="feedback")
    _seed()


THEMES = [
    ("staffing", "Staffing"),
    ("training", "Training"),
    ("equipment_and_estate", "Equipment and estate"),
    ("digital_and_care_planning", "Digital systems and care planning"),
    ("care_practice", "Care practice"),
    ("management_support", "Management support"),
    ("wellbeing", "Wellbeing"),
    ("recruitment", "Recruitment"),
    ("other", "Other"),
]
SFC_SOURCE = (
    "Skills for Care, 'The state of the adult social care sector and workforce in England' (independent sector)"
)
BENCHMARKS = [
    ("vacancy_rate", "Vacancy rate, adult social care", "7.0", SFC_SOURCE, "2024/25"),
    ("turnover_rate", "Staff turnover rate, adult social care", "24.7", SFC_SOURCE, "2024/25"),
]


def _seed() -> None:
    theme = sa.table(
        "theme",
        sa.column("id", sa.Uuid()),
        sa.column("code", sa.Text()),
        sa.column("name", sa.Text()),
        sa.column("version", sa.Integer()),
        schema="feedback",
    )
    op.bulk_insert(
        theme,
        [
            {"id": uuid.uuid5(uuid.NAMESPACE_URL, f"carehub:theme:{code}"), "code": code, "name": name, "version": 1}
            for code, name in THEMES
        ],
    )
    benchmark = sa.table(
        "benchmark",
        sa.column("id", sa.Uuid()),
        sa.column("indicator", sa.Text()),
        sa.column("name", sa.Text()),
        sa.column("value", sa.Numeric()),
        sa.column("source", sa.Text()),
        sa.column("year", sa.Text()),
        sa.column("version", sa.Integer()),
        schema="feedback",
    )
    op.bulk_insert(
        benchmark,
        [
            {
                "id": uuid.uuid5(uuid.NAMESPACE_URL, f"carehub:benchmark:{indicator}"),
                "indicator": indicator,
                "name": name,
                "value": Decimal(value),
                "source": source,
                "year": year,
                "version": 1,
            }
            for indicator, name, value, source, year in BENCHMARKS
        ],
    )


def downgrade() -> None:
    op.drop_index("ix_survey_answer_question_id", table_name="survey_answer", schema="feedback")
    op.drop_table("survey_answer", schema="feedback")
    op.drop_table("feedback_message", schema="feedback")
    op.drop_index("ix_feedback_action_item_item_id", table_name="feedback_action_item", schema="feedback")
    op.drop_table("feedback_action_item", schema="feedback")
    op.drop_table("workforce_role_line", schema="feedback")
    op.drop_index("ix_survey_response_survey_id_home_id", table_name="survey_response", schema="feedback")
    op.drop_table("survey_response", schema="feedback")
    op.drop_table("survey_receipt", schema="feedback")
    op.drop_table("survey_question", schema="feedback")
    op.drop_index("ix_feedback_item_theme_id_raised_on_id", table_name="feedback_item", schema="feedback")
    op.drop_index("ix_feedback_item_tags", table_name="feedback_item", schema="feedback", postgresql_using="gin")
    op.drop_index("ix_feedback_item_status_raised_on_id", table_name="feedback_item", schema="feedback")
    op.drop_index("ix_feedback_item_raised_on_id", table_name="feedback_item", schema="feedback")
    op.drop_index("ix_feedback_item_home_id_raised_on_id", table_name="feedback_item", schema="feedback")
    op.drop_index(
        "ix_feedback_item_author_sub_raised_on_id",
        table_name="feedback_item",
        schema="feedback",
        postgresql_where=sa.text("author_sub IS NOT NULL"),
    )
    op.drop_table("feedback_item", schema="feedback")
    op.drop_index(
        "ix_feedback_action_open_due",
        table_name="feedback_action",
        schema="feedback",
        postgresql_where=sa.text("status IN ('proposed', 'agreed', 'in_progress')"),
    )
    op.drop_index("ix_feedback_action_home_id_due_date_id", table_name="feedback_action", schema="feedback")
    op.drop_index("ix_feedback_action_due_date_id", table_name="feedback_action", schema="feedback")
    op.drop_index("ix_feedback_action_created_at_id", table_name="feedback_action", schema="feedback")
    op.drop_table("feedback_action", schema="feedback")
    op.drop_index("ix_workforce_return_month_id", table_name="workforce_return", schema="feedback")
    op.drop_table("workforce_return", schema="feedback")
    op.drop_table("theme", schema="feedback")
    op.drop_index("ix_survey_opens_at_id", table_name="survey", schema="feedback")
    op.drop_index("ix_survey_closes_at_id", table_name="survey", schema="feedback")
    op.drop_table("survey", schema="feedback")
    op.drop_table("home_setting", schema="feedback")
    op.drop_table("feedback_contributor", schema="feedback")
    op.drop_table("benchmark", schema="feedback")
