"""Sync bookkeeping: when an outbox entry was sent, server versions kept beside local ones,
and pulled measures.

The sync cursor and the last sync's outcome live in `store_settings`.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("sent_at", sa.Integer))
    op.create_table(
        "remote_versions",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("record", sa.Text),
    )
    op.create_table(
        "measures",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("record", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("measures")
    op.drop_table("remote_versions")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("sent_at")
