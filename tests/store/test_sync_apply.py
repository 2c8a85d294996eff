"""Applying the server's answers to the local store, with hand-made answers."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from est_desktop.domain.incident import SyncState
from est_desktop.domain.wire import incident_to_wire
from est_desktop.store import remote_rows
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_service import IncidentService
from est_desktop.store.outbox import OutboxEntry, mark_sent, pushable_changes
from est_desktop.store.pull_apply import apply_pull_page, pull_cursor
from est_desktop.store.sync_apply import apply_push_results
from est_desktop.store.tables import MeasureRow, RemoteVersionRow
from tests.conftest import NOW
from tests.store.records import draft, incident, outbox


def send(store: Store, limit: int = 500) -> list[OutboxEntry]:
    """What the engine does before a request: pick and mark the next changes."""
    with store.transaction() as conn:
        batch = pushable_changes(conn, limit)
        mark_sent(conn, batch, NOW)
    return batch


def answer(entry: OutboxEntry, status: str, revision: int | None, record: Any = None, **kw: Any):
    return {
        "change_id": entry.change_id,
        "id": entry.record_id,
        "status": status,
        "revision": revision,
        "record": record,
        "errors": kw.get("errors", {}),
    }


def server_version(service: IncidentService, record_id: Any, revision: int, **fields: Any):
    """The wire record the server would hold: the local one with `fields` changed."""
    local = service.get(record_id)
    return incident_to_wire(replace(local, revision=revision, **fields))


def remote(store: Store, record_id: Any) -> tuple[int, bool] | None:
    with store.reading() as conn:
        row = conn.execute(
            select(RemoteVersionRow.revision, RemoteVersionRow.deleted).where(
                RemoteVersionRow.record_id == str(record_id)
            )
        ).first()
    return None if row is None else (row.revision, row.deleted)


def page(*changes: dict[str, Any]) -> list[dict[str, Any]]:
    return list(changes)


def pulled(record: dict[str, Any], *, deleted: bool = False) -> dict[str, Any]:
    return {
        "entity": "incident",
        "id": record["id"],
        "revision": record["revision"],
        "deleted": deleted,
        "record": record,
    }


# -- push answers ---------------------------------------------------------------------------


def test_sending_marks_the_record_sent_and_one_change_per_record_goes_out(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    service.edit(recorded.id, draft(description="Ny text"))
    other = service.record(draft())

    batch = send(store)

    assert [e.record_id for e in batch] == [str(recorded.id), str(other.id)]
    assert [e.sent_at for e in outbox(store)] == [NOW, None, NOW]
    assert service.get(recorded.id).sync_state is SyncState.SENT


def test_an_applied_create_is_confirmed_as_the_server_stored_it(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    [entry] = send(store)
    record = server_version(service, recorded.id, 1, district="norrby", organisation="bostader")

    tally = apply_push_results(store, [entry], [answer(entry, "applied", 1, record)])

    stored = service.get(recorded.id)
    assert tally.confirmed == 1
    assert (stored.revision, stored.sync_state, stored.district) == (
        1,
        SyncState.CONFIRMED,
        "norrby",
    )
    assert outbox(store) == []


def test_an_answer_replayed_after_it_was_applied_changes_nothing(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    [entry] = send(store)
    result = answer(entry, "applied", 1, server_version(service, recorded.id, 1))
    apply_push_results(store, [entry], [result])
    service.edit(recorded.id, draft(description="Senare"))

    apply_push_results(store, [entry], [result])  # the same answer once more

    assert service.get(recorded.id).description == "Senare"
    assert [(e.base_revision, e.fields) for e in outbox(store)] == [(1, {"description": "Senare"})]


def test_a_later_edit_made_on_the_same_version_is_rebased_on_the_answer(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    [entry] = send(store)
    service.edit(recorded.id, draft(description="Medan den skickades"))

    apply_push_results(store, [entry], [answer(entry, "applied", 1, None)])

    stored = service.get(recorded.id)
    assert (stored.revision, stored.sync_state) == (1, SyncState.LOCAL)  # more to send
    assert stored.description == "Medan den skickades"
    assert [e.base_revision for e in outbox(store)] == [1]


@pytest.mark.parametrize(("later_field", "rebased"), [("description", 7), ("place_name", 3)])
def test_after_a_merge_only_a_later_edit_of_the_same_fields_is_rebased(
    service: IncidentService, store: Store, later_field: str, rebased: int
) -> None:
    recorded = service.record(draft())
    first = send(store)[0]
    apply_push_results(store, [first], [answer(first, "applied", 3, None)])
    service.edit(recorded.id, draft(description="Ett"))
    [edit] = send(store)
    service.edit(recorded.id, draft(**{"description": "Ett", later_field: "Två"}))

    apply_push_results(store, [edit], [answer(edit, "merged", 7, None)])

    assert [e.base_revision for e in outbox(store)] == [rebased]


def test_a_confirmation_keeps_a_newer_server_version_pulled_meanwhile(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    [entry] = send(store)
    newer = server_version(service, recorded.id, 2, place_name="Ändrad på servern")
    apply_pull_page(store, page(pulled(newer)), "c1.2")
    assert service.get(recorded.id).place_name == "Hulta torg"  # pending: not overwritten
    assert remote(store, recorded.id) == (2, False)

    apply_push_results(store, [entry], [answer(entry, "applied", 1, None)])

    stored = service.get(recorded.id)
    assert (stored.revision, stored.place_name, stored.sync_state) == (
        2,
        "Ändrad på servern",
        SyncState.CONFIRMED,
    )
    assert remote(store, recorded.id) is None


def test_a_conflict_keeps_both_versions_and_holds_the_changes(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    first = send(store)[0]
    apply_push_results(store, [first], [answer(first, "applied", 1, None)])
    service.edit(recorded.id, draft(description="Min text"))
    [edit] = send(store)
    theirs = server_version(service, recorded.id, 2, description="Deras text")

    tally = apply_push_results(store, [edit], [answer(edit, "conflict", 2, theirs)])

    stored = service.get(recorded.id)
    assert tally.conflicts == 1
    assert (stored.description, stored.sync_state, stored.revision) == (
        "Min text",
        SyncState.CONFLICT,
        1,
    )
    assert remote(store, recorded.id) == (2, False)
    assert [e.change_id for e in outbox(store)] == [edit.change_id]
    assert send(store) == []  # held until resolved


def test_a_rejected_change_is_dropped_and_the_reasons_kept(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    [entry] = send(store)
    errors = {"category": "Okänd kategori: klotter."}

    tally = apply_push_results(store, [entry], [answer(entry, "rejected", None, errors=errors)])

    stored = service.get(recorded.id)
    assert tally.rejected == 1
    assert (stored.sync_state, stored.sync_errors) == (SyncState.REJECTED, errors)
    assert outbox(store) == []


def test_an_edit_of_a_record_whose_create_was_rejected_carries_every_field(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    [entry] = send(store)
    apply_push_results(store, [entry], [answer(entry, "rejected", None, errors={"x": "y"})])

    edited = service.edit(recorded.id, draft(description="Rättad"))

    [change] = outbox(store)
    assert change.base_revision is None
    assert set(change.fields) == set(edited.as_draft().as_fields())
    assert service.get(recorded.id).sync_state is SyncState.LOCAL


def test_a_rejected_create_passes_its_fields_to_the_edit_waiting_behind_it(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    [entry] = send(store)
    service.edit(recorded.id, draft(description="Rättad"))

    apply_push_results(store, [entry], [answer(entry, "rejected", None, errors={"x": "y"})])

    [change] = outbox(store)
    assert change.fields["description"] == "Rättad"
    assert change.fields["category"] == "klotter"


# -- deleting what the server never saw -----------------------------------------------------


def test_deleting_a_record_never_sent_leaves_nothing_to_tell_the_server(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    service.edit(recorded.id, draft(description="Ändrad"))

    service.delete(recorded.id)

    assert outbox(store) == []
    assert service.get(recorded.id).deleted is True


def test_deleting_a_record_whose_create_was_sent_queues_the_delete(
    service: IncidentService, store: Store
) -> None:
    recorded = service.record(draft())
    send(store)  # no answer came

    service.delete(recorded.id)

    assert [(e.op, e.base_revision) for e in outbox(store)] == [("upsert", None), ("delete", None)]
    [create] = send(store)
    apply_push_results(store, [create], [answer(create, "applied", 1, None)])
    assert [(e.op, e.base_revision) for e in outbox(store)] == [("delete", 1)]


# -- pull -----------------------------------------------------------------------------------


def test_a_pulled_page_is_stored_with_its_cursor(service: IncidentService, store: Store) -> None:
    new = incident_to_wire(incident(revision=4, description="Från servern"))
    unknown_tombstone = incident_to_wire(incident(revision=2, deleted=True))

    tally = apply_pull_page(
        store, page(pulled(new), pulled(unknown_tombstone, deleted=True)), "c1.9"
    )

    stored = service.get(new["id"])
    assert (stored.description, stored.revision, stored.sync_state) == (
        "Från servern",
        4,
        SyncState.CONFIRMED,
    )
    assert service.get(unknown_tombstone["id"]) is None
    assert pull_cursor(store) == "c1.9"
    assert (tally.received, tally.stored) == (2, 1)
    assert service.incidents.count(IncidentFilter(text="från servern")) == 1  # search text


def test_a_page_that_fails_midway_stores_nothing_and_keeps_the_old_cursor(
    service: IncidentService, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    apply_pull_page(store, page(), "c1.1")
    records = [incident_to_wire(incident(revision=1)) for _ in range(3)]
    real = remote_rows.row_values
    calls = iter(range(10))

    def failing(value: Any) -> dict[str, Any]:
        if next(calls) == 2:
            raise OSError("disk gone")
        return real(value)

    monkeypatch.setattr(remote_rows, "row_values", failing)
    with pytest.raises(OSError):
        apply_pull_page(store, page(*map(pulled, records)), "c1.4")

    assert pull_cursor(store) == "c1.1"
    assert all(service.get(r["id"]) is None for r in records)


def test_a_pull_replaces_a_confirmed_record_only_with_a_higher_revision(
    service: IncidentService, store: Store
) -> None:
    mine = incident_to_wire(incident(revision=3, description="Version 3"))
    apply_pull_page(store, page(pulled(mine)), "c1.1")

    apply_pull_page(store, page(pulled({**mine, "revision": 2, "description": "Gammal"})), "c1.2")
    assert service.get(mine["id"]).description == "Version 3"
    apply_pull_page(store, page(pulled({**mine, "revision": 5, "description": "Ny"})), "c1.3")
    assert service.get(mine["id"]).description == "Ny"
    tombstone = {**mine, "revision": 6, "deleted": True}
    apply_pull_page(store, page(pulled(tombstone, deleted=True)), "c1.4")
    assert service.get(mine["id"]).deleted is True


def test_a_pull_never_overwrites_a_record_with_changes_waiting(
    service: IncidentService, store: Store
) -> None:
    record = incident_to_wire(incident(revision=1))
    apply_pull_page(store, page(pulled(record)), "c1.1")
    service.edit(record["id"], draft(description="Lokalt ändrad"))

    apply_pull_page(store, page(pulled({**record, "revision": 2, "description": "Server"})), "c1.2")

    stored = service.get(record["id"])
    assert (stored.description, stored.revision, stored.sync_state) == (
        "Lokalt ändrad",
        1,
        SyncState.LOCAL,
    )
    assert remote(store, record["id"]) == (2, False)


def test_an_unreadable_pulled_record_is_skipped_and_the_rest_stored(
    service: IncidentService, store: Store
) -> None:
    good = incident_to_wire(incident(revision=1))
    bad = {**incident_to_wire(incident(revision=1)), "lat": "norr om torget"}

    tally = apply_pull_page(store, page(pulled(bad), pulled(good)), "c1.2")

    assert service.get(good["id"]) is not None
    assert service.get(bad["id"]) is None
    assert (tally.stored, tally.skipped) == (1, 1)


def test_pulled_measures_are_kept_as_they_came(store: Store) -> None:
    measure = {"id": "5b3c8f5e-1111-4c4c-8a8a-000000000001", "title": "Belysning", "revision": 2}
    change = {"entity": "measure", "id": measure["id"], "revision": 2, "deleted": False}

    apply_pull_page(store, page({**change, "record": measure}), "c1.1")
    apply_pull_page(store, page({**change, "revision": 1, "record": {"title": "Äldre"}}), "c1.2")

    with store.reading() as conn:
        row = conn.execute(select(MeasureRow)).one()
    assert (row.revision, json.loads(row.record)["title"]) == (2, "Belysning")


def test_an_edit_read_before_a_pull_replaced_the_row_changes_only_its_own_fields(
    service: IncidentService, store: Store
) -> None:
    record = incident_to_wire(incident(revision=1))
    apply_pull_page(store, page(pulled(record)), "c1.1")
    read_before = service.get(record["id"])
    newer = {**record, "revision": 2, "place_name": "Ändrad på servern"}
    apply_pull_page(store, page(pulled(newer)), "c1.2")

    with store.transaction() as conn:
        edited = replace(read_before, description="Min text")
        service.incidents.update(conn, edited, {"description": "Min text"})

    stored = service.get(record["id"])
    assert (stored.place_name, stored.description, stored.revision) == (
        "Ändrad på servern",
        "Min text",
        2,
    )
    assert [(e.base_revision, e.fields) for e in outbox(store)] == [
        (2, {"description": "Min text"})
    ]
