"""The server's tables: users and their tokens, login failures, records, idempotency, counters,
and the audit log.

Everything that matters lives here, not in process memory, so several server processes over one
database answer alike. Records are kept as their wire form (JSON text) next to the few columns
the server filters on; a pull sends the stored text without rebuilding it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every database (SQLite would otherwise hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; give a time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class UserRow(Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(120), primary_key=True)
    password_hash: Mapped[str] = mapped_column(Text)  # argon2id, with its own salt and parameters
    organisation: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # reporter, analyst or admin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    password_changed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class TokenRow(Base):
    """An issued bearer token, kept only as its SHA-256: a copy of this table opens nothing."""

    __tablename__ = "tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(120), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class LoginFailureRow(Base):
    """One failed login, counted per username and per address over a sliding window."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # "user:" or "addr:" and an HMAC of the name or address (auth.throttle_key), never plain.
    key: Mapped[str] = mapped_column(String(200))
    failed_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_login_failures_key_failed_at", "key", "failed_at"),)


class RecordRow(Base):
    """The current version of one incident or measure (tombstones included).

    `seq` is the change sequence number of its latest change: a pull reads records by `seq`,
    so a record changed five times since a client's cursor travels once, in its newest form.
    """

    __tablename__ = "records"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))  # incident or measure
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    revision: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(16), default="staff")  # incidents: staff/police
    organisation: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str | None] = mapped_column(String(200))
    record: Mapped[str] = mapped_column(Text)  # the wire form, JSON
    # field -> the revision that last set it: what tells `merged` from `conflict`.
    field_revisions: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        # Re-importing a police record changes nothing: one record per source and external id.
        Index(
            "ux_records_source_external_id",
            "entity",
            "source",
            "external_id",
            unique=True,
            sqlite_where=external_id.is_not(None),
            postgresql_where=external_id.is_not(None),
        ),
    )


class AppliedChangeRow(Base):
    """The answer a change got, by change id: a change sent again gets the same answer."""

    __tablename__ = "applied_changes"

    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(120))
    result: Mapped[str] = mapped_column(Text)  # JSON, the result object as first answered
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CounterRow(Base):
    """Named counters; `change_seq` numbers the changes in the order they commit."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class AuditRow(Base):
    """One audited event: who did what to which record, or how many records, and when.

    Never record contents: an erasure must not leave the erased text behind in the log.
    """

    __tablename__ = "audit_log"

    # INTEGER PRIMARY KEY on SQLite (its rowid), so ids grow there as on PostgreSQL.
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    username: Mapped[str] = mapped_column(String(120))  # who (for a failed login: the name tried)
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str | None] = mapped_column(String(16))
    record_id: Mapped[str | None] = mapped_column(String(36))
    op: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str | None] = mapped_column(String(16))
    count: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(String(500))

    __table_args__ = (
        Index("ix_audit_log_username_id", "username", "id"),
        # A client's export report is recorded once, however often it is sent (its report id
        # goes in `record_id`).
        Index(
            "ux_audit_log_export_report",
            "record_id",
            unique=True,
            sqlite_where=text("action = 'export' AND record_id IS NOT NULL"),
            postgresql_where=text("action = 'export' AND record_id IS NOT NULL"),
        ),
    )
