"""Pushing: a confirmed create takes the server's record (quickly when it holds the pushed
values already), and the answers to one request are stored while the next one is under way."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from est_desktop.domain.incident import SyncState
from est_desktop.domain.wire import incident_to_wire
from est_desktop.store.database import Store
from est_desktop.store.incident_service import IncidentService
from est_desktop.sync.engine import SyncEngine
from est_desktop.sync.errors import Offline
from tests.conftest import NOW
from tests.store.records import draft, outbox


class EchoServer:
    """Answers each change `applied` at revision 1 with the record the server would hold: the
    pushed fields (changed by `change_record`), the district and bookkeeping set by it."""

    def __init__(self, service: IncidentService) -> None:
        self.service = service
        self.pushed: list[list[dict]] = []
        self.fail_at: int | None = None  # the request (0-based) that fails
        self.change_record: Any = lambda record: record

    def push(self, client_id: str, changes: list[dict]) -> list[dict]:
        if len(self.pushed) == self.fail_at:
            self.pushed.append(changes)
            raise Offline("ingen kontakt")
        self.pushed.append(changes)
        return [self._applied(c) for c in changes]

    def _applied(self, change: dict) -> dict:
        local = self.service.get(change["id"])
        server = replace(
            local, district="hulta", organisation="bostader", created_by="anna", revision=1
        )
        record = self.change_record({**incident_to_wire(server), **change["fields"]})
        return {
            "change_id": change["change_id"],
            "id": change["id"],
            "status": "applied",
            "revision": 1,
            "record": record,
            "errors": {},
        }


@pytest.fixture
def echo(service: IncidentService) -> EchoServer:
    return EchoServer(service)


def engine(store: Store, server: EchoServer, **options: Any) -> SyncEngine:
    return SyncEngine(store, server, clock=lambda: NOW, **options)


def test_a_confirmed_create_takes_the_server_set_values_and_keeps_its_own(
    service: IncidentService, store: Store, echo: EchoServer
) -> None:
    made = service.record(draft(description="Klotter på muren"))
    assert engine(store, echo).push_pending() == (1, 0, 0)
    confirmed = service.get(made.id)
    assert confirmed.sync_state is SyncState.CONFIRMED
    assert (confirmed.revision, confirmed.district) == (1, "hulta")
    assert (confirmed.organisation, confirmed.created_by) == ("bostader", "anna")
    assert confirmed.as_draft() == made.as_draft()


def test_a_value_the_server_stored_differently_replaces_the_local_one(
    service: IncidentService, store: Store, echo: EchoServer
) -> None:
    made = service.record(draft(description="Klotter på muren"))
    echo.change_record = lambda record: {**record, "description": "Som servern sparade den"}
    engine(store, echo).push_pending()
    confirmed = service.get(made.id)
    assert confirmed.sync_state is SyncState.CONFIRMED
    assert confirmed.description == "Som servern sparade den"
    assert confirmed.place_name == made.place_name


def test_an_unreadable_bookkeeping_time_falls_back_to_confirming_the_revision(
    service: IncidentService, store: Store, echo: EchoServer
) -> None:
    made = service.record(draft())
    echo.change_record = lambda record: {**record, "created_at": "igår"}
    engine(store, echo).push_pending()
    confirmed = service.get(made.id)
    assert (confirmed.sync_state, confirmed.revision) == (SyncState.CONFIRMED, 1)
    assert confirmed.as_draft() == made.as_draft()


def test_a_failed_request_leaves_the_answers_before_it_stored(
    service: IncidentService, store: Store, echo: EchoServer
) -> None:
    made = [service.record(draft(description=f"Nummer {n}")) for n in range(4)]
    echo.fail_at = 1
    with pytest.raises(Offline):
        engine(store, echo, batch_size=1).push_pending()
    assert service.get(made[0].id).sync_state is SyncState.CONFIRMED
    waiting = outbox(store)
    assert [entry.record_id for entry in waiting] == [str(m.id) for m in made[1:]]
    assert waiting[0].sent_at is not None  # it may have reached the server

    echo.fail_at = None
    assert engine(store, echo, batch_size=1).push_pending() == (3, 0, 0)
    assert outbox(store) == []
    assert all(service.get(m.id).sync_state is SyncState.CONFIRMED for m in made)


def test_an_edit_made_during_a_run_goes_after_its_create_is_answered(
    service: IncidentService, store: Store, echo: EchoServer
) -> None:
    first = service.record(draft())
    second = service.record(draft())
    inner = echo.push

    def push_and_edit(client_id: str, changes: list[dict]) -> list[dict]:
        if len(echo.pushed) == 0:  # the user edits the first record meanwhile
            service.edit(first.id, draft(description="Ändrad under sändningen"))
        return inner(client_id, changes)

    echo.push = push_and_edit  # type: ignore[method-assign]
    engine(store, echo, batch_size=1).push_pending()
    sent = [(c["id"], c["base_revision"]) for batch in echo.pushed for c in batch]
    assert sent == [(str(first.id), None), (str(second.id), None), (str(first.id), 1)]
    assert outbox(store) == []
    assert service.get(first.id).description == "Ändrad under sändningen"
