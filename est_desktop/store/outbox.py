"""The sync outbox: each local change, queued in the same transaction as the record it changes.

Fields are kept in wire form (PROTOCOL.md), so the sync client sends them as they are. A change
keeps its change id for life: sent again after a lost answer, the server applies it only once.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, exists, func, insert, select, update
from sqlalchemy.orm import aliased

from est_desktop.domain.incident import SyncState
from est_desktop.domain.wire import dumps_json, loads_json, wire_fields
from est_desktop.store.tables import EpochSeconds, IncidentRow, OutboxRow


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    seq: int
    change_id: str
    entity: str
    record_id: str
    op: str
    base_revision: int | None
    fields: dict[str, Any]
    created_at: datetime
    sent_at: datetime | None = None

    def as_wire(self) -> dict[str, Any]:
        """The change as a push request carries it."""
        return {
            "change_id": self.change_id,
            "entity": self.entity,
            "id": self.record_id,
            "op": self.op,
            "base_revision": self.base_revision,
            "fields": self.fields,
        }


def queue_change(
    conn: Connection,
    *,
    entity: str,
    record_id: str,
    op: str,
    base_revision: int | None,
    fields: Mapping[str, object],
    now: datetime,
) -> str:
    """Queue one change inside the caller's transaction; returns its change id."""
    row = _outbox_row(entity, record_id, op, base_revision, fields, now)
    conn.execute(insert(OutboxRow).values(row))
    return row["change_id"]


def queue_creates(
    conn: Connection, entity: str, created: Iterable[tuple[str, Mapping[str, object], datetime]]
) -> None:
    """Queue the creation of many records at once (record id, fields in wire form, when): an
    import's or demo data's thousands of rows in one plain executemany (no per-row statement
    building, no second pass over values the caller made wire-ready)."""
    created = list(created)
    change_ids = time_ordered_ids(len(created))
    rows = [
        (change_id, entity, rid, "upsert", dumps_json(fields), _to_epoch(now, None))
        for change_id, (rid, fields, now) in zip(change_ids, created, strict=True)
    ]
    if rows:
        conn.exec_driver_sql(_INSERT_CREATE, rows)


_INSERT_CREATE = (
    f"INSERT INTO {OutboxRow.__tablename__} (change_id, entity, record_id, op, fields, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_to_epoch = EpochSeconds().process_bind_param


def _fields_json(fields: Mapping[str, object]) -> str:
    return dumps_json(wire_fields(fields))


def time_ordered_ids(count: int) -> list[str]:
    """`count` new UUIDs (version 7, RFC 9562: the millisecond, a counter, 48 random bits), in
    ascending order: many new rows' ids go into the store's unique indexes as appends rather
    than at random places. PROTOCOL.md allows any UUID version."""
    if count <= 0:
        return []
    raw = np.frombuffer(bytearray(os.urandom(16 * count)), dtype=np.uint8).reshape(count, 16)
    raw[:, :6] = np.frombuffer((time.time_ns() // 1_000_000).to_bytes(6, "big"), dtype=np.uint8)
    counter = np.arange(count, dtype=np.uint32)  # 26 bits: rand_a's 12 and 14 of rand_b
    raw[:, 6] = 0x70 | (counter >> 22 & 0x0F)
    raw[:, 7] = counter >> 14 & 0xFF
    raw[:, 8] = 0x80 | (counter >> 8 & 0x3F)
    raw[:, 9] = counter & 0xFF
    text = raw.tobytes().hex()
    return [
        f"{text[i : i + 8]}-{text[i + 8 : i + 12]}-{text[i + 12 : i + 16]}-"
        f"{text[i + 16 : i + 20]}-{text[i + 20 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]


def _outbox_row(
    entity: str,
    record_id: str,
    op: str,
    base_revision: int | None,
    fields: Mapping[str, object],
    now: datetime,
) -> dict[str, object]:
    return {
        "change_id": str(uuid.uuid4()),
        "entity": entity,
        "record_id": record_id,
        "op": op,
        "base_revision": base_revision,
        "fields": _fields_json(fields),
        "created_at": now,
    }


def pending_changes(conn: Connection, limit: int | None = None) -> list[OutboxEntry]:
    """The queued changes, oldest first."""
    return _entries(conn, select(OutboxRow).order_by(OutboxRow.seq).limit(limit))


def changes_for(conn: Connection, record_id: str) -> list[OutboxEntry]:
    """The queued changes of one record, oldest first."""
    query = select(OutboxRow).where(OutboxRow.record_id == record_id).order_by(OutboxRow.seq)
    return _entries(conn, query)


def pushable_changes(
    conn: Connection, limit: int, *, skip: Collection[str] = ()
) -> list[OutboxEntry]:
    """The next changes to push, oldest first: at most one per record (a later edit waits for
    the answer to the earlier one), none of a record in conflict, none whose change id is in
    `skip` (already answered in this sync run)."""
    # "No earlier change of the same record" is one lookup in the record_id index per row, read
    # in seq order until the batch is full: no grouping of the whole outbox for every batch.
    earlier = aliased(OutboxRow)
    query = (
        select(OutboxRow)
        .where(
            OutboxRow.record_id.not_in(_held_records()),
            ~exists().where(earlier.record_id == OutboxRow.record_id, earlier.seq < OutboxRow.seq),
        )
        .order_by(OutboxRow.seq)
    )
    if skip:
        query = query.where(OutboxRow.change_id.not_in(list(skip)))
    return _entries(conn, query.limit(limit))


def has_later_changes(conn: Connection, entries: Collection[OutboxEntry]) -> bool:
    """Whether a record of `entries` has another change queued than its entry there."""
    query = select(OutboxRow.seq).where(
        OutboxRow.record_id.in_([entry.record_id for entry in entries]),
        OutboxRow.seq.not_in([entry.seq for entry in entries]),
    )
    return conn.scalar(query.limit(1)) is not None


def waiting_count(conn: Connection) -> int:
    """Changes that will go out at the next sync (those of records in conflict are held)."""
    query = select(func.count()).where(OutboxRow.record_id.not_in(_held_records()))
    return conn.scalar(query) or 0


def mark_sent(conn: Connection, entries: Collection[OutboxEntry], now: datetime) -> None:
    """Record that `entries` are about to be sent: before the request, in its own transaction,
    so a record whose create may have reached the server is never silently dropped."""
    if not entries:
        return
    conn.execute(
        update(OutboxRow)
        .where(OutboxRow.seq.in_([e.seq for e in entries]), OutboxRow.sent_at.is_(None))
        .values(sent_at=now)
    )
    ids = [e.record_id for e in entries if e.entity == "incident"]
    conn.execute(
        update(IncidentRow)
        .where(IncidentRow.id.in_(ids), IncidentRow.sync_state == SyncState.LOCAL.value)
        .values(sync_state=SyncState.SENT.value)
    )


def drop_changes(conn: Connection, seqs: Collection[int]) -> None:
    if seqs:
        conn.execute(delete(OutboxRow).where(OutboxRow.seq.in_(list(seqs))))


def set_base_revision(conn: Connection, seq: int, base_revision: int | None) -> None:
    conn.execute(update(OutboxRow).where(OutboxRow.seq == seq).values(base_revision=base_revision))


def set_fields(conn: Connection, seq: int, fields: Mapping[str, object]) -> None:
    conn.execute(update(OutboxRow).where(OutboxRow.seq == seq).values(fields=_fields_json(fields)))


def _held_records() -> Any:
    # Naming both `deleted` values lets SQLite read the (deleted, sync_state) index.
    return select(IncidentRow.id).where(
        IncidentRow.deleted.in_([False, True]), IncidentRow.sync_state == SyncState.CONFLICT.value
    )


def _entries(conn: Connection, query: Any) -> list[OutboxEntry]:
    # Rows unpacked by position (a push reads thousands): the columns in the entry's order.
    rows = conn.execute(query.with_only_columns(*_ENTRY_COLUMNS)).all()
    return [
        OutboxEntry(seq, change_id, entity, record_id, op, base, loads_json(fields), created, sent)
        for seq, change_id, entity, record_id, op, base, fields, created, sent in rows
    ]


_ENTRY_COLUMNS = tuple(OutboxRow.__table__.c[f.name] for f in dataclass_fields(OutboxEntry))
