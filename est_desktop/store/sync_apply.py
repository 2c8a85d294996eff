"""Applying the server's answers to pushed changes to the local store.

Each batch is one transaction, so a crash leaves either all of a batch or none of it. The rules
(PROTOCOL.md, and the client's promise): nothing local is overwritten while it has changes
waiting or is in conflict (the server's version is kept beside it in `remote_versions`); the
highest revision wins; a record is shown `confirmed` only once the server has stored exactly
what the local row holds.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, update

from est_desktop.domain.incident import EDITABLE_FIELDS, SyncState
from est_desktop.store.database import Store
from est_desktop.store.measure_sync import confirm_measure, hold_measure, reject_measure
from est_desktop.store.outbox import (
    OutboxEntry,
    changes_for,
    drop_changes,
    set_base_revision,
    set_fields,
)
from est_desktop.store.remote_rows import (
    INCIDENT,
    MEASURE,
    change_counts,
    keep_remote,
    local_facts,
    local_incident,
    local_revision,
    parsed_row,
    queued_change_ids,
    remote_revisions,
    remote_version,
    server_columns,
    set_confirmed,
    update_by_match_id,
)
from est_desktop.store.tables import IncidentRow, RemoteVersionRow

log = logging.getLogger(__name__)

Answered = tuple[OutboxEntry, Mapping[str, Any]]  # a sent change and the server's result


@dataclass(frozen=True, slots=True)
class PushTally:
    confirmed: int = 0
    conflicts: int = 0
    rejected: int = 0

    def __add__(self, other: PushTally) -> PushTally:
        return PushTally(
            self.confirmed + other.confirmed,
            self.conflicts + other.conflicts,
            self.rejected + other.rejected,
        )


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
    # Not flushed to disk at commit: answers undone by a power cut are got again, because their
    # changes stay queued and the server answers a change id sent again as it did the first
    # time. Any later durable commit (a batch marked sent, a local edit) flushes this one too.
    with store.transaction(durable=False) as conn:
        queued = queued_change_ids(conn, [e.change_id for e in sent])
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
    waiting = change_counts(conn, ids)
    remote = remote_revisions(conn, ids)
    local = local_facts(conn, ids)
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
    full: list[dict[str, Any]] = []  # the whole record, as the server stored it
    server_set: list[dict[str, Any]] = []  # the row holds the record's fields already
    bare: list[dict[str, Any]] = []  # a record that cannot be read: confirm the revision only
    for entry, result in confirmations:
        record, revision = result["record"], result["revision"]
        deleted = bool(record.get("deleted"))
        row = None
        if _holds_fields_of(entry, record):
            row = server_columns(record, revision, deleted)
            target = server_set
        if row is None:
            row = parsed_row(record, revision, deleted)
            target = full
        if row is None:
            row = {"revision": revision}
            target = bare
        target.append({**row, "match_id": entry.record_id})
    if full:
        conn.execute(update_by_match_id(), full)
    if server_set:
        conn.execute(update_by_match_id(), server_set)
    if bare:
        confirmed = {"sync_state": SyncState.CONFIRMED.value, "sync_errors": None}
        conn.execute(update_by_match_id().values(confirmed), bare)
    drop_changes(conn, [entry.seq for entry, _ in confirmations])


def _holds_fields_of(entry: OutboxEntry, record: Mapping[str, Any]) -> bool:
    """Whether the local row holds the server's `record` field for field already: `entry` (the
    record's only queued change, written with the row) set every editable field to the value
    the server stored. Otherwise (a merge, a value the server changed) the record is parsed."""
    fields = entry.fields
    return entry.op == "upsert" and all(
        name in fields and name in record and fields[name] == record[name]
        for name in EDITABLE_FIELDS
    )


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
        confirm_measure(conn, entry.record_id, revision, record)
        return
    if later:
        conn.execute(
            update(IncidentRow)
            .where(IncidentRow.id == entry.record_id)
            .values(revision=revision, sync_state=SyncState.LOCAL.value)
        )
        return
    local = local_revision(conn, entry.record_id)
    remote = remote_version(conn, entry.record_id)
    if remote is not None and remote[0] > revision:
        revision, record = remote[0], remote[1]
    if local is not None and local > revision:
        set_confirmed(conn, entry.record_id, None, local, deleted=None)
    elif record is not None:
        set_confirmed(conn, entry.record_id, record, revision, deleted=None)
    else:
        deleted = entry.op == "delete" or result_deleted(result)
        set_confirmed(conn, entry.record_id, None, revision, deleted=deleted)
    conn.execute(delete(RemoteVersionRow).where(RemoteVersionRow.record_id == entry.record_id))


def _hold(conn: Connection, entry: OutboxEntry, result: Mapping[str, Any]) -> None:
    record = result.get("record")
    revision = result.get("revision")
    if revision is None and isinstance(record, Mapping):
        revision = record.get("revision")
    if isinstance(revision, int):
        keep_remote(conn, entry.record_id, entry.entity, revision, result_deleted(result), record)
    if entry.entity == MEASURE:
        hold_measure(conn, entry.record_id)
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
    if entry.entity == MEASURE:
        was_create = entry.op == "upsert" and entry.base_revision is None
        reject_measure(conn, entry.record_id, errors, was_create=was_create)
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
    local = local_incident(conn, record_id)
    if local is not None and local.revision is None:
        set_fields(conn, later[0].seq, local.as_draft().as_fields())


def result_deleted(result: Mapping[str, Any]) -> bool:
    record = result.get("record")
    return bool(isinstance(record, Mapping) and record.get("deleted"))
