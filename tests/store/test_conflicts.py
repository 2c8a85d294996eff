"""Conflicts: both versions kept, and each way of resolving them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from est_desktop.domain.incident import Incident, SyncState
from est_desktop.domain.wire import incident_to_wire
from est_desktop.store.conflicts import DELETION, ConflictRepository
from est_desktop.store.database import Store
from est_desktop.store.errors import RecordNotFoundError
from est_desktop.store.incident_service import IncidentService
from est_desktop.store.outbox import mark_sent, pushable_changes
from est_desktop.store.sync_apply import apply_push_results
from tests.conftest import NOW
from tests.store.records import draft, outbox


@pytest.fixture
def conflicts(store: Store) -> ConflictRepository:
    return ConflictRepository(store)


def push_answering(store: Store, status: str, revision: int, record: Any = None) -> None:
    with store.transaction() as conn:
        batch = pushable_changes(conn, 500)
        mark_sent(conn, batch, NOW)
    results = [
        {
            "change_id": e.change_id,
            "id": e.record_id,
            "status": status,
            "revision": revision,
            "record": record,
            "errors": {},
        }
        for e in batch
    ]
    apply_push_results(store, batch, results)


def in_conflict(
    service: IncidentService, store: Store, *, server_deleted: bool = False, **theirs: Any
) -> Incident:
    """A confirmed record (revision 1), edited here, that the server changed to revision 2."""
    recorded = service.record(draft())
    push_answering(store, "applied", 1)
    service.edit(recorded.id, draft(description="Min text", place_name="Min plats"))
    server = replace(service.get(recorded.id), revision=2, deleted=server_deleted)
    server = replace(server, **{"description": "Min text", "place_name": "Hulta torg", **theirs})
    push_answering(store, "conflict", 2, incident_to_wire(server))
    return recorded


def test_a_conflict_shows_both_versions_and_the_fields_that_differ(
    service: IncidentService, store: Store, conflicts: ConflictRepository
) -> None:
    recorded = in_conflict(service, store, description="Deras text")

    [conflict] = conflicts.list()
    assert conflicts.count() == 1
    assert conflicts.get(str(recorded.id)) == conflict
    assert conflict.fields == ("description", "place_name")
    assert (conflict.local.description, conflict.server.description) == ("Min text", "Deras text")
    assert (conflict.local_deleted, conflict.server_deleted) == (False, False)
    assert conflict.server.revision == 2


def test_keeping_all_theirs_takes_the_servers_version_and_queues_nothing(
    service: IncidentService, store: Store, conflicts: ConflictRepository
) -> None:
    recorded = in_conflict(service, store, description="Deras text")

    conflicts.resolve(str(recorded.id), {"description": "theirs"}, by="anna", at=NOW)

    stored = service.get(recorded.id)
    assert (stored.description, stored.place_name, stored.revision, stored.sync_state) == (
        "Deras text",
        "Hulta torg",
        2,
        SyncState.CONFIRMED,
    )
    assert outbox(store) == []
    assert conflicts.count() == 0


def test_choosing_per_field_queues_one_change_on_the_servers_revision(
    service: IncidentService, store: Store, conflicts: ConflictRepository
) -> None:
    recorded = in_conflict(service, store, description="Deras text", category="glaskross")
    service.edit(recorded.id, draft(description="Min text", place_name="Min andra plats"))

    conflicts.resolve(
        str(recorded.id), {"description": "mine", "place_name": "mine"}, by="anna", at=NOW
    )

    stored = service.get(recorded.id)
    assert (stored.description, stored.place_name, stored.category) == (
        "Min text",
        "Min andra plats",
        "glaskross",  # not chosen: theirs
    )
    assert (stored.revision, stored.sync_state) == (2, SyncState.LOCAL)
    [change] = outbox(store)
    assert (change.op, change.base_revision, change.fields) == (
        "upsert",
        2,
        {"description": "Min text", "place_name": "Min andra plats"},
    )


def test_a_local_delete_against_a_server_edit_is_kept_or_undone(
    service: IncidentService, store: Store, conflicts: ConflictRepository
) -> None:
    kept = in_conflict(service, store, description="Deras text")
    service.delete(kept.id)
    undone = in_conflict(service, store, description="Deras andra text")
    service.delete(undone.id)
    assert {c.local_deleted for c in conflicts.list()} == {True}

    conflicts.resolve(str(kept.id), {DELETION: "mine"}, by="anna", at=NOW)
    conflicts.resolve(str(undone.id), {DELETION: "theirs"}, by="anna", at=NOW)

    assert service.get(kept.id).deleted is True
    assert [(c.record_id, c.op, c.base_revision) for c in outbox(store)] == [
        (str(kept.id), "delete", 2)
    ]
    restored = service.get(undone.id)
    assert (restored.deleted, restored.description, restored.sync_state) == (
        False,
        "Deras andra text",
        SyncState.CONFIRMED,
    )


def test_a_server_delete_against_a_local_edit_is_accepted_or_undone(
    service: IncidentService, store: Store, conflicts: ConflictRepository
) -> None:
    accepted = in_conflict(service, store, server_deleted=True)
    revived = in_conflict(service, store, server_deleted=True)
    assert {c.server_deleted for c in conflicts.list()} == {True}

    conflicts.resolve(str(accepted.id), {}, by="anna", at=NOW)
    conflicts.resolve(str(revived.id), {DELETION: "mine"}, by="anna", at=NOW)

    assert service.get(accepted.id).deleted is True
    alive = service.get(revived.id)
    assert (alive.deleted, alive.description, alive.revision) == (False, "Min text", 2)
    [change] = outbox(store)
    assert (change.record_id, change.op, change.base_revision) == (str(revived.id), "upsert", 2)
    assert change.fields["place_name"] == "Min plats"  # every field, to bring it back whole


def test_an_edit_of_a_record_in_conflict_keeps_it_in_conflict(
    service: IncidentService, store: Store, conflicts: ConflictRepository
) -> None:
    recorded = in_conflict(service, store, description="Deras text")

    service.edit(recorded.id, draft(description="Min nyare text"))

    assert service.get(recorded.id).sync_state is SyncState.CONFLICT
    assert conflicts.get(str(recorded.id)).local.description == "Min nyare text"


def test_resolving_a_record_not_in_conflict_says_so(
    service: IncidentService, conflicts: ConflictRepository
) -> None:
    recorded = service.record(draft())
    with pytest.raises(RecordNotFoundError):
        conflicts.resolve(str(recorded.id), {}, by="anna", at=NOW)
