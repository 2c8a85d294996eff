"""The audit log: who pulled, pushed, exported, logged in or administered what, and when.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

from est_desktop.server.tables import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        # INTEGER PRIMARY KEY on SQLite (the rowid); BIGINT identity on PostgreSQL.
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=True,
        ),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("username", sa.String(120), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("entity", sa.String(16)),
        sa.Column("record_id", sa.String(36)),
        sa.Column("op", sa.String(16)),
        sa.Column("status", sa.String(16)),
        sa.Column("count", sa.Integer),
        sa.Column("detail", sa.String(500)),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_username_id", "audit_log", ["username", "id"])


def downgrade() -> None:
    op.drop_table("audit_log")
