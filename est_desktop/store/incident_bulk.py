"""New incidents written in bulk: an import's 100,000 drafts straight to rows and outbox entries.

`IncidentRepository.add_all` builds an `Incident` and a row dict per record; here each draft
becomes one plain tuple for one executemany, and its outbox entry's fields are made in one step.
A test holds both paths to the same rows and entries.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Connection

from est_desktop.domain.incident import IncidentDraft, SyncState
from est_desktop.domain.wire import wire_value
from est_desktop.store.incident_rows import search_text
from est_desktop.store.incidents import ENTITY
from est_desktop.store.outbox import queue_creates, time_ordered_ids
from est_desktop.store.tables import EpochSeconds, IncidentRow


def insert_drafts(
    conn: Connection,
    drafts: Sequence[IncidentDraft],
    districts: Sequence[str | None],
    *,
    organisation: str,
    by: str,
    at: datetime,
) -> list[str]:
    """New records made from `drafts` (with `districts`), each with its outbox entry, inside
    the caller's transaction; returns their ids."""
    ids = time_ordered_ids(len(drafts))
    stamp = _to_epoch(at, None)
    # StrEnum members are str: SQLite stores (and JSON writes) their text as it is.
    rows = [
        (
            record_id,
            _to_epoch(d.occurred_at, None),
            d.time_precision,
            _to_epoch(d.occurred_until, None),
            d.category,
            d.description,
            d.lat,
            d.lon,
            d.place_name,
            d.location_precision,
            district or "",
            d.police_notified,
            d.source,
            d.external_id,
            organisation,
            stamp,
            by,
            stamp,
            by,
            None,  # revision: none until the server confirms one
            False,
            search_text(d.place_name, d.description),
            SyncState.LOCAL,
            None,
        )
        for record_id, d, district in zip(ids, drafts, districts, strict=True)
    ]
    if rows:
        conn.exec_driver_sql(_INSERT_ROW, rows)
        created = [(i, _wire_fields_of(d), at) for i, d in zip(ids, drafts, strict=True)]
        queue_creates(conn, ENTITY, created)
    return ids


# Below this many new rows, keeping the indexes as they go in costs less than making them anew.
REBUILD_MIN_ROWS = 20_000


@contextmanager
def list_indexes_deferred(conn: Connection, incoming: int) -> Iterator[None]:
    """Around a bulk write of `incoming` new records, inside the caller's transaction: when they
    outnumber the records stored (and are many), the list's indexes are dropped first and made
    again at the end, each by one sort instead of 100,000 scattered inserts (how PostgreSQL's
    manual advises a bulk load, too). The `id` key stays, so lookups by id keep working inside.
    On an error the caller's rollback brings the indexes back with everything else."""
    stored = conn.exec_driver_sql(f"SELECT max(pk) FROM {_TABLE}").scalar() or 0
    if incoming < max(REBUILD_MIN_ROWS, stored):
        yield
        return
    indexes = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master"
        " WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (_TABLE,),
    ).all()
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        conn.exec_driver_sql(sql)


_TABLE = IncidentRow.__tablename__
# Every column but the integer key, in the table's order (that of `incidents.row_values`, too):
# the tuples `insert_drafts` writes.
_ROW_COLUMNS = tuple(c.name for c in IncidentRow.__table__.columns if not c.primary_key)
_INSERT_ROW = (
    f"INSERT INTO {_TABLE} ({', '.join(_ROW_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_ROW_COLUMNS))})"
)
_to_epoch = EpochSeconds().process_bind_param


def _wire_fields_of(draft: IncidentDraft) -> dict[str, object]:
    """`wire_fields(draft.as_fields())` in one step, for 100,000 drafts: only the times need
    the codec; the StrEnums become their (plain str) text."""
    return {
        "occurred_at": wire_value(draft.occurred_at),
        "time_precision": str(draft.time_precision),
        "occurred_until": wire_value(draft.occurred_until),
        "category": draft.category,
        "description": draft.description,
        "lat": draft.lat,
        "lon": draft.lon,
        "place_name": draft.place_name,
        "location_precision": str(draft.location_precision),
        "police_notified": draft.police_notified,
        "source": str(draft.source),
        "external_id": draft.external_id,
    }
