"""Measures changed here and on the server: both versions and the user's resolution, as
conflicts.py does for incidents (the conflicts dialog shows both kinds).

Resolving is one transaction: the local row takes the chosen values on top of the server's
version, and the fields where the choice differs from the server go out as one ordinary change
built on the server's revision. Measures are never deleted from this app, so only the server's
side can be a deletion.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select

from est_desktop.domain.measure import (
    MEASURE_FIELDS,
    Measure,
    measure_fields_to_wire,
    measure_from_wire,
    measure_to_wire,
)
from est_desktop.store.measure_sync import conflict_ids, set_rejection, write_measure
from est_desktop.store.outbox import queue_change
from est_desktop.store.remote_rows import MEASURE
from est_desktop.store.tables import MeasureRow, RemoteVersionRow

DELETION = "deleted"  # the choice key when the server deleted the measure (as conflicts.py)


@dataclass(frozen=True)
class MeasureConflict:
    """Both versions of one measure; `fields`: the measure fields whose values differ."""

    record_id: str
    local: Measure
    server: Measure | None
    server_deleted: bool
    fields: tuple[str, ...]
    revision: int  # the server's
    local_deleted: bool = False  # never: for the dialog, which shows incidents too


def measure_conflicts(conn: Connection) -> list[MeasureConflict]:
    found = (read_measure_conflict(conn, record_id) for record_id in conflict_ids(conn))
    return sorted(
        (c for c in found if c is not None), key=lambda c: (c.local.draft.title, c.record_id)
    )


def read_measure_conflict(conn: Connection, record_id: str) -> MeasureConflict | None:
    if record_id not in conflict_ids(conn):
        return None
    local_text = conn.scalar(select(MeasureRow.record).where(MeasureRow.id == record_id))
    kept = conn.execute(
        select(RemoteVersionRow.revision, RemoteVersionRow.deleted, RemoteVersionRow.record).where(
            RemoteVersionRow.record_id == record_id
        )
    ).first()
    if local_text is None or kept is None:
        return None
    local = measure_from_wire(json.loads(local_text))
    server = None
    if kept.record is not None:
        server = replace(measure_from_wire(json.loads(kept.record)), revision=kept.revision)
    server_deleted = kept.deleted or (server is not None and server.deleted)
    before = measure_fields_to_wire(local.draft)
    after = measure_fields_to_wire(server.draft) if server is not None else before
    differing = tuple(name for name in MEASURE_FIELDS if before[name] != after[name])
    return MeasureConflict(record_id, local, server, server_deleted, differing, kept.revision)


def resolve_measure_conflict(
    conn: Connection,
    conflict: MeasureConflict,
    choices: Mapping[str, str],
    *,
    by: str,
    at: datetime,
) -> None:
    """Settle the conflict; a field not in `choices` takes the server's value ("theirs")."""
    record_id, local, server = conflict.record_id, conflict.local, conflict.server
    revision = conflict.revision
    conn.execute(delete(RemoteVersionRow).where(RemoteVersionRow.record_id == record_id))
    set_rejection(conn, record_id, None)
    if conflict.server_deleted:
        if choices.get(DELETION, "theirs") == "mine":  # bring it back, every field
            _write(conn, replace(local, updated_at=at, updated_by=by), revision)
            _queue(conn, record_id, revision, measure_fields_to_wire(local.draft), at)
        else:
            _write(conn, replace(server or local, deleted=True), revision)
        return
    mine = [name for name in conflict.fields if choices.get(name, "theirs") == "mine"]
    if server is None:  # the server's record never came: this PC's goes out whole
        _write(conn, local, revision)
        _queue(conn, record_id, revision, measure_fields_to_wire(local.draft), at)
        return
    if not mine:
        _write(conn, server, revision)
        return
    chosen = replace(server.draft, **{name: getattr(local.draft, name) for name in mine})
    _write(conn, replace(server, draft=chosen, updated_at=at, updated_by=by), revision)
    wire = measure_fields_to_wire(local.draft)
    _queue(conn, record_id, revision, {name: wire[name] for name in mine}, at)


def _write(conn: Connection, measure: Measure, revision: int) -> None:
    record: dict[str, Any] = measure_to_wire(measure)
    write_measure(conn, str(measure.id), revision, measure.deleted, record)


def _queue(
    conn: Connection, record_id: str, revision: int, fields: Mapping[str, object], at: datetime
) -> None:
    queue_change(
        conn,
        entity=MEASURE,
        record_id=record_id,
        op="upsert",
        base_revision=revision,
        fields=fields,
        now=at,
    )
