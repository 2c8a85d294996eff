"""Recording, editing and deleting incidents: each write whole with its outbox entry, or none."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import EDITABLE_FIELDS, LocationPrecision, SyncState
from est_desktop.domain.validation import MUNICIPALITY_CENTRE
from est_desktop.store import incidents as incidents_module
from est_desktop.store.database import Store
from est_desktop.store.errors import RecordNotFoundError, StoreWriteError
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_service import IncidentService, InvalidIncidentError
from est_desktop.store.tables import IncidentRow
from tests.conftest import NOW, Clock
from tests.store.records import draft, outbox, raw_count, wire_fields

ANY = IncidentFilter()


def assert_store_is_empty(store: Store) -> None:
    assert raw_count(store.path, "incidents") == 0
    assert raw_count(store.path, "outbox") == 0


# -- record --


def test_recording_stores_the_incident_with_who_when_and_district(
    service: IncidentService,
) -> None:
    recorded = service.record(draft(description="  Klotter på gaveln  "))

    stored = service.get(recorded.id)
    assert stored == recorded
    assert stored.description == "Klotter på gaveln"
    assert stored.district == "hulta"
    assert (stored.created_by, stored.updated_by, stored.organisation) == (
        "anna",
        "anna",
        "bostader",
    )
    assert stored.created_at == stored.updated_at == NOW
    assert stored.revision is None
    assert stored.sync_state is SyncState.LOCAL


def test_recording_writes_exactly_one_outbox_entry_with_every_field(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())

    [change] = outbox(store)
    assert (change.entity, change.record_id, change.op, change.base_revision) == (
        "incident",
        str(recorded.id),
        "upsert",
        None,
    )
    assert set(change.fields) == set(EDITABLE_FIELDS)
    assert change.fields == wire_fields(recorded)
    assert change.fields["occurred_at"] == "2026-11-26T09:00:00Z"
    assert change.created_at == NOW
    assert raw_count(store.path, "incidents") == 1


def test_recording_keeps_whole_seconds_so_the_returned_record_equals_the_stored_one(
    service: IncidentService, clock: Clock
) -> None:
    clock.now = NOW.replace(microsecond=654321)

    recorded = service.record(draft(occurred_at=NOW.replace(hour=8, microsecond=123456)))

    assert recorded.occurred_at == NOW.replace(hour=8)
    assert recorded.created_at == NOW
    assert service.get(recorded.id) == recorded


def test_recording_with_only_the_municipality_known_stores_its_centre_and_no_district(
    service: IncidentService,
) -> None:
    recorded = service.record(
        draft(lat=None, lon=None, location_precision=LocationPrecision.MUNICIPALITY)
    )

    stored = service.get(recorded.id)
    assert (stored.lat, stored.lon) == MUNICIPALITY_CENTRE
    assert stored.district is None


def test_a_recorded_incident_is_on_disk_for_another_process_when_record_returns(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())

    script = (
        "import sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1])\n"
        "print(conn.execute('SELECT count(*) FROM incidents WHERE id = ?', (sys.argv[2],))"
        ".fetchone()[0], conn.execute('SELECT count(*) FROM outbox WHERE record_id = ?', "
        "(sys.argv[2],)).fetchone()[0])\n"
    )
    seen = subprocess.run(
        [sys.executable, "-c", script, str(store.path), str(recorded.id)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    assert seen.stdout.split() == ["1", "1"]


# -- edit --


def confirm_on_server(store: Store, incident_id: object, revision: int) -> None:
    """What a sync would do: the server confirmed this version as `revision`."""
    conn = sqlite3.connect(store.path)
    with conn:
        conn.execute(
            "UPDATE incidents SET revision = ?, sync_state = 'confirmed' WHERE id = ?",
            (revision, str(incident_id)),
        )
    conn.close()


def test_editing_queues_only_the_changed_fields_against_the_records_revision(
    service: IncidentService, store: Store, clock: Clock
) -> None:
    recorded = service.record(draft())
    confirm_on_server(store, recorded.id, 7)
    later = clock.advance(minutes=5)

    edited = service.edit(
        recorded.id, draft(description="Klotter på gaveln, sanerat", police_notified=True)
    )

    change = outbox(store)[-1]
    assert (change.op, change.base_revision, change.record_id) == ("upsert", 7, str(recorded.id))
    assert change.fields == {"description": "Klotter på gaveln, sanerat", "police_notified": True}
    stored = service.get(recorded.id)
    assert stored == edited
    assert stored.revision == 7
    assert stored.sync_state is SyncState.LOCAL
    assert stored.updated_at == later
    assert stored.created_at == NOW
    assert len(outbox(store)) == 2


def test_editing_the_position_derives_the_district_again(
    store: Store, taxonomy: Taxonomy, clock: Clock
) -> None:
    service = IncidentService(
        store,
        taxonomy,
        lambda lat, lon: "norrby" if lat > 57.735 else "hulta",
        lambda: Actor("anna", "bostader"),
        clock=clock,
    )
    recorded = service.record(draft())

    edited = service.edit(recorded.id, draft(lat=57.7411, lon=12.9312))

    assert recorded.district == "hulta"
    assert edited.district == service.get(recorded.id).district == "norrby"
    assert outbox(store)[-1].fields == {"lat": 57.7411, "lon": 12.9312}


def test_an_edit_that_changes_nothing_writes_nothing(
    service: IncidentService, store: Store, clock: Clock
) -> None:
    recorded = service.record(draft())
    clock.advance(minutes=5)

    unchanged = service.edit(recorded.id, draft(description=" Klotter på gaveln "))

    assert unchanged == recorded
    assert service.get(recorded.id) == recorded
    assert len(outbox(store)) == 1


def test_an_invalid_edit_is_refused_and_the_record_is_kept_as_it_was(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())

    with pytest.raises(InvalidIncidentError):
        service.edit(recorded.id, draft(category=""))

    assert service.get(recorded.id) == recorded
    assert len(outbox(store)) == 1


def test_editing_an_unknown_record_is_refused(service: IncidentService) -> None:
    with pytest.raises(RecordNotFoundError):
        service.edit(uuid.uuid4(), draft())


# -- delete --


def test_deleting_leaves_a_hidden_tombstone_and_queues_a_delete(
    service: IncidentService, store: Store, clock: Clock
) -> None:
    kept = service.record(draft(description="Kvar"))
    recorded = service.record(draft())
    confirm_on_server(store, recorded.id, 3)
    later = clock.advance(minutes=1)

    service.delete(recorded.id)

    tombstone = service.get(recorded.id)
    assert tombstone is not None
    assert tombstone.deleted is True
    assert (tombstone.updated_at, tombstone.sync_state) == (later, SyncState.LOCAL)
    assert service.incidents.count(ANY) == 1
    assert [row.id for row in service.incidents.page(ANY)] == [str(kept.id)]
    change = outbox(store)[-1]
    assert (change.op, change.record_id, change.base_revision, change.fields) == (
        "delete",
        str(recorded.id),
        3,
        {},
    )
    assert raw_count(store.path, "incidents") == 2


def test_a_deleted_record_can_be_neither_edited_nor_deleted_again(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    service.delete(recorded.id)

    with pytest.raises(RecordNotFoundError):
        service.edit(recorded.id, draft(description="Ny text"))
    with pytest.raises(RecordNotFoundError):
        service.delete(recorded.id)
    # The create never left this PC, so the delete leaves nothing for the server to hear.
    assert outbox(store) == []


# -- failed writes leave nothing --


@pytest.mark.parametrize(
    ("failure", "raised"),
    [
        (RuntimeError("the outbox broke"), RuntimeError),
        (
            OperationalError("INSERT INTO outbox", {}, sqlite3.OperationalError("disk I/O error")),
            StoreWriteError,
        ),
    ],
    ids=["bug", "sqlite-error"],
)
def test_a_record_whose_outbox_entry_fails_leaves_neither_incident_nor_entry(
    service: IncidentService, store: Store, monkeypatch, failure: Exception, raised: type
) -> None:
    seen_inside: list[int] = []

    def failing_queue_change(conn, **change) -> str:
        seen_inside.append(conn.scalar(select(func.count()).select_from(IncidentRow)))
        raise failure

    monkeypatch.setattr(incidents_module, "queue_change", failing_queue_change)

    with pytest.raises(raised):
        service.record(draft())

    assert seen_inside == [1], "the incident was inserted before the outbox failed"
    assert_store_is_empty(store)


def test_an_edit_whose_outbox_entry_fails_leaves_the_record_as_it_was(
    service: IncidentService, store: Store, monkeypatch
) -> None:
    recorded = service.record(draft())

    def failing_queue_change(conn, **change) -> str:
        raise OperationalError("INSERT INTO outbox", {}, sqlite3.OperationalError("I/O error"))

    monkeypatch.setattr(incidents_module, "queue_change", failing_queue_change)

    with pytest.raises(StoreWriteError) as failed:
        service.edit(recorded.id, draft(description="Ändrad"))

    assert failed.value.message.startswith("Inget sparades.")
    assert service.get(recorded.id) == recorded
    assert len(outbox(store)) == 1


def test_a_full_disk_refuses_the_write_with_a_clear_message_and_saves_nothing(
    service: IncidentService, store: Store
) -> None:
    def cap_size(dbapi_conn, _record) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(store.engine, "connect", cap_size)
    store.engine.dispose()  # new connections get the cap
    try:
        with pytest.raises(StoreWriteError) as failed:
            for _ in range(20):  # the first pages may still have room
                service.record(draft(description="Full disk " * 190))
    finally:
        event.remove(store.engine, "connect", cap_size)
        store.engine.dispose()

    assert "Disken är full" in failed.value.message
    assert failed.value.path == store.path
    saved = raw_count(store.path, "incidents")
    assert raw_count(store.path, "outbox") == saved
    assert service.incidents.count(ANY) == saved
    service.record(draft())  # with room again, saving works
    assert service.incidents.count(ANY) == saved + 1


# -- invalid drafts --


def test_a_draft_missing_time_category_and_position_is_refused_with_all_three_problems(
    service: IncidentService, store: Store
) -> None:
    with pytest.raises(InvalidIncidentError) as refused:
        service.record(draft(occurred_at=None, category="", lat=None, lon=None))

    problems = {(p.field, p.code) for p in refused.value.problems}
    assert problems == {
        ("occurred_at", "required_time"),
        ("category", "required_category"),
        ("lat", "required_position"),
    }
    assert all(p.message for p in refused.value.problems)
    assert_store_is_empty(store)


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"occurred_at": NOW + timedelta(minutes=11)}, "occurred_at", "future_time"),
        ({"description": "x" * 2001}, "description", "too_long"),
        ({"lat": 57.95}, "lat", "lat_outside"),
        ({"lon": 12.5}, "lon", "lon_outside"),
        ({"category": "finns_inte"}, "category", "unknown_category"),
        ({"occurred_until": NOW.replace(hour=8)}, "occurred_until", "until_before_start"),
    ],
)
def test_an_invalid_draft_is_refused_and_nothing_is_written(
    service: IncidentService, store: Store, changes: dict, field: str, code: str
) -> None:
    with pytest.raises(InvalidIncidentError) as refused:
        service.record(draft(**changes))

    assert [(p.field, p.code) for p in refused.value.problems] == [(field, code)]
    assert field in str(refused.value)
    assert_store_is_empty(store)


def test_a_draft_with_several_problems_reports_them_all_at_once(
    service: IncidentService, store: Store
) -> None:
    with pytest.raises(InvalidIncidentError) as refused:
        service.record(
            draft(
                occurred_at=NOW + timedelta(hours=1),
                description="x" * 2001,
                lat=57.95,
                category="finns_inte",
            )
        )

    assert {p.field for p in refused.value.problems} == {
        "occurred_at",
        "description",
        "lat",
        "category",
    }
    assert_store_is_empty(store)
