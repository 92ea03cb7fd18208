"""sign-ins in flight at an upstream OpenID Connect provider

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 21:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "gateway"


def upgrade() -> None:
    op.create_table(
        'oidc_login',
        sa.Column('state_hash', sa.LargeBinary(), nullable=False),
        sa.Column('browser_hash', sa.LargeBinary(), nullable=False),
        sa.Column('nonce', sa.Text(), nullable=False),
        sa.Column('code_verifier', sa.Text(), nullable=False),
        sa.Column('redirect_uri', sa.Text(), nullable=False),
        sa.Column('return_to', sa.Text(), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('state_hash', name=op.f('pk_oidc_login')),
        schema=SCHEMA,
    )
    op.create_index(op.f(f'ix_{SCHEMA}_oidc_login_expires_at'), 'oidc_login', ['expires_at'], schema=SCHEMA)


def downgrade() -> None:
    op.drop_table('oidc_login', schema=SCHEMA)
