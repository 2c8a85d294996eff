"""Two local stores syncing through the real server logic (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from est_desktop.domain.incident import SyncState
from est_desktop.server.identity import Role, User
from tests.store.records import draft
from tests.sync.clients import server_records, visible


def test_a_record_made_on_one_pc_appears_on_the_other(make_client: Any) -> None:
    a, b = make_client("anna"), make_client("bert")
    recorded = a.service.record(draft(description="Trasig belysning"))
    assert a.service.get(recorded.id).sync_state is SyncState.LOCAL

    report = a.engine.sync_once()
    b.engine.sync_once()

    assert (report.pushed, report.waiting) == (1, 0)
    mine, theirs = a.service.get(recorded.id), b.service.get(recorded.id)
    assert mine.sync_state is theirs.sync_state is SyncState.CONFIRMED
    assert mine.revision == theirs.revision == 1
    assert theirs.description == "Trasig belysning"
    assert visible(a) == visible(b)


def test_edits_of_different_fields_merge(make_client: Any) -> None:
    a, b = make_client("anna"), make_client("bert")
    recorded = a.service.record(draft())
    a.engine.sync_once()
    b.engine.sync_once()

    a.service.edit(recorded.id, draft(description="Ändrat av A"))
    b.service.edit(recorded.id, draft(place_name="Ändrat av B"))
    a.engine.sync_once()
    report = b.engine.sync_once()
    a.engine.sync_once()

    assert report.conflicts == 0
    for client in (a, b):
        merged = client.service.get(recorded.id)
        assert (merged.description, merged.place_name) == ("Ändrat av A", "Ändrat av B")
        assert merged.sync_state is SyncState.CONFIRMED
    assert visible(a) == visible(b)


def test_edits_of_one_field_conflict_and_the_resolution_converges(
    make_client: Any, server: Any, clock: Any
) -> None:
    a, b = make_client("anna"), make_client("bert")
    recorded = a.service.record(draft())
    a.engine.sync_once()
    b.engine.sync_once()

    a.service.edit(recorded.id, draft(description="A:s text"))
    b.service.edit(recorded.id, draft(description="B:s text", place_name="B:s plats"))
    a.engine.sync_once()
    report = b.engine.sync_once()

    assert report.conflicts == 1
    assert b.engine.status().conflicts == 1
    conflict = b.conflicts.get(str(recorded.id))
    assert conflict.fields == ("description", "place_name")
    assert conflict.local.description == "B:s text"  # nothing local overwritten
    assert conflict.server.description == "A:s text"

    b.conflicts.resolve(
        str(recorded.id), {"description": "mine", "place_name": "theirs"}, by="bert", at=clock()
    )
    assert b.service.get(recorded.id).sync_state is SyncState.LOCAL
    b.engine.sync_once()
    a.engine.sync_once()

    for client in (a, b):
        settled = client.service.get(recorded.id)
        assert (settled.description, settled.place_name) == ("B:s text", "Hulta torg")
        assert settled.sync_state is SyncState.CONFIRMED
    assert visible(a) == visible(b) == server_records(server, User("x", "bostader", Role.ADMIN))


def test_a_local_delete_against_a_server_edit_is_a_conflict_either_way(
    make_client: Any, clock: Any
) -> None:
    a, b = make_client("anna"), make_client("bert")
    kept, gone = a.service.record(draft()), a.service.record(draft(description="Tas bort"))
    a.engine.sync_once()
    b.engine.sync_once()

    for record in (kept, gone):
        a.service.edit(record.id, draft(description="Ändrat av A"))
        b.service.delete(record.id)
    a.engine.sync_once()
    assert b.engine.sync_once().conflicts == 2
    assert {c.local_deleted for c in b.conflicts.list()} == {True}

    b.conflicts.resolve(str(kept.id), {}, by="bert", at=clock())  # theirs: A's edit stays
    b.conflicts.resolve(str(gone.id), {"deleted": "mine"}, by="bert", at=clock())
    b.engine.sync_once()
    a.engine.sync_once()

    for client in (a, b):
        assert client.service.get(kept.id).description == "Ändrat av A"
        assert client.service.get(kept.id).deleted is False
        assert client.service.get(gone.id).deleted is True
    assert visible(a) == visible(b)
    assert b.conflicts.count() == 0


def test_the_same_change_sent_twice_after_a_lost_answer_is_stored_once(
    make_client: Any, server: Any
) -> None:
    a = make_client("anna")
    recorded = a.service.record(draft())
    a.service.edit(recorded.id, draft(description="Andra versionen"))
    with a.store.reading() as conn:
        from est_desktop.store.outbox import pending_changes

        first = pending_changes(conn)[0]
    # The create reached the server, but its answer was lost.
    server.push(a.transport.user, a.store.installation_id, [first.as_wire()])

    a.engine.sync_once()

    stored = server_records(server, a.transport.user)
    assert list(stored) == [str(recorded.id)]
    assert stored[str(recorded.id)]["revision"] == 2
    assert a.service.get(recorded.id).description == "Andra versionen"
    assert a.service.get(recorded.id).revision == 2


def test_a_pull_in_small_pages_brings_everything(make_client: Any) -> None:
    a, b = make_client("anna"), make_client("bert", pull_limit=3)
    ids = {str(a.service.record(draft(description=f"nr {n}")).id) for n in range(10)}
    a.engine.sync_once()

    report = b.engine.sync_once()

    assert report.pulled == 10
    assert set(visible(b)) == ids
    assert b.store.setting("sync_cursor")  # the next sync resumes after it
    assert b.engine.sync_once().pulled == 0
