"""Rewriting stored records outside a push: retention and erasure, as new revisions.

A sweep walks the records a filter selects in id order, a batch per transaction, and asks a
decision function what each should become. Every record it changes gets the next revision, a
new change number (so every client pulls it on its next sync), the fields it changed marked as
changed at that revision (so an older offline edit of them is a conflict, not a silent
restore), and an audit entry, all in the batch's transaction. The rows of a batch are locked
(FOR UPDATE on PostgreSQL; SQLite's write lock) so a concurrent push decides against the result.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, select, update

from est_desktop.domain.wire import wire_value
from est_desktop.server import audit
from est_desktop.server.audit import Action, AuditEvent
from est_desktop.server.database import ServerDatabase, next_seqs
from est_desktop.server.tables import RecordRow

RECORDS = RecordRow.__table__
BATCH = 500

# The record's free text, per entity: what retention removes and erasure searches.
FREE_TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "incident": ("description", "place_name"),
    "measure": ("title", "description", "follow_up"),
}


@dataclass(frozen=True, slots=True)
class StoredRecord:
    id: str
    entity: str
    revision: int
    deleted: bool
    record: dict[str, Any]
    field_revisions: dict[str, int]


@dataclass(frozen=True, slots=True)
class Rewrite:
    """What a record becomes: its editable fields replaced by `values`, deleted or not."""

    values: dict[str, Any]
    deleted: bool

    @classmethod
    def of(cls, stored: StoredRecord, values: dict[str, Any], deleted: bool) -> Rewrite | None:
        """The rewrite setting `values` and `deleted`, None when it would change nothing (an
        empty text, null and a missing field are all "nothing", so a second run is a no-op)."""
        changed = {k: v for k, v in values.items() if (stored.record.get(k) or None) != (v or None)}
        if not changed and deleted == stored.deleted:
            return None
        return cls(changed, deleted)


@dataclass(slots=True)
class SweepTally:
    examined: int = 0
    changed: int = 0
    by_entity: dict[str, int] = field(default_factory=dict)

    def count(self, entity: str) -> None:
        self.changed += 1
        self.by_entity[entity] = self.by_entity.get(entity, 0) + 1


Decide = Callable[[StoredRecord], Rewrite | None]


def sweep(
    db: ServerDatabase,
    where: ColumnElement[bool],
    decide: Decide,
    *,
    actor: str,
    action: Action,
    dry_run: bool = False,
    now: datetime | None = None,
    batch: int = BATCH,
) -> SweepTally:
    """Rewrite every record matching `where` that `decide` changes; with `dry_run`, only count.

    Blocking; runs in as many transactions as there are batches, so a long sweep never holds
    the write lock for long and a crash leaves every finished batch done (run it again to go on:
    a record already rewritten is no longer changed by `decide`)."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    tally = SweepTally()
    after = ""
    while True:
        with db.reading() if dry_run else db.transaction() as conn:
            rows = list(_batch(conn, where, after, batch, lock=not dry_run))
            decided = [(row, decide(row)) for row in rows]
            changes = [(row, rewrite) for row, rewrite in decided if rewrite is not None]
            if changes and not dry_run:
                _write(conn, changes, actor, action, now)
        tally.examined += len(rows)
        for row, _ in changes:
            tally.count(row.entity)
        if len(rows) < batch:
            return tally
        after = rows[-1].id


def stored_records(
    db: ServerDatabase, where: ColumnElement[bool], batch: int = BATCH
) -> Iterator[StoredRecord]:
    """Every record matching `where`, in id order, read a batch per transaction."""
    after = ""
    while True:
        with db.reading() as conn:
            rows = list(_batch(conn, where, after, batch, lock=False))
        yield from rows
        if len(rows) < batch:
            return
        after = rows[-1].id


def _batch(
    conn: Connection, where: ColumnElement[bool], after: str, size: int, *, lock: bool
) -> Iterator[StoredRecord]:
    columns = (
        RECORDS.c.id,
        RECORDS.c.entity,
        RECORDS.c.revision,
        RECORDS.c.deleted,
        RECORDS.c.record,
        RECORDS.c.field_revisions,
    )
    query = select(*columns).where(where, RECORDS.c.id > after).order_by(RECORDS.c.id).limit(size)
    if lock:
        query = query.with_for_update()
    for row in conn.execute(query):
        yield StoredRecord(
            row.id,
            row.entity,
            row.revision,
            bool(row.deleted),
            json.loads(row.record),
            json.loads(row.field_revisions),
        )


def _write(
    conn: Connection,
    changes: list[tuple[StoredRecord, Rewrite]],
    actor: str,
    action: Action,
    now: datetime,
) -> None:
    wire_now = wire_value(now)
    updates = []
    events = []
    seq = next_seqs(conn, len(changes))  # locks the counter until commit: keep it late
    for offset, (stored, rewrite) in enumerate(changes):
        revision = stored.revision + 1
        changed = set(rewrite.values)
        record = {
            **stored.record,
            **rewrite.values,
            "revision": revision,
            "deleted": rewrite.deleted,
            "updated_at": wire_now,
            "updated_by": actor,
        }
        field_revisions = {**stored.field_revisions, **dict.fromkeys(changed, revision)}
        updates.append(
            {
                "b_id": stored.id,
                "seq": seq + offset,
                "revision": revision,
                "deleted": rewrite.deleted,
                "record": _dumps(record),
                "field_revisions": _dumps(field_revisions),
            }
        )
        op = "delete" if rewrite.deleted and not stored.deleted else "redact"
        events.append(AuditEvent(actor, action, stored.entity, stored.id, op=op, status="applied"))
    conn.execute(update(RECORDS).where(RECORDS.c.id == bindparam("b_id")), updates)
    audit.record(conn, events, now)


# The same encoder as push's: ASCII escapes, no spaces (pull sends the stored text as it is).
_dumps = json.JSONEncoder(separators=(",", ":")).encode
