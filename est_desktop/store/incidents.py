"""Incidents in the local store: writes (each with its outbox entry) and the list's queries.

Reads return `Incident` domain objects or `IncidentListRow` tuples, never ORM rows. The list
pages with keysets (the last row seen), so the millionth row costs what the first does.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    func,
    insert,
    select,
    tuple_,
    update,
)

from est_desktop.domain.incident import (
    Incident,
    LocationPrecision,
    Source,
    SyncState,
    TimePrecision,
)
from est_desktop.domain.language import translate
from est_desktop.domain.wire import wire_fields
from est_desktop.store.database import Store
from est_desktop.store.errors import RecordNotFoundError
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


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What the list shows. Empty sets mean "any"; times are aware, `end` is exclusive."""

    start: datetime | None = None
    end: datetime | None = None
    districts: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    text: str = ""
    # Only these incidents (an analysis chart's cell: "Mondays 18-19"); None: no such limit.
    pks: frozenset[int] | None = None


class SortKey(StrEnum):
    OCCURRED_AT = "occurred_at"
    CATEGORY = "category"
    DISTRICT = "district"
    PLACE_NAME = "place_name"
    SOURCE = "source"
    SYNC_STATE = "sync_state"


class IncidentListRow(NamedTuple):
    """One line of the incident list: only what the list shows."""

    pk: int
    id: str
    occurred_at: datetime
    time_precision: str
    category: str
    district: str
    place_name: str
    description: str
    source: str
    police_notified: bool
    sync_state: str


_LIST_COLUMNS = (
    IncidentRow.pk,
    IncidentRow.id,
    IncidentRow.occurred_at,
    IncidentRow.time_precision,
    IncidentRow.category,
    IncidentRow.district,
    IncidentRow.place_name,
    IncidentRow.description,
    IncidentRow.source,
    IncidentRow.police_notified,
    IncidentRow.sync_state,
)


@dataclass(frozen=True, slots=True)
class MapPoints:
    """Incidents as the map draws them: parallel arrays, one entry per incident.

    Arrays, not one object per marker, so a million incidents stay cheap to carry to the page.
    """

    pk: npt.NDArray[np.int64]
    lat: npt.NDArray[np.float64]
    lon: npt.NDArray[np.float64]
    category: npt.NDArray[np.object_]  # category codes (str)

    def __len__(self) -> int:
        return len(self.pk)


_MAP_POINT_DTYPE = np.dtype(
    [("pk", np.int64), ("lat", np.float64), ("lon", np.float64), ("category", object)]
)


def search_text(place_name: str, description: str) -> str:
    return f"{place_name}\n{description}".casefold()


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
            *_conditions(where),
            IncidentRow.location_precision != LocationPrecision.MUNICIPALITY.value,
        )
        with self._store.reading() as conn:
            result = conn.execute(query)
            # Plain DB-API tuples: a SQLAlchemy Row per incident costs more than the query
            # itself at 100,000 rows, and these four columns need no type conversion.
            rows = result.cursor.fetchall()
            result.close()
        table = np.array(rows, dtype=_MAP_POINT_DTYPE)  # one C-level pass over the tuples
        # Contiguous copies, so callers can hand each array on as raw bytes.
        return MapPoints(
            pk=np.ascontiguousarray(table["pk"]),
            lat=np.ascontiguousarray(table["lat"]),
            lon=np.ascontiguousarray(table["lon"]),
            category=np.ascontiguousarray(table["category"]),
        )

    def count(self, where: IncidentFilter) -> int:
        with self._store.reading() as conn:
            query = select(func.count()).select_from(IncidentRow).where(*_conditions(where))
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
        conditions = list(_conditions(where))
        if after is not None:
            # Bound with the columns' types, so a time compares as the epoch seconds stored.
            there = tuple_(*[getattr(after, key.key) for key in keys], types=[k.type for k in keys])
            here = tuple_(*keys)
            conditions.append(here < there if descending else here > there)
        order = [key.desc() if descending else key.asc() for key in keys]
        query = select(*_LIST_COLUMNS).where(*conditions).order_by(*order).limit(limit)
        with self._store.reading() as conn:
            return [IncidentListRow(*row) for row in conn.execute(query)]


def _conditions(where: IncidentFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [IncidentRow.deleted.is_(False)]
    if where.start is not None:
        conditions.append(IncidentRow.occurred_at >= where.start)
    if where.end is not None:
        conditions.append(IncidentRow.occurred_at < where.end)
    if where.pks is not None:
        conditions.append(IncidentRow.pk.in_(sorted(where.pks)))
    if where.districts:
        conditions.append(IncidentRow.district.in_(sorted(where.districts)))
    if where.categories:
        conditions.append(IncidentRow.category.in_(sorted(where.categories)))
    if where.sources:
        conditions.append(IncidentRow.source.in_(sorted(where.sources)))
    words = where.text.casefold().split()
    if words:
        patterns = (f"%{_escape_like(word)}%" for word in words)
        conditions.append(and_(*(IncidentRow.search_text.like(p, escape="\\") for p in patterns)))
    return conditions


def _sync_facts(conn: Connection, incident_id: str) -> tuple[int | None, str] | None:
    """(revision, sync_state) of a live record, or None if there is none."""
    row = conn.execute(
        select(IncidentRow.revision, IncidentRow.sync_state).where(
            IncidentRow.id == incident_id, IncidentRow.deleted.is_(False)
        )
    ).first()
    return None if row is None else (row.revision, row.sync_state)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def row_values(incident: Incident) -> dict[str, Any]:
    """The incident as the columns of its row (search text included)."""
    return {
        "id": str(incident.id),
        "occurred_at": incident.occurred_at,
        "time_precision": incident.time_precision.value,
        "occurred_until": incident.occurred_until,
        "category": incident.category,
        "description": incident.description,
        "lat": incident.lat,
        "lon": incident.lon,
        "place_name": incident.place_name,
        "location_precision": incident.location_precision.value,
        "district": incident.district or "",
        "police_notified": incident.police_notified,
        "source": incident.source.value,
        "external_id": incident.external_id,
        "organisation": incident.organisation,
        "created_at": incident.created_at,
        "created_by": incident.created_by,
        "updated_at": incident.updated_at,
        "updated_by": incident.updated_by,
        "revision": incident.revision,
        "deleted": incident.deleted,
        "search_text": search_text(incident.place_name, incident.description),
        "sync_state": incident.sync_state.value,
        "sync_errors": json.dumps(incident.sync_errors) if incident.sync_errors else None,
    }


def incident_from_row(row: Mapping[str, Any]) -> Incident:
    """The incident a row holds (`row` as a mapping of column name to value)."""
    return Incident(
        id=uuid.UUID(row["id"]),
        occurred_at=row["occurred_at"],
        time_precision=TimePrecision(row["time_precision"]),
        occurred_until=row["occurred_until"],
        category=row["category"],
        description=row["description"],
        lat=row["lat"],
        lon=row["lon"],
        place_name=row["place_name"],
        location_precision=LocationPrecision(row["location_precision"]),
        district=row["district"] or None,
        police_notified=bool(row["police_notified"]),
        source=Source(row["source"]),
        external_id=row["external_id"],
        organisation=row["organisation"],
        created_at=row["created_at"],
        created_by=row["created_by"],
        updated_at=row["updated_at"],
        updated_by=row["updated_by"],
        revision=row["revision"],
        deleted=bool(row["deleted"]),
        sync_state=SyncState(row["sync_state"]),
        sync_errors=json.loads(row["sync_errors"]) if row["sync_errors"] else {},
    )
