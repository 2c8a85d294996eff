"""A store restored from an old backup syncs back to the server's picture: changes the backup
still queues are answered as the first time (no duplicate, no false conflict), and what the
server got since comes back with the pull."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from est_desktop.domain.incident import SyncState
from est_desktop.server.identity import Role, User
from est_desktop.store.backup import Backups
from est_desktop.store.restore import restore_open_store, what_restoring_loses
from tests.store.records import draft
from tests.sync.clients import server_records, visible


def test_a_restored_store_syncs_back_without_loss_duplicates_or_conflicts(
    make_client: Callable[..., Any], server: Any, tmp_path: Path
) -> None:
    anna = make_client("anna")
    synced = anna.service.record(draft(description="Synkad före kopian"))
    anna.engine.sync_once()
    queued = anna.service.record(draft(description="Köad i kopian"))
    backups = Backups(anna.store.path, tmp_path / "backups")
    backup = backups.take().path
    # After the backup: the queued create goes out, an edit and a new record follow.
    anna.engine.sync_once()
    anna.service.edit(synced.id, draft(description="Ändrad efter kopian"))
    later = anna.service.record(draft(description="Sparad efter kopian"))
    anna.engine.sync_once()
    before = server_records(server, User("anna", "bostader", Role.REPORTER))

    loss = what_restoring_loses(anna.store.path, backup)
    assert (loss.incidents_after, loss.on_server, loss.unsynced) == (1, 1, 0)
    restore_open_store(anna.store, backups, backup)
    assert anna.service.get(later.id) is None
    assert anna.service.get(queued.id).sync_state is SyncState.LOCAL

    report = anna.engine.sync_once()

    assert (report.conflicts, report.rejected, report.waiting) == (0, 0, 0)
    after = server_records(server, User("anna", "bostader", Role.REPORTER))
    assert after == before, "the server's records changed: a change was applied twice"
    assert visible(anna) == after
    assert anna.service.get(synced.id).description == "Ändrad efter kopian"
