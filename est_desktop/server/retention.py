"""Retention: incidents older than a limit lose what could identify a person, or go entirely.

`redact` keeps each old incident for statistics (category, position, district, the day) and
removes its free text (the description, and the place name unless it is one of the public named
places) and its time of day (`time_precision: "date"`). `delete` turns old incidents into
tombstones without free text. Either way the record gets a new revision, so every client pulls
the change and drops what the server removed. Tombstones of any age lose their free text too: a
deleted incident has no use for it. Measures describe the partners' own work and are kept.

Also forgotten: push answers kept for idempotency (they quote the records) older than the limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, delete, func, select

from est_desktop.domain.incident import LOCAL_TZ, TimePrecision
from est_desktop.domain.wire import wire_value
from est_desktop.geo.places import PlaceIndex, load_places
from est_desktop.server import audit
from est_desktop.server.audit import Action, AuditEvent
from est_desktop.server.database import ServerDatabase
from est_desktop.server.record_rewrite import (
    RECORDS,
    Rewrite,
    StoredRecord,
    SweepTally,
    sweep,
)
from est_desktop.server.tables import AppliedChangeRow, AuditRow, Base

END_OF_DAY = time(23, 59, 59)
_AGE = re.compile(r"\s*(\d{1,4})\s*([ymwd])\s*", re.IGNORECASE)


class RetentionMode(StrEnum):
    REDACT = "redact"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class Age:
    """A retention limit as people say it: 5 years, 18 months, 6 weeks, 90 days."""

    amount: int
    unit: str  # y, m, w or d

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"

    def before(self, now: datetime) -> datetime:
        """The moment this long before `now` (calendar years and months, in local time)."""
        local = now.astimezone(LOCAL_TZ)
        if self.unit in ("y", "m"):
            months = self.amount * (12 if self.unit == "y" else 1)
            year, month = divmod(local.year * 12 + local.month - 1 - months, 12)
            day = min(local.day, _days_in(year, month + 1))
            return local.replace(year=year, month=month + 1, day=day).astimezone(UTC)
        days = self.amount * (7 if self.unit == "w" else 1)
        return (local - timedelta(days=days)).astimezone(UTC)


def parse_age(text: str) -> Age:
    """`5y`, `18m`, `6w`, `90d`; ValueError with a Swedish message otherwise."""
    match = _AGE.fullmatch(text or "")
    if match is None or int(match.group(1)) == 0:
        raise ValueError(
            f"ogiltig ålder {text!r}: skriv ett antal följt av y (år), m (månader), w (veckor) "
            "eller d (dagar), t.ex. 5y"
        )
    return Age(int(match.group(1)), match.group(2).lower())


@dataclass(frozen=True, slots=True)
class RetentionReport:
    cutoff: datetime
    mode: RetentionMode
    dry_run: bool
    incidents: SweepTally
    answers_forgotten: int
    audit_entries_forgotten: int = 0


def apply_retention(
    db: ServerDatabase,
    older_than: Age,
    mode: RetentionMode,
    *,
    actor: str,
    dry_run: bool = False,
    now: datetime | None = None,
    places: PlaceIndex | None = None,
    audit_older_than: Age | None = None,
) -> RetentionReport:
    """Redact or delete the incidents that happened before `older_than` ago, and forget audit
    entries older than `audit_older_than` when given; with `dry_run` only count. Audited: an
    entry per record changed and one for the run."""
    now = now or datetime.now(UTC)
    cutoff = older_than.before(now)
    places = places or PlaceIndex(load_places())

    def decide(stored: StoredRecord) -> Rewrite | None:
        old = _moment(stored.record.get("occurred_at")) < cutoff
        if not old and not stored.deleted:
            return None
        values: dict[str, object] = {"description": "", "place_name": ""}
        if old:
            values.update(_date_only(stored.record))
            place = stored.record.get("place_name") or ""
            if not stored.deleted and mode is RetentionMode.REDACT and places.by_name(place):
                values["place_name"] = place  # a public named place identifies nobody
        return Rewrite.of(stored, values, stored.deleted or (old and mode is RetentionMode.DELETE))

    tally = sweep(
        db,
        RECORDS.c.entity == "incident",
        decide,
        actor=actor,
        action=Action.RETENTION,
        dry_run=dry_run,
        now=now,
    )
    forgotten = _forget_older(db, AppliedChangeRow, AppliedChangeRow.applied_at < cutoff, dry_run)
    entries = 0
    if audit_older_than is not None:
        entries = _forget_older(db, AuditRow, AuditRow.at < audit_older_than.before(now), dry_run)
    report = RetentionReport(cutoff, mode, dry_run, tally, forgotten, entries)
    if not dry_run:
        summary = AuditEvent(
            actor,
            Action.RETENTION,
            op=mode.value,
            status="done",
            count=tally.changed,
            detail=f"older_than={older_than} cutoff={wire_value(cutoff)} "
            f"answers_forgotten={forgotten} audit_entries_forgotten={entries}",
        )
        audit.write(db, [summary])
    return report


def _forget_older(
    db: ServerDatabase, table: type[Base], old: ColumnElement[bool], dry_run: bool
) -> int:
    """Delete (or count) the rows of one table that `old` selects: push answers older than
    the limit (no client resends a change that old), audit entries older than theirs."""
    if dry_run:
        with db.reading() as conn:
            return conn.execute(select(func.count()).select_from(table).where(old)).scalar_one()
    with db.transaction() as conn:
        return conn.execute(delete(table).where(old)).rowcount


def _date_only(record: dict[str, object]) -> dict[str, object]:
    """The record's time reduced to its (local) day; a range to the whole days it spans."""
    day = _moment(record.get("occurred_at")).astimezone(LOCAL_TZ).date()
    values: dict[str, object] = {
        "occurred_at": wire_value(datetime.combine(day, time(0), LOCAL_TZ)),
        "time_precision": TimePrecision.DATE.value,
        "occurred_until": None,
    }
    if until := record.get("occurred_until"):
        until_day = _moment(until).astimezone(LOCAL_TZ).date()
        if until_day > day:
            values["occurred_until"] = wire_value(datetime.combine(until_day, END_OF_DAY, LOCAL_TZ))
    return values


def _moment(raw: object) -> datetime:
    """A stored RFC 3339 time (the server wrote it, so it parses)."""
    return datetime.fromisoformat(str(raw))


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day
