"""Login failures keyed with an HMAC instead of plain names and addresses; export reports
recorded once per client-made report id.

The failures stored so far carry plain keys: they are dropped (they only matter for 15
minutes, and the new keys could not find them anyway).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

EXPORT_REPORT = sa.text("action = 'export' AND record_id IS NOT NULL")


def upgrade() -> None:
    op.execute("DELETE FROM login_failures")
    op.create_index(
        "ux_audit_log_export_report",
        "audit_log",
        ["record_id"],
        unique=True,
        sqlite_where=EXPORT_REPORT,
        postgresql_where=EXPORT_REPORT,
    )


def downgrade() -> None:
    op.drop_index("ux_audit_log_export_report", "audit_log")
