"""Measures through the sync: pulled versions, push answers, and the conflicts they make, by
the same rules as incidents (pull_apply.py, sync_apply.py, conflicts.py): a measure with local
changes waiting, in conflict, or whose last change the server rejected is never overwritten
by a pulled version; the server's version is kept beside it in `remote_versions`.

The measures table has no sync state column, so the state is read from what is there:
- changes queued: waiting (a kept server version is for the push's answer to settle);
- a server version kept and nothing queued: in conflict, shown in the conflicts dialog;
- a rejection noted (in the store's settings, with the server's reasons) and nothing queued:
  the local values stay and say so; the next server version makes it a conflict.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, delete, exists, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from est_desktop.domain.measure import MEASURE_FIELDS
from est_desktop.store.outbox import changes_for, drop_changes, set_fields
from est_desktop.store.remote_rows import MEASURE, keep_remote, store_measures
from est_desktop.store.tables import MeasureRow, OutboxRow, RemoteVersionRow, SettingRow

_REJECTED_KEY = "measure_rejected:{id}"  # JSON: field -> the server's reason

Pulled = tuple[str, int, bool, Any]  # id, revision, deleted, record


def apply_pulled_measures(conn: Connection, measures: Iterable[Pulled]) -> tuple[int, int]:
    """Store pulled measures, keeping each beside a local one that must not be overwritten;
    (stored, kept aside)."""
    stored, kept = [], 0
    for record_id, revision, deleted, record in measures:
        if _held(conn, record_id):
            newest = max(_local_revision(conn, record_id), _remote_revision(conn, record_id))
            if revision > newest:
                keep_remote(conn, record_id, MEASURE, revision, deleted, record)
                kept += 1
        else:
            stored.append((record_id, revision, deleted, record))
    store_measures(conn, stored)
    return len(stored), kept


def confirm_measure(
    conn: Connection, record_id: str, revision: int, record: Mapping[str, Any] | None
) -> None:
    """The server stored a change of the measure (its entry already dropped): the row becomes
    the server's record, or a newer version kept aside, with the changes still queued laid
    over it so that no later local edit is lost."""
    kept = conn.execute(
        select(RemoteVersionRow.revision, RemoteVersionRow.deleted, RemoteVersionRow.record).where(
            RemoteVersionRow.record_id == record_id
        )
    ).first()
    deleted = bool(record.get("deleted")) if record is not None else False
    if kept is not None and kept.revision > revision:
        revision, deleted = kept.revision, kept.deleted
        record = None if kept.record is None else json.loads(kept.record)
    values = dict(record) if record is not None else _local_record(conn, record_id)
    if values is None:
        return
    for change in changes_for(conn, record_id):
        if change.op == "upsert":
            values.update(change.fields)
    _write(conn, record_id, revision, deleted, values)
    conn.execute(delete(RemoteVersionRow).where(RemoteVersionRow.record_id == record_id))
    set_rejection(conn, record_id, None)


def hold_measure(conn: Connection, record_id: str) -> None:
    """A change came back `conflict` (the server's version already kept aside): the local row
    holds every queued change, so they go, and the measure waits in the conflicts dialog.
    Without the server's version (an answer that lacked it) they stay queued, to ask again."""
    kept = select(RemoteVersionRow.record_id).where(RemoteVersionRow.record_id == record_id)
    if conn.scalar(kept) is not None:
        drop_changes(conn, [change.seq for change in changes_for(conn, record_id)])


def reject_measure(
    conn: Connection, record_id: str, errors: Mapping[str, str], *, was_create: bool
) -> None:
    """A change was rejected (its entry already dropped): the local values stay, with the
    server's reasons noted. After a rejected create the next change must carry every field."""
    set_rejection(conn, record_id, errors)
    later = changes_for(conn, record_id)
    local = _local_record(conn, record_id)
    if was_create and later and local is not None:
        set_fields(conn, later[0].seq, {name: local.get(name) for name in MEASURE_FIELDS})


def rejection(conn: Connection, record_id: str) -> dict[str, str] | None:
    """The server's reasons for refusing the measure's last change; None when none."""
    text = conn.scalar(select(SettingRow.value).where(SettingRow.key == _rejected_key(record_id)))
    return None if text is None else json.loads(text)


def set_rejection(conn: Connection, record_id: str, errors: Mapping[str, str] | None) -> None:
    key = _rejected_key(record_id)
    if errors is None:
        conn.execute(delete(SettingRow).where(SettingRow.key == key))
        return
    text = json.dumps(dict(errors), ensure_ascii=False)
    statement = sqlite_insert(SettingRow).values(key=key, value=text)
    conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": text}))


def conflict_ids(conn: Connection) -> list[str]:
    """The measures in conflict: a server version kept aside and nothing queued."""
    queued = exists().where(OutboxRow.record_id == RemoteVersionRow.record_id)
    query = select(RemoteVersionRow.record_id).where(RemoteVersionRow.entity == MEASURE, ~queued)
    return list(conn.scalars(query.order_by(RemoteVersionRow.record_id)))


def sync_states(conn: Connection) -> dict[str, str]:
    """Each measure not simply in step with the server: "waiting" (changes queued),
    "conflict", or "rejected" (its last change refused, the local values kept)."""
    states = {
        key.split(":", 1)[1]: "rejected"
        for key in conn.scalars(
            select(SettingRow.key).where(SettingRow.key.startswith(_REJECTED_KEY.format(id="")))
        )
    }
    states.update((record_id, "conflict") for record_id in conflict_ids(conn))
    queued = select(OutboxRow.record_id).where(OutboxRow.entity == MEASURE).distinct()
    states.update((record_id, "waiting") for record_id in conn.scalars(queued))
    return states


def in_conflict(conn: Connection, record_id: str) -> bool:
    queued = select(OutboxRow.seq).where(OutboxRow.record_id == record_id).limit(1)
    kept = select(RemoteVersionRow.record_id).where(RemoteVersionRow.record_id == record_id)
    return conn.scalar(kept) is not None and conn.scalar(queued) is None


def conflict_count(conn: Connection) -> int:
    queued = exists().where(OutboxRow.record_id == RemoteVersionRow.record_id)
    query = select(func.count()).where(RemoteVersionRow.entity == MEASURE, ~queued)
    return conn.scalar(query) or 0


def write_measure(
    conn: Connection, record_id: str, revision: int, deleted: bool, record: Mapping[str, Any]
) -> None:
    """Replace the local row whatever its revision (a resolution, a confirmation)."""
    _write(conn, record_id, revision, deleted, dict(record))


def _write(
    conn: Connection, record_id: str, revision: int, deleted: bool, record: dict[str, Any]
) -> None:
    record = {**record, "id": record_id, "revision": revision, "deleted": deleted}
    text = json.dumps(record, ensure_ascii=False)
    values = {"revision": revision, "deleted": deleted, "record": text}
    statement = sqlite_insert(MeasureRow).values(id=record_id, **values)
    conn.execute(statement.on_conflict_do_update(index_elements=["id"], set_=values))


def _held(conn: Connection, record_id: str) -> bool:
    if conn.scalar(select(MeasureRow.id).where(MeasureRow.id == record_id)) is None:
        return False  # nothing here to keep
    queued = select(OutboxRow.seq).where(OutboxRow.record_id == record_id).limit(1)
    kept = select(RemoteVersionRow.record_id).where(RemoteVersionRow.record_id == record_id)
    return (
        conn.scalar(queued) is not None
        or conn.scalar(kept) is not None
        or rejection(conn, record_id) is not None
    )


def _local_revision(conn: Connection, record_id: str) -> int:
    return conn.scalar(select(MeasureRow.revision).where(MeasureRow.id == record_id)) or 0


def _remote_revision(conn: Connection, record_id: str) -> int:
    query = select(RemoteVersionRow.revision).where(RemoteVersionRow.record_id == record_id)
    return conn.scalar(query) or 0


def _local_record(conn: Connection, record_id: str) -> dict[str, Any] | None:
    text = conn.scalar(select(MeasureRow.record).where(MeasureRow.id == record_id))
    return None if text is None else json.loads(text)


def _rejected_key(record_id: str) -> str:
    return _REJECTED_KEY.format(id=record_id)
