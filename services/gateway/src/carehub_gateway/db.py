"""The `gateway` schema: its metadata, the kit's per-schema tables, and `demo_seed`."""

from pathlib import Path

from sqlalchemy import Column, DateTime, Table, Text, func, text
from sqlalchemy.dialects.postgresql import JSONB

from carehub_kit.db import service_metadata
from carehub_kit.tables import add_kit_tables

SCHEMA = "gateway"
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"

metadata = service_metadata(SCHEMA)
add_kit_tables(metadata)

# One row per part of the demo data set (`assets`, later `careplan`, `feedback`): present means
# that part has been seeded, so `carehub run` never seeds it twice. `details` keeps what later
# parts need from earlier ones (the demo home ids), never personal data.
demo_seed = Table(
    "demo_seed", metadata,
    Column("part", Text, primary_key=True),
    Column("seeded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("details", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
)
