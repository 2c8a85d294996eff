"""The sync engine against scripted transports: batching, failures, status, reference data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from est_desktop.domain.incident import SyncState
from est_desktop.domain.wire import incident_to_wire
from est_desktop.store.database import Store
from est_desktop.store.incident_service import IncidentService
from est_desktop.sync.engine import SyncEngine
from est_desktop.sync.errors import AuthRequired, Offline, ProtocolError
from est_desktop.sync.reference_cache import ReferenceCache
from tests.conftest import NOW
from tests.store.records import draft, incident, outbox

EMPTY_PAGE = {"changes": [], "cursor": "c1.0", "has_more": False}


class ScriptedServer:
    """Answers every change `applied` (revision 1) unless told to fail; pulls from a list."""

    def __init__(self, pages: list[dict[str, Any]] | None = None) -> None:
        self.pushed: list[list[dict]] = []
        self.pulled_since: list[str | None] = []
        self.pages = list(pages or [EMPTY_PAGE])
        self.fail_push: Exception | None = None
        self.results: Any = None
        self.references = 0

    def push(self, client_id: str, changes: list[dict]) -> list[dict]:
        self.pushed.append(changes)
        if self.fail_push is not None:
            raise self.fail_push
        if self.results is not None:
            return self.results
        return [
            {
                "change_id": c["change_id"],
                "id": c["id"],
                "status": "applied",
                "revision": 1,
                "record": None,
                "errors": {},
            }
            for c in changes
        ]

    def pull(self, since: str | None, limit: int = 500) -> dict:
        self.pulled_since.append(since)
        return self.pages.pop(0) if len(self.pages) > 1 else self.pages[0]

    def reference(self) -> dict:
        self.references += 1
        return {"version": "v2", "categories": [], "districts": {}}


def engine(store: Store, server: ScriptedServer, **options: Any) -> SyncEngine:
    return SyncEngine(store, server, clock=lambda: NOW, **options)


def test_the_outbox_goes_out_in_batches_of_one_change_per_record(
    service: IncidentService, store: Store
) -> None:
    first = service.record(draft())
    service.edit(first.id, draft(description="Ändrad"))
    service.record(draft())
    service.record(draft())
    server = ScriptedServer()

    report = engine(store, server, batch_size=2).sync_once()

    assert [len(batch) for batch in server.pushed] == [2, 2]
    assert server.pushed[1][0]["base_revision"] == 1  # the edit waited for the create's answer
    assert (report.pushed, report.waiting, report.finished_at) == (4, 0, NOW)
    assert outbox(store) == []
    assert service.get(first.id).sync_state is SyncState.CONFIRMED


@pytest.mark.parametrize(
    "failure", [AuthRequired("Logga in."), Offline("Ingen kontakt."), ProtocolError("Fel 500.")]
)
def test_a_failed_push_keeps_every_change_and_sends_the_same_ids_again(
    service: IncidentService, store: Store, failure: Exception
) -> None:
    recorded = service.record(draft())
    server = ScriptedServer()
    server.fail_push = failure
    sync = engine(store, server)

    with pytest.raises(type(failure)):
        sync.sync_once()

    assert service.get(recorded.id).sync_state is SyncState.SENT
    assert sync.status().last_error == str(failure)
    assert sync.status().waiting == 1
    server.fail_push = None
    sync.sync_once()
    assert server.pushed[0] == server.pushed[1]
    assert sync.status().last_error is None
    assert sync.status().last_success == NOW


def test_results_that_do_not_match_the_changes_apply_nothing(
    service: IncidentService, store: Store
) -> None:
    service.record(draft())
    server = ScriptedServer()
    server.results = [{"change_id": "someone-else", "status": "applied", "revision": 1}]

    with pytest.raises(ProtocolError):
        engine(store, server).sync_once()

    assert len(outbox(store)) == 1


def test_a_pull_follows_has_more_and_stores_each_cursor(
    service: IncidentService, store: Store
) -> None:
    records = [incident_to_wire(incident(revision=1)) for _ in range(2)]
    pages = [
        {"changes": [_change(records[0])], "cursor": "c1.1", "has_more": True},
        {"changes": [_change(records[1])], "cursor": "c1.2", "has_more": False},
    ]
    server = ScriptedServer(pages)

    report = engine(store, server).sync_once()

    assert server.pulled_since == [None, "c1.1"]
    assert report.pulled == 2
    assert store.setting("sync_cursor") == "c1.2"
    engine(store, server).sync_once()
    assert server.pulled_since[-1] == "c1.2"


def test_a_page_that_promises_more_but_brings_nothing_is_a_protocol_error(store: Store) -> None:
    server = ScriptedServer([{"changes": [], "cursor": "c1.0", "has_more": True}])
    store.set_setting("sync_cursor", "c1.0")

    with pytest.raises(ProtocolError):
        engine(store, server).sync_once()


def test_a_malformed_page_is_a_protocol_error(store: Store) -> None:
    with pytest.raises(ProtocolError):
        engine(store, ScriptedServer([{"changes": "none"}])).sync_once()


def test_status_counts_what_waits_and_what_needs_the_user(
    service: IncidentService, store: Store
) -> None:
    service.record(draft())
    rejected = service.record(draft())
    server = ScriptedServer()
    sync = engine(store, server)

    def answers(changes: list[dict]) -> list[dict]:
        return [
            {
                "change_id": c["change_id"],
                "id": c["id"],
                "status": "rejected",
                "revision": None,
                "record": None,
                "errors": {"category": "Okänd."},
            }
            if c["id"] == str(rejected.id)
            else {
                "change_id": c["change_id"],
                "id": c["id"],
                "status": "applied",
                "revision": 1,
                "record": None,
                "errors": {},
            }
            for c in changes
        ]

    server.push = lambda client_id, changes: answers(changes)  # type: ignore[method-assign]
    report = sync.sync_once()
    service.record(draft())

    assert (report.pushed, report.rejected) == (1, 1)
    status = sync.status()
    assert (status.waiting, status.conflicts, status.rejected) == (1, 0, 1)


def test_reference_data_is_fetched_once_when_missing_and_kept(store: Store, tmp_path: Path) -> None:
    cache = ReferenceCache(tmp_path)
    server = ScriptedServer()
    sync = engine(store, server, reference_cache=cache)

    sync.sync_once()
    sync.sync_once()

    assert server.references == 1
    assert cache.version() == "v2"


def test_reference_data_is_fetched_again_when_the_server_names_another_version(
    store: Store, tmp_path: Path
) -> None:
    cache = ReferenceCache(tmp_path)
    cache.save({"version": "v1", "categories": [], "districts": {}})
    server = ScriptedServer([{**EMPTY_PAGE, "reference_version": "v2"}])

    engine(store, server, reference_cache=cache).sync_once()
    engine(store, server, reference_cache=cache).sync_once()

    assert server.references == 1


def _change(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "entity": "incident",
        "id": record["id"],
        "revision": record["revision"],
        "deleted": False,
        "record": record,
    }
