"""The local store's tables, as SQLAlchemy declarative rows.

Rows never leave the store: queries turn them into domain objects or small tuples.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, Float, Index, Integer, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class EpochSeconds(TypeDecorator[datetime]):
    """An aware datetime kept as whole seconds since the epoch: compact, and sorts as time."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> int | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; give a time zone")
        return int(value.timestamp())

    def process_result_value(self, value: int | None, dialect: object) -> datetime | None:
        return None if value is None else datetime.fromtimestamp(value, UTC)


class Base(DeclarativeBase):
    pass


class IncidentRow(Base):
    __tablename__ = "incidents"

    # The integer key orders ties in keyset paging and keeps indexes small; `id` is the UUID.
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    occurred_at: Mapped[datetime] = mapped_column(EpochSeconds)
    time_precision: Mapped[str] = mapped_column(String(16), default="exact")
    occurred_until: Mapped[datetime | None] = mapped_column(EpochSeconds)
    category: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text, default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    place_name: Mapped[str] = mapped_column(String(200), default="")
    location_precision: Mapped[str] = mapped_column(String(16), default="exact")
    # "" rather than NULL when no district applies, so keyset paging can compare it.
    district: Mapped[str] = mapped_column(String(64), default="")
    police_notified: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(16), default="staff")
    external_id: Mapped[str | None] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(EpochSeconds)
    created_by: Mapped[str] = mapped_column(String(120), default="")
    updated_at: Mapped[datetime] = mapped_column(EpochSeconds)
    updated_by: Mapped[str] = mapped_column(String(120), default="")
    revision: Mapped[int | None] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # place name and description, case-folded: what the list's free-text filter searches.
    search_text: Mapped[str] = mapped_column(Text, default="")
    sync_state: Mapped[str] = mapped_column(String(16), default="local")
    sync_errors: Mapped[str | None] = mapped_column(Text)  # JSON: field -> the server's reason

    # Every list index starts with `deleted`: the list never shows tombstones, so each sort
    # order and each district/category filter reads its rows straight from one index.
    __table_args__ = (
        Index("ix_incidents_deleted_occurred_at", "deleted", "occurred_at"),
        Index("ix_incidents_deleted_district", "deleted", "district", "occurred_at"),
        Index("ix_incidents_deleted_category", "deleted", "category", "occurred_at"),
        Index("ix_incidents_deleted_place_name", "deleted", "place_name", "occurred_at"),
        Index("ix_incidents_deleted_source", "deleted", "source", "occurred_at"),
        Index("ix_incidents_source_external_id", "source", "external_id"),
        Index("ix_incidents_deleted_sync_state", "deleted", "sync_state", "occurred_at"),
    )


class OutboxRow(Base):
    """A local change waiting to be pushed: written in the same transaction as the record."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))
    base_revision: Mapped[int | None] = mapped_column(Integer)
    fields: Mapped[str] = mapped_column(Text)  # JSON, in wire form
    created_at: Mapped[datetime] = mapped_column(EpochSeconds)
    # When it was first handed to the server (None: never). A sent change may have been applied
    # even when no answer came back, so it is only ever re-sent, never dropped unasked.
    sent_at: Mapped[datetime | None] = mapped_column(EpochSeconds)


class RemoteVersionRow(Base):
    """The newest server version of a record that has local changes pending or in conflict.

    Kept beside the local row (never over it), so nothing local is overwritten and a conflict
    can show both versions.
    """

    __tablename__ = "remote_versions"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))
    revision: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    record: Mapped[str | None] = mapped_column(Text)  # the wire record, JSON; None: tombstone


class MeasureRow(Base):
    """A measure as pulled from the server, in wire form (the measures UI comes later)."""

    __tablename__ = "measures"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    record: Mapped[str | None] = mapped_column(Text)  # JSON


class SettingRow(Base):
    """Facts that travel with the store: installation id, and later the sync cursor."""

    __tablename__ = "store_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
