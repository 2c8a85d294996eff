"""Applying the server's answers to the local store: push results and pulled pages.

Each batch is one transaction, so a crash leaves either all of a batch or none of it. The rules
(PROTOCOL.md, and the client's promise): nothing local is overwritten while it has changes
waiting or is in conflict (the server's version is kept beside it in `remote_versions`); the
highest revision wins; a record is shown `confirmed` only once the server has stored exactly
what the local row holds.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from est_desktop.domain.incident import Incident, SyncState
from est_desktop.domain.wire import incident_from_wire
from est_desktop.store.database import Store
from est_desktop.store.incidents import incident_from_row, row_values
from est_desktop.store.outbox import (
    OutboxEntry,
    changes_for,
    drop_changes,
    set_base_revision,
    set_fields,
)
from est_desktop.store.tables import IncidentRow, MeasureRow, OutboxRow, RemoteVersionRow

log = logging.getLogger(__name__)

CURSOR_KEY = "sync_cursor"
INCIDENT = "incident"
MEASURE = "measure"
# SQLite allows 32,766 bound values; an IN list of ids stays well below.
_ID_CHUNK = 5000
Answered = tuple[OutboxEntry, Mapping[str, Any]]  # a sent change and the server's result


@dataclass(frozen=True, slots=True)
class PushTally:
    confirmed: int = 0
    conflicts: int = 0
    rejected: int = 0


@dataclass(frozen=True, slots=True)
class PullTally:
    received: int = 0
    stored: int = 0  # inserted or replaced locally
    kept_aside: int = 0  # stored in remote_versions beside a record with local changes
    skipped: int = 0  # unparsable, unknown entity, or not newer than what is here


def pull_cursor(store: Store) -> str | None:
    return store.setting(CURSOR_KEY)


# -- push results ---------------------------------------------------------------------------


def apply_push_results(
    store: Store, sent: Sequence[OutboxEntry], results: Sequence[Mapping[str, Any]]
) -> PushTally:
    """Apply the answers to `sent` (one result per change, matched by change id).

    An answer for a change no longer queued (an answer replayed after it was applied) changes
    nothing. The caller has checked that the results are well formed.
    """
    by_change = {str(r["change_id"]): r for r in results}
    confirmed = conflicts = rejected = 0
    with store.transaction() as conn:
        queued = _queued_change_ids(conn, [e.change_id for e in sent])
        answered = [
            (entry, by_change[entry.change_id])
            for entry in sent
            if entry.change_id in by_change and entry.change_id in queued
        ]
        plain, answered = _plain_confirmations(conn, answered)
        _confirm_plain(conn, plain)
        confirmed += len(plain)
        for entry, result in answered:
            status = result["status"]
            if status in ("applied", "merged"):
                _confirm(conn, entry, result, merged=status == "merged")
                confirmed += 1
            elif status == "conflict":
                _hold(conn, entry, result)
                conflicts += 1
            elif status == "rejected":
                _reject(conn, entry, result)
                rejected += 1
            else:
                raise ValueError(f"unknown push status {status!r}")
    return PushTally(confirmed, conflicts, rejected)


def _plain_confirmations(
    conn: Connection, answered: list[Answered]
) -> tuple[list[Answered], list[Answered]]:
    """Split off the common case, applied in bulk: an incident the server confirmed with its
    record, nothing else waiting for it, no server version kept aside, nothing newer here."""
    ids = [entry.record_id for entry, _ in answered]
    waiting = _change_counts(conn, ids)
    remote = _remote_revisions(conn, ids)
    local = _local_facts(conn, ids)
    plain, rest = [], []
    for entry, result in answered:
        revision = result.get("revision")
        local_revision = local.get(entry.record_id, (None, ""))[0]
        if (
            entry.entity == INCIDENT
            and result["status"] in ("applied", "merged")
            and isinstance(revision, int)
            and isinstance(result.get("record"), Mapping)
            and waiting.get(entry.record_id) == 1
            and entry.record_id not in remote
            and (local_revision is None or local_revision <= revision)
        ):
            plain.append((entry, result))
        else:
            rest.append((entry, result))
    return plain, rest


def _confirm_plain(conn: Connection, confirmations: list[Answered]) -> None:
    """The local rows become the server's records, marked confirmed; their entries go."""
    rows: list[dict[str, Any]] = []
    bare: list[dict[str, Any]] = []  # a record that cannot be read: confirm the revision only
    for entry, result in confirmations:
        record = result["record"]
        row = _parsed_row(record, result["revision"], bool(record.get("deleted")))
        if row is None:
            bare.append({"match_id": entry.record_id, "revision": result["revision"]})
        else:
            rows.append({**row, "match_id": entry.record_id})
    if rows:
        conn.execute(_update_by_match_id(), rows)
    if bare:
        confirmed = {"sync_state": SyncState.CONFIRMED.value, "sync_errors": None}
        conn.execute(_update_by_match_id().values(confirmed), bare)
    drop_changes(conn, [entry.seq for entry, _ in confirmations])


def _confirm(conn: Connection, entry: OutboxEntry, result: Mapping[str, Any], merged: bool) -> None:
    revision: int = result["revision"]
    record = result.get("record")
    drop_changes(conn, [entry.seq])
    later = changes_for(conn, entry.record_id)
    for change in later:
        # A later edit was made on the same version the answered one was: it now builds on the
        # answered revision, unless a merge brought in fields it did not know about.
        if change.base_revision == entry.base_revision and (
            not merged or set(change.fields) <= set(entry.fields)
        ):
            set_base_revision(conn, change.seq, revision)
    if entry.entity == MEASURE:
        _store_measures(conn, [(entry.record_id, revision, bool(result_deleted(result)), record)])
        return
    if later:
        conn.execute(
            update(IncidentRow)
            .where(IncidentRow.id == entry.record_id)
            .values(revision=revision, sync_state=SyncState.LOCAL.value)
        )
        return
    local = _local_revision(conn, entry.record_id)
    remote = _remote_version(conn, entry.record_id)
    if remote is not None and remote[0] > revision:
        revision, record = remote[0], remote[1]
    if local is not None and local > revision:
        _set_confirmed(conn, entry.record_id, None, local, deleted=None)
    elif record is not None:
        _set_confirmed(conn, entry.record_id, record, revision, deleted=None)
    else:
        deleted = entry.op == "delete" or result_deleted(result)
        _set_confirmed(conn, entry.record_id, None, revision, deleted=deleted)
    conn.execute(delete(RemoteVersionRow).where(RemoteVersionRow.record_id == entry.record_id))


def _hold(conn: Connection, entry: OutboxEntry, result: Mapping[str, Any]) -> None:
    record = result.get("record")
    revision = result.get("revision")
    if revision is None and isinstance(record, Mapping):
        revision = record.get("revision")
    if isinstance(revision, int):
        _keep_remote(conn, entry.record_id, entry.entity, revision, result_deleted(result), record)
    if entry.entity == INCIDENT:
        conn.execute(
            update(IncidentRow)
            .where(IncidentRow.id == entry.record_id)
            .values(sync_state=SyncState.CONFLICT.value)
        )


def _reject(conn: Connection, entry: OutboxEntry, result: Mapping[str, Any]) -> None:
    drop_changes(conn, [entry.seq])
    errors = {str(k): str(v) for k, v in (result.get("errors") or {}).items()}
    log.warning("change %s of %s rejected: %s", entry.change_id, entry.record_id, errors)
    if entry.entity != INCIDENT:
        return
    conn.execute(
        update(IncidentRow)
        .where(IncidentRow.id == entry.record_id)
        .values(
            sync_state=SyncState.REJECTED.value, sync_errors=json.dumps(errors) if errors else None
        )
    )
    if entry.op == "upsert" and entry.base_revision is None:
        _after_rejected_create(conn, entry.record_id)


def _after_rejected_create(conn: Connection, record_id: str) -> None:
    """The server never had this record: a later edit must carry every field to create it,
    and a later delete has nothing left to delete."""
    later = changes_for(conn, record_id)
    if not later:
        return
    if any(change.op == "delete" for change in later):
        drop_changes(conn, [change.seq for change in later])
        return
    local = _local_incident(conn, record_id)
    if local is not None and local.revision is None:
        set_fields(conn, later[0].seq, local.as_draft().as_fields())


def result_deleted(result: Mapping[str, Any]) -> bool:
    record = result.get("record")
    return bool(isinstance(record, Mapping) and record.get("deleted"))


# -- pull -----------------------------------------------------------------------------------


def apply_pull_page(store: Store, changes: Iterable[Mapping[str, Any]], cursor: str) -> PullTally:
    """Apply one pulled page and store its cursor, in one transaction."""
    newest: dict[str, Mapping[str, Any]] = {}
    measures: list[tuple[str, int, bool, Any]] = []
    received = skipped = 0
    for change in changes:
        received += 1
        entity, record_id, revision = change.get("entity"), change.get("id"), change.get("revision")
        if not isinstance(record_id, str) or not isinstance(revision, int):
            log.warning("pulled change without id or revision skipped: %r", change)
            skipped += 1
        elif entity == MEASURE:
            measures.append(
                (record_id, revision, bool(change.get("deleted")), change.get("record"))
            )
        elif entity == INCIDENT:
            # A record may come twice in a page: the highest revision counts.
            if record_id not in newest or newest[record_id]["revision"] < revision:
                newest[record_id] = change
        else:
            log.warning("pulled change of unknown entity %r skipped", entity)
            skipped += 1
    # Not flushed at commit: a page lost in a power cut is pulled again from the older cursor.
    with store.transaction(durable=False) as conn:
        stored, kept_aside = _apply_incidents(conn, list(newest.values()))
        _store_measures(conn, measures)
        store.set_setting(CURSOR_KEY, cursor, conn)
    skipped += len(newest) - stored - kept_aside  # not newer, a tombstone, or unreadable
    return PullTally(received, stored + len(measures), kept_aside, skipped)


def _apply_incidents(conn: Connection, changes: list[Mapping[str, Any]]) -> tuple[int, int]:
    """Insert, replace or keep aside each change; (stored, kept aside)."""
    ids = [str(change["id"]) for change in changes]
    local = _local_facts(conn, ids)
    pending = _ids_with_changes(conn, ids)
    remote = _remote_revisions(conn, ids)
    inserts: list[dict[str, Any]] = []
    replaces: list[dict[str, Any]] = []
    tombstones: list[dict[str, Any]] = []
    kept_aside = 0
    for change in changes:
        record_id, revision = str(change["id"]), int(change["revision"])
        deleted, record = bool(change.get("deleted")), change.get("record")
        row = None
        if record is not None:
            row = _parsed_row(record, revision, deleted)
            if row is None:
                continue
        known = local.get(record_id)
        if known is None:
            if row is not None and not deleted:
                inserts.append(row)
        elif record_id in pending or known[1] == SyncState.CONFLICT.value:
            if revision > max(remote.get(record_id, -1), known[0] if known[0] is not None else -1):
                _keep_remote(conn, record_id, INCIDENT, revision, deleted, record)
                kept_aside += 1
        elif known[0] is None or revision > known[0]:
            if row is not None:
                replaces.append({**row, "match_id": record_id})
            else:
                tombstones.append({"match_id": record_id, "revision": revision})
    if inserts:
        conn.execute(insert(IncidentRow), inserts)
    if replaces:
        conn.execute(_update_by_match_id(), replaces)
    if tombstones:
        conn.execute(
            _update_by_match_id().values(
                deleted=True, sync_state=SyncState.CONFIRMED.value, sync_errors=None
            ),
            tombstones,
        )
    replaced = [r["match_id"] for r in replaces + tombstones]
    for chunk in _chunks(replaced):
        conn.execute(delete(RemoteVersionRow).where(RemoteVersionRow.record_id.in_(chunk)))
    return len(inserts) + len(replaced), kept_aside


def _parsed_row(record: Mapping[str, Any], revision: int, deleted: bool) -> dict[str, Any] | None:
    """The local row of a record the server sent, confirmed at `revision`; None if unreadable."""
    try:
        incident = incident_from_wire(record)
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("pulled incident %r skipped, it cannot be read: %s", record.get("id"), exc)
        return None
    return {
        **row_values(incident),
        "revision": revision,
        "deleted": deleted,
        "sync_state": SyncState.CONFIRMED.value,
        "sync_errors": None,
    }


def _update_by_match_id() -> Any:
    return update(IncidentRow).where(IncidentRow.id == bindparam("match_id"))


# -- shared pieces --------------------------------------------------------------------------


def _set_confirmed(
    conn: Connection,
    record_id: str,
    record: Mapping[str, Any] | None,
    revision: int,
    deleted: bool | None,
) -> None:
    """Make the local row the server's version `revision` (`record`, when given)."""
    values: dict[str, Any] = {"sync_state": SyncState.CONFIRMED.value, "sync_errors": None}
    row = None if record is None else _parsed_row(record, revision, bool(record.get("deleted")))
    if row is not None:
        values.update(row)
    else:
        values["revision"] = revision
        if deleted is not None:
            values["deleted"] = deleted
    conn.execute(update(IncidentRow).where(IncidentRow.id == record_id).values(values))


def _keep_remote(
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


def _store_measures(conn: Connection, measures: list[tuple[str, int, bool, Any]]) -> None:
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


def _queued_change_ids(conn: Connection, change_ids: list[str]) -> set[str]:
    query = select(OutboxRow.change_id).where(OutboxRow.change_id.in_(change_ids))
    return set(conn.scalars(query))


def _local_revision(conn: Connection, record_id: str) -> int | None:
    return conn.scalar(select(IncidentRow.revision).where(IncidentRow.id == record_id))


def _local_incident(conn: Connection, record_id: str) -> Incident | None:
    row = conn.execute(select(IncidentRow).where(IncidentRow.id == record_id)).first()
    return None if row is None else incident_from_row(row._mapping)


def _remote_version(conn: Connection, record_id: str) -> tuple[int, Any] | None:
    row = conn.execute(
        select(RemoteVersionRow.revision, RemoteVersionRow.record).where(
            RemoteVersionRow.record_id == record_id
        )
    ).first()
    if row is None:
        return None
    return row.revision, None if row.record is None else json.loads(row.record)


def _local_facts(conn: Connection, ids: list[str]) -> dict[str, tuple[int | None, str]]:
    facts: dict[str, tuple[int | None, str]] = {}
    for chunk in _chunks(ids):
        query = select(IncidentRow.id, IncidentRow.revision, IncidentRow.sync_state).where(
            IncidentRow.id.in_(chunk)
        )
        facts.update((row.id, (row.revision, row.sync_state)) for row in conn.execute(query))
    return facts


def _change_counts(conn: Connection, ids: list[str]) -> dict[str, int]:
    """How many outbox entries each record has."""
    counts: dict[str, int] = {}
    for chunk in _chunks(ids):
        query = (
            select(OutboxRow.record_id, func.count())
            .where(OutboxRow.record_id.in_(chunk))
            .group_by(OutboxRow.record_id)
        )
        counts.update((row[0], row[1]) for row in conn.execute(query))
    return counts


def _ids_with_changes(conn: Connection, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(ids):
        found.update(
            conn.scalars(select(OutboxRow.record_id).where(OutboxRow.record_id.in_(chunk)))
        )
    return found


def _remote_revisions(conn: Connection, ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(ids):
        query = select(RemoteVersionRow.record_id, RemoteVersionRow.revision).where(
            RemoteVersionRow.record_id.in_(chunk)
        )
        found.update((row.record_id, row.revision) for row in conn.execute(query))
    return found


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _ID_CHUNK):
        yield ids[start : start + _ID_CHUNK]
