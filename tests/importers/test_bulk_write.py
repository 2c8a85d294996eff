"""An import's bulk write path stores exactly what the ordinary one does, only faster."""

from __future__ import annotations

import gc
import uuid
from datetime import datetime, timedelta

from sqlalchemy import select

from est_desktop.domain.actor import Actor
from est_desktop.domain.incident import (
    LOCAL_TZ,
    Incident,
    IncidentDraft,
    LocationPrecision,
    Source,
    TimePrecision,
)
from est_desktop.importers.bulk_work import cyclic_gc_paused
from est_desktop.importers.police_csv import read_police_csv
from est_desktop.importers.police_import import commit, preview
from est_desktop.store.incident_bulk import insert_drafts
from est_desktop.store.incidents import IncidentRepository
from est_desktop.store.outbox import pending_changes, time_ordered_ids
from est_desktop.store.tables import IncidentRow
from tests.conftest import NOW

DRAFT = IncidentDraft(
    occurred_at=datetime(2025, 6, 8, 22, 15, tzinfo=LOCAL_TZ),
    occurred_until=datetime(2025, 6, 9, 1, 30, tzinfo=LOCAL_TZ),
    time_precision=TimePrecision.EXACT,
    category="klotter",
    lat=57.7384,
    lon=12.9842,
    description="Klotter. På gaveln",
    place_name="Hulta torg",
    location_precision=LocationPrecision.EXACT,
    source=Source.POLICE,
    external_id="5000-K1-25:Klotter",
)


def test_a_bulk_written_record_and_its_outbox_entry_equal_an_ordinary_add(store) -> None:
    repository = IncidentRepository(store)
    with store.transaction() as conn:
        (bulk_id,) = insert_drafts(
            conn, [DRAFT], ["hulta"], organisation="polisen", by="eva", at=NOW
        )
        ordinary = Incident(
            id=uuid.uuid4(),
            occurred_at=NOW,
            category="",
            lat=0.0,
            lon=0.0,
            district="hulta",
            organisation="polisen",
            created_at=NOW,
            created_by="eva",
            updated_at=NOW,
            updated_by="eva",
        ).with_fields(DRAFT)
        repository.add(conn, ordinary)
    with store.reading() as conn:
        rows = {row.id: row._asdict() for row in conn.execute(select(IncidentRow))}
        entries = {entry.record_id: entry for entry in pending_changes(conn)}
    bulk, added = rows[bulk_id], rows[str(ordinary.id)]
    for column in ("pk", "id"):
        del bulk[column], added[column]
    assert bulk == added
    assert entries[bulk_id].fields == entries[str(ordinary.id)].fields
    assert (entries[bulk_id].op, entries[bulk_id].base_revision) == ("upsert", None)


def test_new_ids_are_unique_ascending_version_7_uuids() -> None:
    ids = time_ordered_ids(20_000)
    assert len(set(ids)) == 20_000 and ids == sorted(ids)
    assert {uuid.UUID(i).version for i in ids} == {7} and all(i == i.lower() for i in ids)
    assert time_ordered_ids(0) == []


def test_a_large_reimport_is_matched_in_one_pass_and_changes_nothing(store, taxonomy) -> None:
    first = datetime(2025, 1, 1, tzinfo=LOCAL_TZ)
    lines = ["Ärendenummer;Brottsbenämning;Datum;Klockslag;Lat;Lon"]
    for n in range(6_000):  # more than the store looks up id by id
        moment = first + timedelta(minutes=37 * n)
        lines.append(f"K{n};Klotter;{moment:%Y-%m-%d};{moment:%H:%M};57,72{n % 10};12,94")
    data = "\r\n".join(lines).encode()
    planned = preview(store, read_police_csv(data), taxonomy=taxonomy, now=NOW)
    assert len(planned.new) == 6_000
    assert commit(store, planned, Actor("eva", "boras_stad")).added == 6_000
    again = preview(store, read_police_csv(data), taxonomy=taxonomy, now=NOW)
    assert (again.new, again.already_imported) == ((), 6_000)
    with store.reading() as conn:
        assert len(pending_changes(conn)) == 6_000


def test_the_collector_is_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with cyclic_gc_paused():
        assert not gc.isenabled()
        with cyclic_gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner one leaves it as it found it
    assert gc.isenabled()
