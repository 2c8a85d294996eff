"""An import's bulk write path stores exactly what the ordinary one does, only faster."""

from __future__ import annotations

import gc
import uuid
from dataclasses import replace
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
from est_desktop.store import incident_bulk
from est_desktop.store.incident_bulk import insert_drafts, list_indexes_deferred
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


def _indexes(conn) -> set[tuple[str, str]]:
    query = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents'"
    return set(conn.exec_driver_sql(query).all())


def _many(count: int) -> list[IncidentDraft]:
    return [replace(DRAFT, external_id=f"5000-K{n}-25:Klotter") for n in range(count)]


def test_a_large_write_into_a_small_store_makes_the_list_indexes_anew(store, monkeypatch) -> None:
    monkeypatch.setattr(incident_bulk, "REBUILD_MIN_ROWS", 50)
    with store.reading() as conn:
        before = _indexes(conn)
    drafts = _many(120)
    with store.transaction() as conn, list_indexes_deferred(conn, len(drafts)):
        assert len(_indexes(conn)) < len(before)  # dropped inside: the write took the fast path
        insert_drafts(conn, drafts, ["hulta"] * len(drafts), organisation="p", by="eva", at=NOW)
    with store.reading() as conn:
        assert _indexes(conn) == before
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM incidents WHERE deleted = 0 AND district = 'hulta'"
            " ORDER BY occurred_at"
        ).all()
    assert "ix_incidents_deleted_district" in str(plan)


def test_a_failed_large_write_rolls_back_with_its_indexes(store, monkeypatch) -> None:
    monkeypatch.setattr(incident_bulk, "REBUILD_MIN_ROWS", 50)
    with store.reading() as conn:
        before = _indexes(conn)
    try:
        with store.transaction() as conn, list_indexes_deferred(conn, 120):
            insert_drafts(conn, _many(120), ["hulta"] * 120, organisation="p", by="eva", at=NOW)
            raise RuntimeError("cancelled")
    except RuntimeError:
        pass
    with store.reading() as conn:
        assert _indexes(conn) == before
        assert conn.exec_driver_sql("SELECT count(*) FROM incidents").scalar() == 0


def test_a_write_smaller_than_the_store_keeps_the_indexes_as_they_are(store, monkeypatch) -> None:
    monkeypatch.setattr(incident_bulk, "REBUILD_MIN_ROWS", 50)
    with store.transaction() as conn:
        insert_drafts(conn, _many(100), ["hulta"] * 100, organisation="p", by="eva", at=NOW)
        before = _indexes(conn)
        with list_indexes_deferred(conn, 60):
            assert _indexes(conn) == before
