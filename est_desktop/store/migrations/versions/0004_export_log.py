"""Exports made on this PC, waiting to be reported to the server's audit log.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "export_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("report_id", sa.String(36), nullable=False, unique=True),
        sa.Column("made_at", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("free_text", sa.Boolean, nullable=False),
        sa.Column("police", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("export_log")
