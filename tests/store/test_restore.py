"""Restoring from a backup: what it would lose is said first, a safety copy is kept, the store
goes on working, and a damaged store can be replaced too."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from est_desktop.domain.incident import SyncState
from est_desktop.store.backup import BackupError, BackupKind, Backups
from est_desktop.store.database import Store
from est_desktop.store.errors import CorruptStoreError, StoreLockedError
from est_desktop.store.incident_service import IncidentService
from est_desktop.store.restore import (
    restore_damaged_store,
    restore_open_store,
    what_restoring_loses,
)
from tests.store.records import draft, outbox, raw_count
from tests.store.test_backup import damaged_copy
from tests.store.test_opening import HEAD, OLD_ROWS, make_store_at, revision_of


@pytest.fixture
def backups(store: Store, tmp_path: Path) -> Backups:
    return Backups(store.path, tmp_path / "backups")


def confirm_on_server(store: Store, record_id: object) -> None:
    """As if a sync had confirmed the record: a revision, no change waiting."""
    with store.transaction() as conn:
        conn.exec_driver_sql(
            "UPDATE incidents SET revision = 1, sync_state = 'confirmed' WHERE id = ?",
            (str(record_id),),
        )
        conn.exec_driver_sql("DELETE FROM outbox WHERE record_id = ?", (str(record_id),))


def test_what_a_restore_would_lose_is_counted_before_anything_changes(
    service: IncidentService, store: Store, backups: Backups
) -> None:
    kept = service.record(draft(description="Före kopian"))
    backup = backups.take().path
    synced_later = service.record(draft(description="Efter, synkad"))
    confirm_on_server(store, synced_later.id)
    service.record(draft(description="Efter, bara här"))
    service.edit(kept.id, draft(description="Ändrad efter kopian"))

    loss = what_restoring_loses(store.path, backup)

    assert (loss.incidents_after, loss.on_server, loss.unsynced) == (2, 1, 2)
    assert not loss.nothing
    assert what_restoring_loses(store.path, backups.take(BackupKind.SAFETY).path).nothing


def test_restoring_an_open_store_puts_the_backup_back_and_keeps_a_safety_copy(
    service: IncidentService, store: Store, backups: Backups
) -> None:
    before = service.record(draft(description="Före kopian"))
    backup = backups.take().path
    after = service.record(draft(description="Efter kopian"))

    safety = restore_open_store(store, backups, backup)

    assert service.get(before.id) is not None and service.get(after.id) is None
    assert [entry.record_id for entry in outbox(store)] == [str(before.id)]
    assert safety.kind is BackupKind.SAFETY and raw_count(safety.path, "incidents") == 2
    # The same store object goes on working: saves, the checkpointer, and a second restore.
    again = service.record(draft(description="Efter återställningen"))
    assert service.get(again.id).sync_state is SyncState.LOCAL
    restore_open_store(store, backups, safety.path)
    assert service.get(after.id) is not None and service.get(again.id) is None


def test_a_damaged_backup_is_refused_before_the_store_is_touched(
    service: IncidentService, store: Store, backups: Backups, tmp_path: Path
) -> None:
    service.record(draft())
    damaged = damaged_copy(backups.take().path, tmp_path / "damaged.sqlite", "incidents")
    count = len(backups.list())
    with pytest.raises(BackupError, match="skadad"):
        restore_open_store(store, backups, damaged)
    assert raw_count(store.path, "incidents") == 1 and len(backups.list()) == count


def test_a_store_too_damaged_to_open_is_replaced_and_its_files_kept(
    service: IncidentService, store: Store, backups: Backups, tmp_path: Path
) -> None:
    recorded = service.record(draft())
    backup = backups.take().path
    service.record(draft())
    store.close()
    damaged_copy(store.path, store.path, "incidents")
    with pytest.raises(CorruptStoreError):
        Store.open(store.path)

    safety = restore_damaged_store(backups, backup)

    with Store.open(store.path) as reopened, reopened.reading() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        ids = [row[0] for row in conn.exec_driver_sql("SELECT id FROM incidents")]
    assert ids == [str(recorded.id)]
    assert safety is not None and safety.path.stat().st_size > 0


def test_a_damaged_store_is_not_replaced_while_the_app_has_it_open(
    service: IncidentService, store: Store, backups: Backups
) -> None:
    service.record(draft())
    backup = backups.take().path
    with pytest.raises(StoreLockedError):
        restore_damaged_store(backups, backup)


def test_a_backup_from_an_older_version_is_upgraded_as_it_is_restored(
    service: IncidentService, store: Store, backups: Backups
) -> None:
    service.record(draft())
    old = backups.path_for(BackupKind.AUTOMATIC, datetime(2026, 1, 5, 8, 0, tzinfo=UTC))
    old.parent.mkdir(parents=True)
    make_store_at(old, "0002", OLD_ROWS)
    assert backups.contents(old).incidents == 2

    restore_open_store(store, backups, old)

    assert revision_of(store.path) == HEAD
    assert {str(service.get(row[0]).id) for row in OLD_ROWS} == {row[0] for row in OLD_ROWS}
    assert service.record(draft()).sync_state is SyncState.LOCAL
