"""Applying pulled pages to the local store, each page (or group of pages) in one transaction
together with the cursor, so a crash mid-pull resumes from the last stored cursor. A record with
local changes waiting, or in conflict, is never overwritten: the server's version is kept beside
it until the push decides.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert

from est_desktop.domain.incident import SyncState
from est_desktop.store.database import Store
from est_desktop.store.measure_sync import apply_pulled_measures
from est_desktop.store.remote_rows import (
    INCIDENT,
    MEASURE,
    TOMBSTONE_TEXT,
    chunks,
    ids_with_changes,
    keep_remote,
    local_facts,
    parsed_row,
    remote_revisions,
    update_by_match_id,
)
from est_desktop.store.tables import IncidentRow, RemoteVersionRow

log = logging.getLogger(__name__)

CURSOR_KEY = "sync_cursor"


@dataclass(frozen=True, slots=True)
class PullTally:
    received: int = 0
    stored: int = 0  # inserted or replaced locally
    kept_aside: int = 0  # stored in remote_versions beside a record with local changes
    skipped: int = 0  # unparsable, unknown entity, or not newer than what is here


def pull_cursor(store: Store) -> str | None:
    return store.setting(CURSOR_KEY)


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
        measures_stored, measures_kept = apply_pulled_measures(conn, measures)
        store.set_setting(CURSOR_KEY, cursor, conn)
    skipped += len(newest) - stored - kept_aside  # not newer, a tombstone, or unreadable
    return PullTally(received, stored + measures_stored, kept_aside + measures_kept, skipped)


def _apply_incidents(conn: Connection, changes: list[Mapping[str, Any]]) -> tuple[int, int]:
    """Insert, replace or keep aside each change; (stored, kept aside)."""
    ids = [str(change["id"]) for change in changes]
    local = local_facts(conn, ids)
    pending = ids_with_changes(conn, ids)
    remote = remote_revisions(conn, ids)
    inserts: list[dict[str, Any]] = []
    replaces: list[dict[str, Any]] = []
    tombstones: list[dict[str, Any]] = []
    kept_aside = 0
    for change in changes:
        record_id, revision = str(change["id"]), int(change["revision"])
        deleted, record = bool(change.get("deleted")), change.get("record")
        row = None
        if record is not None:
            row = parsed_row(record, revision, deleted)
            if row is None:
                continue
        known = local.get(record_id)
        if known is None:
            if row is not None and not deleted:
                inserts.append(row)
        elif record_id in pending or known[1] == SyncState.CONFLICT.value:
            if revision > max(remote.get(record_id, -1), known[0] if known[0] is not None else -1):
                keep_remote(conn, record_id, INCIDENT, revision, deleted, record)
                kept_aside += 1
        elif known[0] is None or revision > known[0]:
            if row is not None:
                replaces.append({**row, "match_id": record_id})
            else:
                tombstones.append({"match_id": record_id, "revision": revision})
    if inserts:
        conn.execute(insert(IncidentRow), inserts)
    if replaces:
        conn.execute(update_by_match_id(), replaces)
    if tombstones:
        conn.execute(
            update_by_match_id().values(
                deleted=True,
                sync_state=SyncState.CONFIRMED.value,
                sync_errors=None,
                **TOMBSTONE_TEXT,
            ),
            tombstones,
        )
    replaced = [r["match_id"] for r in replaces + tombstones]
    for chunk in chunks(replaced):
        conn.execute(delete(RemoteVersionRow).where(RemoteVersionRow.record_id.in_(chunk)))
    return len(inserts) + len(replaced), kept_aside
