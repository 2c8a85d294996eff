"""Small builders and raw looks at a store file, shared by the store tests."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from est_desktop.domain.incident import (
    Incident,
    IncidentDraft,
    LocationPrecision,
    Source,
    TimePrecision,
)
from est_desktop.domain.wire import wire_value
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.store.outbox import OutboxEntry, pending_changes
from tests.conftest import NOW

HULTA = (57.7203, 12.9690)


def at(hour: int, minute: int = 0) -> datetime:
    return NOW.replace(hour=hour, minute=minute)


def draft(**fields: Any) -> IncidentDraft:
    """A valid draft, with `fields` changed."""
    values: dict[str, Any] = {
        "occurred_at": NOW.replace(hour=9),
        "category": "klotter",
        "lat": HULTA[0],
        "lon": HULTA[1],
        "description": "Klotter på gaveln",
        "place_name": "Hulta torg",
    }
    return IncidentDraft(**{**values, **fields})


def incident(**fields: Any) -> Incident:
    """A stored-looking incident (for inserting straight into the store), `fields` changed."""
    values: dict[str, Any] = {
        "id": uuid.uuid4(),
        "occurred_at": NOW.replace(hour=9),
        "category": "klotter",
        "lat": HULTA[0],
        "lon": HULTA[1],
        "district": "hulta",
        "organisation": "bostader",
        "created_at": NOW,
        "created_by": "anna",
        "updated_at": NOW,
        "updated_by": "anna",
    }
    return Incident(**{**values, **fields})


def mixed_incidents() -> list[Incident]:
    """Seven incidents that the list's filters tell apart: three districts and none, three
    categories, both sources, every time precision, a position known only roughly or only as the
    municipality, one with the police notified, and a tombstone (the last)."""
    return [
        incident(district="hulta", category="klotter", description="klotter i hulta"),
        incident(
            district="norrby",
            category="glaskross",
            lat=57.735,
            lon=12.92,
            place_name="",
            police_notified=True,
            time_precision=TimePrecision.APPROXIMATE,
        ),
        incident(district="hassleholmen", category="klotter", occurred_at=at(7)),
        incident(district=None, category="bilbrand", source=Source.POLICE, lat=57.70, lon=12.9),
        incident(
            district="hulta",
            category="klotter",
            time_precision=TimePrecision.DATE,
            location_precision=LocationPrecision.APPROXIMATE,
            occurred_at=NOW - timedelta(days=3),
        ),
        incident(
            district=None,
            category="klotter",
            location_precision=LocationPrecision.MUNICIPALITY,
            description="bara kommunen",
        ),
        incident(district="hulta", category="klotter", deleted=True),
    ]


# A filter of each kind the list offers, and one that lets nothing through, for `mixed_incidents`.
MIXED_FILTERS = (
    IncidentFilter(),
    IncidentFilter(categories=frozenset({"klotter"})),
    IncidentFilter(districts=frozenset({"hulta", "norrby"})),
    IncidentFilter(sources=frozenset({"police"})),
    IncidentFilter(start=at(8), end=at(10)),
    IncidentFilter(text="hulta"),
    IncidentFilter(text="kommunen"),
    IncidentFilter(categories=frozenset({"saknas"})),
)


def repository_with(store: Store, *records: Incident) -> IncidentRepository:
    """A repository on `store`, with `records` added as they are (none queued for sync)."""
    repository = IncidentRepository(store)
    repository.add_many(records, queue_for_sync=False)
    return repository


def wire_fields(record: Incident | IncidentDraft) -> dict[str, object]:
    """Every editable field of `record` as the outbox keeps it."""
    source = record.as_draft() if isinstance(record, Incident) else record
    return {name: wire_value(value) for name, value in source.as_fields().items()}


def outbox(store: Any) -> list[OutboxEntry]:
    with store.reading() as conn:
        return pending_changes(conn)


@dataclass(frozen=True)
class FileState:
    """What a file is on disk: its bytes and its modification time."""

    data: bytes
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileState:
        return cls(path.read_bytes(), path.stat().st_mtime_ns)


def raw_count(path: Path, table: str, where: str = "1") -> int:
    """Rows in `table` as a plain sqlite3 connection sees them, tombstones included."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]
    finally:
        conn.close()
