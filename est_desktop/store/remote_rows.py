"""Pieces shared by applying push answers and pulled pages to the local store: reading the
local facts of many records at once, turning a server record into a confirmed local row, and
keeping a server version beside a record that has local changes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from est_desktop.domain.incident import Incident, SyncState
from est_desktop.domain.wire import incident_from_wire, server_set_values
from est_desktop.store.incident_rows import incident_from_row, row_values, search_text
from est_desktop.store.tables import IncidentRow, MeasureRow, OutboxRow, RemoteVersionRow

log = logging.getLogger(__name__)

INCIDENT = "incident"
MEASURE = "measure"
# SQLite allows 32,766 bound values; an IN list of ids stays well below.
ID_CHUNK = 5000
# A record the server confirms as deleted keeps no free text here, nor in the list's search
# column: what the server removed (a deletion, a retention run) leaves this PC with it.
TOMBSTONE_TEXT = {"description": "", "place_name": "", "search_text": search_text("", "")}


def parsed_row(record: Mapping[str, Any], revision: int, deleted: bool) -> dict[str, Any] | None:
    """The local row of a record the server sent, confirmed at `revision`; None if unreadable."""
    try:
        incident = incident_from_wire(record)
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("pulled incident %r skipped, it cannot be read: %s", record.get("id"), exc)
        return None
    return {**row_values(incident), **_confirmed(revision, deleted)}


def server_columns(
    record: Mapping[str, Any], revision: int, deleted: bool
) -> dict[str, Any] | None:
    """The server-set columns of a record the server sent, confirmed at `revision`: all a local
    row that already holds the record's editable fields needs. None if unreadable."""
    try:
        values = server_set_values(record)
    except ValueError:
        return None
    return {**values, "district": values["district"] or "", **_confirmed(revision, deleted)}


def _confirmed(revision: int, deleted: bool) -> dict[str, Any]:
    return {
        "revision": revision,
        "deleted": deleted,
        "sync_state": SyncState.CONFIRMED.value,
        "sync_errors": None,
        **(TOMBSTONE_TEXT if deleted else {}),
    }


def update_by_match_id() -> Any:
    return update(IncidentRow).where(IncidentRow.id == bindparam("match_id"))


def set_confirmed(
    conn: Connection,
    record_id: str,
    record: Mapping[str, Any] | None,
    revision: int,
    deleted: bool | None,
) -> None:
    """Make the local row the server's version `revision` (`record`, when given)."""
    values: dict[str, Any] = {"sync_state": SyncState.CONFIRMED.value, "sync_errors": None}
    row = None if record is None else parsed_row(record, revision, bool(record.get("deleted")))
    if row is not None:
        values.update(row)
    else:
        values["revision"] = revision
        if deleted is not None:
            values.update(_confirmed(revision, deleted))
    conn.execute(update(IncidentRow).where(IncidentRow.id == record_id).values(values))


def keep_remote(
    conn: Connection, record_id: str, entity: str, revision: int, deleted: bool, record: Any
) -> None:
    """Keep the server's version beside the local row, unless a newer one is kept already."""
    text = None if record is None else json.dumps(record, ensure_ascii=False)
    statement = sqlite_insert(RemoteVersionRow).values(
        record_id=record_id, entity=entity, revision=revision, deleted=deleted, record=text
    )
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=["record_id"],
            set_={"revision": revision, "deleted": deleted, "record": text},
            where=RemoteVersionRow.revision < revision,
        )
    )


def store_measures(conn: Connection, measures: list[tuple[str, int, bool, Any]]) -> None:
    for record_id, revision, deleted, record in measures:
        text = None if record is None else json.dumps(record, ensure_ascii=False)
        statement = sqlite_insert(MeasureRow).values(
            id=record_id, revision=revision, deleted=deleted, record=text
        )
        conn.execute(
            statement.on_conflict_do_update(
                index_elements=["id"],
                set_={"revision": revision, "deleted": deleted, "record": text},
                where=MeasureRow.revision < revision,
            )
        )


def queued_change_ids(conn: Connection, change_ids: list[str]) -> set[str]:
    query = select(OutboxRow.change_id).where(OutboxRow.change_id.in_(change_ids))
    return set(conn.scalars(query))


def local_revision(conn: Connection, record_id: str) -> int | None:
    return conn.scalar(select(IncidentRow.revision).where(IncidentRow.id == record_id))


def local_incident(conn: Connection, record_id: str) -> Incident | None:
    row = conn.execute(select(IncidentRow).where(IncidentRow.id == record_id)).first()
    return None if row is None else incident_from_row(row._mapping)


def remote_version(conn: Connection, record_id: str) -> tuple[int, Any] | None:
    row = conn.execute(
        select(RemoteVersionRow.revision, RemoteVersionRow.record).where(
            RemoteVersionRow.record_id == record_id
        )
    ).first()
    if row is None:
        return None
    return row.revision, None if row.record is None else json.loads(row.record)


def local_facts(conn: Connection, ids: list[str]) -> dict[str, tuple[int | None, str]]:
    facts: dict[str, tuple[int | None, str]] = {}
    for chunk in chunks(ids):
        query = select(IncidentRow.id, IncidentRow.revision, IncidentRow.sync_state).where(
            IncidentRow.id.in_(chunk)
        )
        facts.update((row.id, (row.revision, row.sync_state)) for row in conn.execute(query))
    return facts


def change_counts(conn: Connection, ids: list[str]) -> dict[str, int]:
    """How many outbox entries each record has."""
    counts: dict[str, int] = {}
    for chunk in chunks(ids):
        query = (
            select(OutboxRow.record_id, func.count())
            .where(OutboxRow.record_id.in_(chunk))
            .group_by(OutboxRow.record_id)
        )
        counts.update((row[0], row[1]) for row in conn.execute(query))
    return counts


def ids_with_changes(conn: Connection, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(ids):
        found.update(
            conn.scalars(select(OutboxRow.record_id).where(OutboxRow.record_id.in_(chunk)))
        )
    return found


def remote_revisions(conn: Connection, ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in chunks(ids):
        query = select(RemoteVersionRow.record_id, RemoteVersionRow.revision).where(
            RemoteVersionRow.record_id.in_(chunk)
        )
        found.update((row.record_id, row.revision) for row in conn.execute(query))
    return found


def chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), ID_CHUNK):
        yield ids[start : start + ID_CHUNK]
