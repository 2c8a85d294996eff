"""The audit log: who pulled, pushed, exported, logged in or administered what, and when.

An entry names the actor, the action and, where it is about one record, the record's entity, id,
the operation and how it ended; where it is about many (a pull), how many. It never holds record
contents, nor the text an erasure searched for, so the log itself cannot leak what was removed.

Entries of one request are written with one multi-row INSERT (`record`), inside the caller's
transaction when the event is a change of the database (user administration, retention,
erasure), so the change and its entry commit together or not at all.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.domain.wire import wire_value
from est_desktop.server.database import ServerDatabase
from est_desktop.server.tables import AuditRow

log = logging.getLogger("est_desktop.server")

AUDIT = AuditRow.__table__
CURSOR_PREFIX = "a1."
MAX_DETAIL = 500  # the column's width


class Action(StrEnum):
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGIN_THROTTLED = "login_throttled"
    PULL = "pull"
    PUSH = "push"  # one entry per change: entity, record id, op, status
    EXPORT = "export"  # reported by a client that exported data it had pulled
    USER_ADDED = "user_added"
    USER_DISABLED = "user_disabled"
    USER_ENABLED = "user_enabled"
    PASSWORD_RESET = "password_reset"
    RETENTION = "retention"  # one entry per record changed, and a summary
    TEXT_SEARCHED = "text_searched"  # a right-of-access search: how many found, not the text
    TEXT_REDACTED = "text_redacted"  # one entry per record changed, and a summary
    AUDIT_READ = "audit_read"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    username: str
    action: Action
    entity: str | None = None
    record_id: str | None = None
    op: str | None = None
    status: str | None = None
    count: int | None = None
    detail: str | None = None
    at: datetime | None = None  # when it happened, if not when it is written (a buffered pull)

    def row(self, at: datetime) -> dict[str, Any]:
        detail = self.detail[:MAX_DETAIL] if self.detail else None
        return {
            "at": self.at or at,
            "username": self.username[:120],
            "action": self.action.value,
            "entity": self.entity,
            "record_id": self.record_id,
            "op": self.op,
            "status": self.status,
            "count": self.count,
            "detail": detail,
        }


def record(conn: Connection, events: Iterable[AuditEvent], at: datetime | None = None) -> int:
    """Add `events` in the caller's transaction, with one INSERT; how many were added."""
    at = at or datetime.now(UTC)
    rows = [event.row(at) for event in events]
    if rows:
        # One executemany: SQLAlchemy sends it as multi-row INSERTs ("insertmanyvalues") with a
        # cached statement; .values(rows) would compile thousands of parameters every time.
        conn.execute(insert(AuditRow), rows)
    return len(rows)


def write(db: ServerDatabase, events: Sequence[AuditEvent]) -> None:
    """Add `events` in a transaction of their own: for events that change nothing else."""
    if events:
        with db.transaction() as conn:
            record(conn, events)


def write_once(db: ServerDatabase, event: AuditEvent) -> bool:
    """Add an event that carries a client-made id in `record_id` (an export report), unless
    an entry of its action with that id exists: whether it was added. A unique index decides,
    so two copies sent at once (a retried request) still make one entry."""
    try:
        write(db, [event])
    except IntegrityError:
        return False
    return True


def write_quietly(db: ServerDatabase, events: Sequence[AuditEvent]) -> None:
    """`write`, for events after the fact (a pull read, a push whose transaction is not ours to
    join, a login): a failure is logged, not raised, since the request it audits is done."""
    try:
        write(db, events)
    except Exception:
        log.exception("audit entries could not be written: %d lost", len(events))


def push_events(
    username: str, changes: Sequence[dict[str, Any]], results: Sequence[dict[str, Any]]
) -> list[AuditEvent]:
    """One entry per pushed change: which record, which operation, how it ended."""
    events = []
    for change, result in zip(changes, results, strict=True):
        entity, op = change.get("entity"), change.get("op")
        events.append(
            AuditEvent(
                username,
                Action.PUSH,
                entity=entity if entity in ("incident", "measure") else None,
                record_id=result.get("id"),
                op=op if op in ("upsert", "delete") else None,
                status=result.get("status"),
            )
        )
    return events


def login_event(username: str, address: str, *, succeeded: bool, throttled: bool) -> AuditEvent:
    """A login: done, failed (wrong name or password, or a disabled user) or refused unchecked."""
    action = (
        Action.LOGIN if succeeded else Action.LOGIN_THROTTLED if throttled else Action.LOGIN_FAILED
    )
    return AuditEvent(username, action, detail=f"address={address}")


@dataclass(frozen=True, slots=True)
class AuditPage:
    entries: list[dict[str, Any]]
    cursor: str
    has_more: bool


class InvalidAuditCursorError(ValueError):
    """A cursor the audit listing did not hand out."""


def read(
    conn: Connection,
    *,
    since: datetime | None = None,
    username: str | None = None,
    action: str | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> AuditPage:
    """Entries oldest first, at or after `since`, of `username` and `action` when given, after
    the entry `cursor` points at; `limit` of them and whether more follow."""
    after = parse_cursor(cursor)
    query = select(AUDIT).where(AUDIT.c.id > after).order_by(AUDIT.c.id).limit(limit + 1)
    if since is not None:
        query = query.where(AUDIT.c.at >= since)
    if username:
        query = query.where(AUDIT.c.username == username)
    if action:
        query = query.where(AUDIT.c.action == action)
    rows = conn.execute(query).all()
    page = rows[:limit]
    entries = [entry_of(row._mapping) for row in page]
    last = page[-1].id if page else after
    return AuditPage(entries, f"{CURSOR_PREFIX}{last}", len(rows) > limit)


def entry_of(row: Any) -> dict[str, Any]:
    """An entry in its wire form."""
    return {
        "id": row["id"],
        "at": wire_value(row["at"]),
        "username": row["username"],
        "action": row["action"],
        "entity": row["entity"],
        "record_id": row["record_id"],
        "op": row["op"],
        "status": row["status"],
        "count": row["count"],
        "detail": row["detail"],
    }


def parse_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    digits = cursor[len(CURSOR_PREFIX) :]
    well_formed = digits.isascii() and digits.isdigit() and len(digits) <= 19  # a BigInteger
    if not cursor.startswith(CURSOR_PREFIX) or not well_formed:
        raise InvalidAuditCursorError("Ogiltig markör: skicka tillbaka en markör som servern gav.")
    return int(digits)


def parse_since(raw: str) -> datetime:
    """A date (from its start, Swedish time) or an RFC 3339 time; ValueError in Swedish."""
    raw = raw.strip()
    try:
        if len(raw) == 10:
            return datetime.combine(date.fromisoformat(raw), time(0), LOCAL_TZ)
        moment = datetime.fromisoformat(raw.upper())
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ValueError("Ange ett datum (ÅÅÅÅ-MM-DD) eller en tid med tidszon (RFC 3339).")
    return moment
