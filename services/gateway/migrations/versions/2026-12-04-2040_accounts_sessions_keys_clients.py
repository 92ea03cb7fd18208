"""accounts, sessions, failed sign-ins, signing keys and API clients

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 20:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "gateway"


def _at(name: str, nullable: bool = False, now: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable,
                     server_default=sa.text('now()') if now else None)


def upgrade() -> None:
    op.create_table(
        'account',
        sa.Column('id', sa.Uuid(), server_default=sa.text('gen_random_uuid()'), nullable=False),
        sa.Column('username', sa.Text(), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('password_hash', sa.Text(), nullable=False),
        sa.Column('roles', postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column('homes', postgresql.ARRAY(sa.Uuid()), nullable=False),
        sa.Column('disabled', sa.Boolean(), server_default=sa.text('false'), nullable=False),
        sa.Column('failed_logins', sa.Integer(), server_default=sa.text('0'), nullable=False),
        _at('backoff_until', nullable=True),
        sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
        _at('created_at', now=True),
        _at('updated_at', now=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_account')),
        schema=SCHEMA,
    )
    op.create_index('uq_account_username_lower', 'account', [sa.text('lower(username)')], unique=True,
                    schema=SCHEMA)

    op.create_table(
        'web_session',
        sa.Column('id_hash', sa.LargeBinary(), nullable=False),
        sa.Column('account_id', sa.Uuid(), nullable=True),
        sa.Column('subject', sa.Text(), nullable=False),
        sa.Column('username', sa.Text(), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('roles', postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column('homes', postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('csrf_token', sa.Text(), nullable=False),
        _at('created_at'),
        _at('last_seen_at'),
        _at('expires_at'),
        sa.ForeignKeyConstraint(['account_id'], [f'{SCHEMA}.account.id'],
                                name=op.f('fk_web_session_account_id_account'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id_hash', name=op.f('pk_web_session')),
        schema=SCHEMA,
    )
    for column in ('account_id', 'last_seen_at', 'expires_at'):
        op.create_index(op.f(f'ix_{SCHEMA}_web_session_{column}'), 'web_session', [column], schema=SCHEMA)

    op.create_table(
        'login_failure',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('address', sa.Text(), nullable=False),
        _at('at'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failure')),
        schema=SCHEMA,
    )
    op.create_index(op.f(f'ix_{SCHEMA}_login_failure_address'), 'login_failure', ['address', 'at'], schema=SCHEMA)
    op.create_index(op.f(f'ix_{SCHEMA}_login_failure_at'), 'login_failure', ['at'], schema=SCHEMA)

    op.create_table(
        'signing_key',
        sa.Column('kid', sa.Text(), nullable=False),
        sa.Column('private_pem', sa.Text(), nullable=False),
        _at('created_at', now=True),
        _at('retired_at', nullable=True),
        sa.PrimaryKeyConstraint('kid', name=op.f('pk_signing_key')),
        schema=SCHEMA,
    )
    # At most one active key.
    op.create_index('uq_signing_key_active', 'signing_key', [sa.text('(retired_at IS NULL)')], unique=True,
                    schema=SCHEMA, postgresql_where=sa.text('retired_at IS NULL'))

    op.create_table(
        'api_client',
        sa.Column('client_id', sa.Text(), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('secret_hash', sa.Text(), nullable=False),
        sa.Column('roles', postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column('homes', postgresql.ARRAY(sa.Uuid()), nullable=False),
        sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
        _at('created_at', now=True),
        _at('revoked_at', nullable=True),
        sa.PrimaryKeyConstraint('client_id', name=op.f('pk_api_client')),
        schema=SCHEMA,
    )


def downgrade() -> None:
    op.drop_table('api_client', schema=SCHEMA)
    op.drop_table('signing_key', schema=SCHEMA)
    op.drop_table('login_failure', schema=SCHEMA)
    op.drop_table('web_session', schema=SCHEMA)
    op.drop_table('account', schema=SCHEMA)
