"""The `gateway` schema: its metadata, the kit's per-schema tables (audit trail, idempotency),
`demo_seed`, and what sign-in needs: accounts, sessions, failed sign-ins per address, signing keys,
API clients, and sign-ins in flight at an upstream OpenID Connect provider."""

from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Table,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB

from carehub_kit.audit import AuditWriter
from carehub_kit.db import service_metadata
from carehub_kit.tables import add_kit_tables

SCHEMA = "gateway"
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"

metadata = service_metadata(SCHEMA)
add_kit_tables(metadata)
audit = AuditWriter(metadata)

# One row per part of the demo data set (`assets`, `accounts`, later `careplan`, `feedback`):
# present means that part has been seeded, so `carehub run` never seeds it twice. `details` keeps
# what later parts need from earlier ones (the demo home ids), never personal data.
demo_seed = Table(
    "demo_seed", metadata,
    Column("part", Text, primary_key=True),
    Column("seeded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("details", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
)

# A person who signs in with a password. Usernames are unique whatever their case.
account = Table(
    "account", metadata,
    Column("id", Uuid, primary_key=True, server_default=text("gen_random_uuid()")),
    Column("username", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("password_hash", Text, nullable=False),  # argon2id, PHC string
    Column("roles", ARRAY(Text), nullable=False),
    Column("homes", ARRAY(Uuid), nullable=False),
    Column("disabled", Boolean, nullable=False, server_default=text("false")),
    Column("failed_logins", Integer, nullable=False, server_default=text("0")),  # consecutive
    Column("backoff_until", DateTime(timezone=True), nullable=True),
    Column("version", Integer, nullable=False, server_default=text("1")),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("uq_account_username_lower", func.lower(text("username")), unique=True),
)

# A signed-in browser. Only the SHA-256 of the random session id is kept: a copy of this table
# does not let anyone act as the people in it. The identity is a snapshot taken at sign-in
# (local account or upstream OpenID Connect provider).
web_session = Table(
    "web_session", metadata,
    Column("id_hash", LargeBinary, primary_key=True),
    Column("account_id", Uuid, ForeignKey("account.id", ondelete="CASCADE"), nullable=True, index=True),
    Column("subject", Text, nullable=False),
    Column("username", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("roles", ARRAY(Text), nullable=False),
    Column("homes", ARRAY(Text), nullable=False),
    Column("source", Text, nullable=False),  # "local" or the upstream provider
    Column("csrf_token", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False, index=True),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),  # the absolute limit
)

# One row per failed sign-in or client authentication, by client address: several gateway
# replicas count the same failures. Rows older than the window are purged as new ones arrive.
login_failure = Table(
    "login_failure", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("address", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index(None, "address", "at"),
    Index(None, "at"),
)

# Token signing keys (ES256). One is active (`retired_at` null); retired ones keep verifying
# the tokens they signed until those expire.
signing_key = Table(
    "signing_key", metadata,
    Column("kid", Text, primary_key=True),
    Column("private_pem", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("retired_at", DateTime(timezone=True), nullable=True),
    Index("uq_signing_key_active", text("(retired_at IS NULL)"), unique=True,
          postgresql_where=text("retired_at IS NULL")),
)

# A system that calls the APIs with the client-credentials grant.
api_client = Table(
    "api_client", metadata,
    Column("client_id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("secret_hash", Text, nullable=False),  # argon2id, PHC string
    Column("roles", ARRAY(Text), nullable=False),
    Column("homes", ARRAY(Uuid), nullable=False),
    Column("version", Integer, nullable=False, server_default=text("1")),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

# A sign-in at the upstream OpenID Connect provider that has begun and not yet come back: what
# the callback needs (PKCE verifier, nonce, where to go after), keyed by the SHA-256 of the
# `state` sent to the provider, and bound to the browser that began it by the SHA-256 of a
# random cookie. The callback deletes the row as it reads it, so a callback works once.
oidc_login = Table(
    "oidc_login", metadata,
    Column("state_hash", LargeBinary, primary_key=True),
    Column("browser_hash", LargeBinary, nullable=False),
    Column("nonce", Text, nullable=False),
    Column("code_verifier", Text, nullable=False),
    Column("redirect_uri", Text, nullable=False),
    Column("return_to", Text, nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)
