"""Incidents in the local store: writes (each with its outbox entry) and the list's queries.

Reads return `Incident` domain objects or `IncidentListRow` tuples, never ORM rows. The list
pages with keysets (the last row seen), so the millionth row costs what the first does.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, tuple_, update

from est_desktop.domain.incident import Incident, LocationPrecision, SyncState
from est_desktop.domain.language import translate
from est_desktop.domain.wire import wire_fields
from est_desktop.store.database import Store
from est_desktop.store.errors import RecordNotFoundError
from est_desktop.store.incident_filters import (
    LIST_COLUMNS,
    IncidentFilter,
    IncidentListRow,
    MapPoints,
    SortKey,
    filter_conditions,
)
from est_desktop.store.incident_rows import incident_from_row, row_values
from est_desktop.store.outbox import (
    changes_for,
    drop_changes,
    queue_change,
    queue_creates,
)
from est_desktop.store.tables import IncidentRow

ENTITY = "incident"
# Fields from which the district is derived: an edit of them brings the edit's district along.
_POSITION_FIELDS = frozenset({"lat", "lon", "location_precision"})


class IncidentRepository:
    """Reads and writes incidents in one `Store`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- writes: each inside the caller's transaction, each with its outbox entry --

    def add(self, conn: Connection, incident: Incident, *, queue_for_sync: bool = True) -> None:
        conn.execute(insert(IncidentRow).values(row_values(incident)))
        if queue_for_sync:
            queue_change(
                conn,
                entity=ENTITY,
                record_id=str(incident.id),
                op="upsert",
                base_revision=None,
                fields=incident.as_draft().as_fields(),
                now=incident.updated_at or incident.created_at,
            )

    def update(self, conn: Connection, incident: Incident, changed: Mapping[str, object]) -> None:
        """Store the `changed` fields of `incident` and queue them.

        The changes are laid over the row as stored now, read in this transaction: a sync
        may have replaced the row or moved its revision since `incident` was read, and only
        what the user changed may win over that. A record the server never confirmed and
        has no change queued for (its create was rejected) queues every field, so the server
        can create it from this change alone. A record in conflict stays in conflict.
        """
        row = conn.execute(
            select(IncidentRow).where(
                IncidentRow.id == str(incident.id), IncidentRow.deleted.is_(False)
            )
        ).first()
        if row is None:
            raise RecordNotFoundError(
                translate("Store", "Händelsen {id} finns inte (längre).").format(id=incident.id)
            )
        stored = incident_from_row(row._mapping)
        if stored.revision is None and not changes_for(conn, str(incident.id)):
            changed = incident.as_draft().as_fields()
        moved = not _POSITION_FIELDS.isdisjoint(changed)
        state = stored.sync_state
        updated = replace(
            stored,
            **{name: getattr(incident, name) for name in changed},
            district=incident.district if moved else stored.district,
            updated_at=incident.updated_at,
            updated_by=incident.updated_by,
            sync_state=state if state is SyncState.CONFLICT else SyncState.LOCAL,
        )
        conn.execute(
            update(IncidentRow)
            .where(IncidentRow.id == str(incident.id))
            .values(row_values(updated))
        )
        queue_change(
            conn,
            entity=ENTITY,
            record_id=str(incident.id),
            op="upsert",
            base_revision=stored.revision,
            fields=changed,
            now=incident.updated_at,
        )

    def mark_deleted(
        self, conn: Connection, incident_id: uuid.UUID, *, by: str, at: datetime
    ) -> None:
        """Delete as a tombstone: the record stays, marked deleted, until the server knows.

        A record whose create never left this PC is simply dropped from the outbox: the
        server has nothing to hear. Once sent (answer or not), the delete is queued.
        """
        stored = _sync_facts(conn, str(incident_id))
        if stored is None:
            raise RecordNotFoundError(
                translate("Store", "Händelsen {id} finns inte (längre).").format(id=incident_id)
            )
        revision, state = stored
        queued = changes_for(conn, str(incident_id))
        unknown_to_server = revision is None and all(c.sent_at is None for c in queued)
        if state != SyncState.CONFLICT.value:
            state = SyncState.LOCAL.value
        conn.execute(
            update(IncidentRow)
            .where(IncidentRow.id == str(incident_id))
            .values(deleted=True, updated_at=at, updated_by=by, sync_state=state)
        )
        if unknown_to_server:
            drop_changes(conn, [c.seq for c in queued])
            return
        queue_change(
            conn,
            entity=ENTITY,
            record_id=str(incident_id),
            op="delete",
            base_revision=revision,
            fields={},
            now=at,
        )

    def add_many(
        self, incidents: Iterable[Incident], *, queue_for_sync: bool, batch: int = 5000
    ) -> int:
        """Insert many records, a transaction per batch (imports, demo data)."""
        count = 0
        chunk: list[Incident] = []
        for incident in incidents:
            chunk.append(incident)
            if len(chunk) == batch:
                count += self._add_chunk(chunk, queue_for_sync)
                chunk = []
        if chunk:
            count += self._add_chunk(chunk, queue_for_sync)
        return count

    def _add_chunk(self, chunk: list[Incident], queue_for_sync: bool) -> int:
        with self._store.transaction() as conn:
            self.add_all(conn, chunk, queue_for_sync=queue_for_sync)
        return len(chunk)

    def add_all(
        self, conn: Connection, incidents: Sequence[Incident], *, queue_for_sync: bool = True
    ) -> None:
        """`add` for many, inside the caller's transaction: one statement for the records and
        one for their outbox entries (an import of 100,000 rows)."""
        if not incidents:
            return
        conn.execute(insert(IncidentRow), [row_values(i) for i in incidents])
        if queue_for_sync:
            created = [
                (str(i.id), wire_fields(i.as_draft().as_fields()), i.updated_at or i.created_at)
                for i in incidents
            ]
            queue_creates(conn, ENTITY, created)

    # -- reads --

    def get(self, incident_id: uuid.UUID | str) -> Incident | None:
        with self._store.reading() as conn:
            row = conn.execute(
                select(IncidentRow).where(IncidentRow.id == str(incident_id))
            ).first()
        return None if row is None else incident_from_row(row._mapping)

    def get_by_pk(self, pk: int) -> Incident | None:
        """The incident with this integer key (the map knows incidents by it), or None."""
        with self._store.reading() as conn:
            row = conn.execute(select(IncidentRow).where(IncidentRow.pk == pk)).first()
        return None if row is None else incident_from_row(row._mapping)

    def map_points(self, where: IncidentFilter) -> MapPoints:
        """The incidents the list shows for `where`, as map points.

        Incidents placed only at the municipality's centre are left out: a pile of markers
        on the town hall would say nothing about where things happen.
        """
        query = select(
            IncidentRow.pk, IncidentRow.lat, IncidentRow.lon, IncidentRow.category
        ).where(
            *filter_conditions(where),
            IncidentRow.location_precision != LocationPrecision.MUNICIPALITY.value,
        )
        with self._store.reading() as conn:
            result = conn.execute(query)
            # Plain DB-API tuples: a SQLAlchemy Row per incident costs more than the query
            # itself at 100,000 rows, and these four columns need no type conversion.
            rows = result.cursor.fetchall()
            result.close()
        return MapPoints.from_rows(rows)

    def count(self, where: IncidentFilter) -> int:
        with self._store.reading() as conn:
            query = select(func.count()).select_from(IncidentRow).where(*filter_conditions(where))
            return conn.scalar(query) or 0

    def page(
        self,
        where: IncidentFilter,
        *,
        sort: SortKey = SortKey.OCCURRED_AT,
        descending: bool = True,
        after: IncidentListRow | None = None,
        limit: int = 200,
    ) -> list[IncidentListRow]:
        """Up to `limit` rows in order, starting after `after` (None: from the first)."""
        column = getattr(IncidentRow, sort.value)
        keys: list[Any] = [column, IncidentRow.occurred_at, IncidentRow.pk]
        if sort is SortKey.OCCURRED_AT:
            keys = [IncidentRow.occurred_at, IncidentRow.pk]
        conditions = list(filter_conditions(where))
        if after is not None:
            # Bound with the columns' types, so a time compares as the epoch seconds stored.
            there = tuple_(*[getattr(after, key.key) for key in keys], types=[k.type for k in keys])
            here = tuple_(*keys)
            conditions.append(here < there if descending else here > there)
        order = [key.desc() if descending else key.asc() for key in keys]
        query = select(*LIST_COLUMNS).where(*conditions).order_by(*order).limit(limit)
        with self._store.reading() as conn:
            return [IncidentListRow(*row) for row in conn.execute(query)]


def _sync_facts(conn: Connection, incident_id: str) -> tuple[int | None, str] | None:
    """(revision, sync_state) of a live record, or None if there is none."""
    row = conn.execute(
        select(IncidentRow.revision, IncidentRow.sync_state).where(
            IncidentRow.id == incident_id, IncidentRow.deleted.is_(False)
        )
    ).first()
    return None if row is None else (row.revision, row.sync_state)
