"""Records changed here and on the server: both versions, and the user's resolution.

A conflict is a local record in sync state `conflict` with the server's version kept beside it
(`remote_versions`). Resolving it is one transaction: the local row takes the chosen values on
top of the server's version, and the resolution goes out as one ordinary change built on the
server's revision.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Connection, delete, func, select, update

from est_desktop.domain.incident import EDITABLE_FIELDS, Incident, SyncState
from est_desktop.domain.language import translate
from est_desktop.domain.wire import incident_from_wire
from est_desktop.store.database import Store
from est_desktop.store.errors import RecordNotFoundError
from est_desktop.store.incident_rows import incident_from_row, row_values
from est_desktop.store.incidents import ENTITY
from est_desktop.store.measure_conflicts import (
    MeasureConflict,
    measure_conflicts,
    read_measure_conflict,
    resolve_measure_conflict,
)
from est_desktop.store.measure_sync import conflict_count as measure_conflict_count
from est_desktop.store.outbox import changes_for, drop_changes, queue_change
from est_desktop.store.tables import IncidentRow, RemoteVersionRow

Choice = Literal["mine", "theirs"]
# The choice key when one side deleted the record: "mine" keeps this PC's side of it.
DELETION = "deleted"
# Fields whose choice moves the district with them (the server derives it from the position).
_POSITION_FIELDS = frozenset({"lat", "lon", "location_precision"})


@dataclass(frozen=True)
class Conflict:
    """Both versions of one record. `fields`: the editable fields whose values differ.

    When one side deleted the record (`local_deleted` or `server_deleted`), the choice that
    counts is the one under the key `DELETION`.
    """

    record_id: str
    local: Incident
    server: Incident | None
    server_deleted: bool
    local_deleted: bool
    fields: tuple[str, ...]


class ConflictRepository:
    """Lists and resolves conflicts in one store. Any thread; each resolve is one transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self) -> list[Conflict | MeasureConflict]:
        """Incidents in conflict, then measures (measure_conflicts.py)."""
        with self._store.reading() as conn:
            rows = conn.execute(_conflict_query()).all()
            measures = measure_conflicts(conn)
        return [*(_conflict(row._mapping) for row in rows), *measures]

    def count(self) -> int:
        with self._store.reading() as conn:
            query = select(func.count()).where(
                IncidentRow.deleted.in_([False, True]),
                IncidentRow.sync_state == SyncState.CONFLICT.value,
            )
            return (conn.scalar(query) or 0) + measure_conflict_count(conn)

    def get(self, record_id: str | uuid.UUID) -> Conflict | MeasureConflict | None:
        with self._store.reading() as conn:
            return _read(conn, str(record_id)) or read_measure_conflict(conn, str(record_id))

    def resolve(
        self, record_id: str | uuid.UUID, choices: Mapping[str, Choice], *, by: str, at: datetime
    ) -> None:
        """Settle a conflict; a field not in `choices` takes the server's value ("theirs").

        All theirs: the local record becomes the server's version, nothing is queued.
        Otherwise the local record takes the chosen values on the server's revision, and one
        change (the fields where the choice differs from the server) replaces what was queued.
        """
        with self._store.transaction() as conn:
            measure = read_measure_conflict(conn, str(record_id))
            if measure is not None:
                resolve_measure_conflict(conn, measure, choices, by=by, at=at)
                return
            conflict = _read(conn, str(record_id))
            if conflict is None:
                raise RecordNotFoundError(
                    translate("Store", "Händelsen {id} är inte i konflikt (längre).").format(
                        id=record_id
                    )
                )
            _resolve(conn, conflict, choices, by=by, at=at)


def _resolve(
    conn: Connection, conflict: Conflict, choices: Mapping[str, Choice], *, by: str, at: datetime
) -> None:
    record_id, local, server = conflict.record_id, conflict.local, conflict.server
    revision = _remote_revision(conn, record_id)
    drop_changes(conn, [change.seq for change in changes_for(conn, record_id)])
    conn.execute(delete(RemoteVersionRow).where(RemoteVersionRow.record_id == record_id))
    keep_mine_deleted = choices.get(DELETION, "theirs") == "mine"
    if revision is None:
        # The server's version never came (an answer without it): nothing to choose from, so
        # this PC's record goes out again as a whole, as a new change.
        op = "delete" if local.deleted else "upsert"
        fields = {} if local.deleted else local.as_draft().as_fields()
        _write(conn, local, SyncState.LOCAL)
        _queue(conn, record_id, op, local.revision, fields, at)
        return

    if conflict.local_deleted or conflict.server_deleted:
        if conflict.local_deleted and conflict.server_deleted:
            _write(conn, replace(local, revision=revision, deleted=True), SyncState.CONFIRMED)
        elif conflict.local_deleted and keep_mine_deleted:
            _write(conn, _on(local, server, revision, by, at, deleted=True), SyncState.LOCAL)
            _queue(conn, record_id, "delete", revision, {}, at)
        elif conflict.server_deleted and keep_mine_deleted:
            # Keep this PC's record: bring it back on the server with every field.
            _write(conn, _on(local, server, revision, by, at, deleted=False), SyncState.LOCAL)
            _queue(conn, record_id, "upsert", revision, local.as_draft().as_fields(), at)
        else:
            _take_theirs(conn, conflict, revision)
        return

    mine = [name for name in conflict.fields if choices.get(name, "theirs") == "mine"]
    if server is None or not mine:
        _take_theirs(conn, conflict, revision)
        return
    chosen = replace(server, **{name: getattr(local, name) for name in mine})
    if _POSITION_FIELDS & set(mine):
        chosen = replace(chosen, district=local.district)
    chosen = replace(chosen, revision=revision, updated_at=at, updated_by=by, sync_errors={})
    _write(conn, chosen, SyncState.LOCAL)
    _queue(conn, record_id, "upsert", revision, {name: getattr(local, name) for name in mine}, at)


def _take_theirs(conn: Connection, conflict: Conflict, revision: int) -> None:
    if conflict.server is not None:
        _write(conn, conflict.server, SyncState.CONFIRMED)
    else:  # a tombstone the server sent without its record
        _write(conn, replace(conflict.local, revision=revision, deleted=True), SyncState.CONFIRMED)


def _on(
    local: Incident, server: Incident | None, revision: int, by: str, at: datetime, **kw: Any
) -> Incident:
    """The local record's values on the server's revision, stamped with who resolved it."""
    base = local if server is None else replace(local, organisation=server.organisation)
    return replace(base, revision=revision, updated_at=at, updated_by=by, sync_errors={}, **kw)


def _write(conn: Connection, incident: Incident, state: SyncState) -> None:
    values = row_values(replace(incident, sync_state=state))
    if state is SyncState.CONFIRMED:
        values["sync_errors"] = None
    conn.execute(update(IncidentRow).where(IncidentRow.id == str(incident.id)).values(values))


def _queue(
    conn: Connection,
    record_id: str,
    op: str,
    revision: int | None,
    fields: Mapping[str, object],
    at: datetime,
) -> None:
    queue_change(
        conn,
        entity=ENTITY,
        record_id=record_id,
        op=op,
        base_revision=revision,
        fields=fields,
        now=at,
    )


def _conflict_query() -> Any:
    return (
        select(
            IncidentRow,
            RemoteVersionRow.revision.label("remote_revision"),
            RemoteVersionRow.deleted.label("remote_deleted"),
            RemoteVersionRow.record.label("remote_record"),
        )
        .outerjoin(RemoteVersionRow, RemoteVersionRow.record_id == IncidentRow.id)
        .where(IncidentRow.sync_state == SyncState.CONFLICT.value)
        .order_by(IncidentRow.occurred_at.desc(), IncidentRow.pk.desc())
    )


def _read(conn: Connection, record_id: str) -> Conflict | None:
    row = conn.execute(_conflict_query().where(IncidentRow.id == record_id)).first()
    return None if row is None else _conflict(row._mapping)


def _remote_revision(conn: Connection, record_id: str) -> int | None:
    query = select(RemoteVersionRow.revision).where(RemoteVersionRow.record_id == record_id)
    return conn.scalar(query)


def _conflict(row: Mapping[str, Any]) -> Conflict:
    local = incident_from_row(row)
    server = None
    server_deleted = bool(row["remote_deleted"])
    if row["remote_record"] is not None:
        server = incident_from_wire(json.loads(row["remote_record"]))
        server = replace(
            server,
            revision=row["remote_revision"],
            deleted=server_deleted or server.deleted,
            sync_state=SyncState.CONFIRMED,
        )
        server_deleted = server.deleted
    differing = tuple(
        name
        for name in EDITABLE_FIELDS
        if server is not None and getattr(local, name) != getattr(server, name)
    )
    return Conflict(str(local.id), local, server, server_deleted, local.deleted, differing)
