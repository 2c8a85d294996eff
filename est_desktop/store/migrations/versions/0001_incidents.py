"""The first local store: incidents and store settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("occurred_at", sa.Integer, nullable=False),
        sa.Column("time_precision", sa.String(16), nullable=False),
        sa.Column("occurred_until", sa.Integer),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("place_name", sa.String(200), nullable=False),
        sa.Column("location_precision", sa.String(16), nullable=False),
        sa.Column("district", sa.String(64), nullable=False),
        sa.Column("police_notified", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("external_id", sa.String(200)),
        sa.Column("organisation", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("updated_at", sa.Integer, nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        sa.Column("revision", sa.Integer),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
    )
    op.create_index("ix_incidents_deleted_occurred_at", "incidents", ["deleted", "occurred_at"])
    op.create_index(
        "ix_incidents_deleted_district", "incidents", ["deleted", "district", "occurred_at"]
    )
    op.create_index(
        "ix_incidents_deleted_category", "incidents", ["deleted", "category", "occurred_at"]
    )
    op.create_index(
        "ix_incidents_deleted_place_name", "incidents", ["deleted", "place_name", "occurred_at"]
    )
    op.create_index(
        "ix_incidents_deleted_source", "incidents", ["deleted", "source", "occurred_at"]
    )
    op.create_index("ix_incidents_source_external_id", "incidents", ["source", "external_id"])
    op.create_table(
        "store_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("store_settings")
    op.drop_table("incidents")
