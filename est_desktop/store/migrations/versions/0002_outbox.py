"""The sync outbox, and each record's sync state.

Records from a store without an outbox have never been sent, so they start as `local` and get an
outbox entry each, in the same upgrade.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("change_id", sa.String(36), nullable=False, unique=True),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("base_revision", sa.Integer),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("created_at", sa.Integer, nullable=False),
    )
    op.create_index("ix_outbox_record_id", "outbox", ["record_id"])
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(
            sa.Column("sync_state", sa.String(16), nullable=False, server_default="local")
        )
        batch.add_column(sa.Column("sync_errors", sa.Text))
        batch.create_index(
            "ix_incidents_deleted_sync_state", ["deleted", "sync_state", "occurred_at"]
        )
    # Queue every live record that the server has not confirmed (none had a revision yet).
    op.execute(
        """
        INSERT INTO outbox (change_id, entity, record_id, op, base_revision, fields, created_at)
        SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
                     substr(hex(randomblob(2)), 2) || '-' ||
                     substr('89ab', 1 + (abs(random()) % 4), 1) ||
                     substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
               'incident', id, 'upsert', NULL,
               json_object(
                 'occurred_at', strftime('%Y-%m-%dT%H:%M:%SZ', occurred_at, 'unixepoch'),
                 'time_precision', time_precision,
                 'occurred_until', CASE WHEN occurred_until IS NULL THEN NULL
                     ELSE strftime('%Y-%m-%dT%H:%M:%SZ', occurred_until, 'unixepoch') END,
                 'category', category, 'description', description, 'lat', lat, 'lon', lon,
                 'place_name', place_name, 'location_precision', location_precision,
                 'police_notified', json(CASE WHEN police_notified THEN 'true' ELSE 'false' END),
                 'source', source, 'external_id', external_id),
               updated_at
        FROM incidents WHERE revision IS NULL AND deleted = 0
        ORDER BY pk
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_index("ix_incidents_deleted_sync_state")
        batch.drop_column("sync_errors")
        batch.drop_column("sync_state")
    op.drop_index("ix_outbox_record_id", "outbox")
    op.drop_table("outbox")
