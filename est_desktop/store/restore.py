"""Restoring the store from a backup, and saying first what that would throw away.

The order is what makes it safe: the backup is checked, the store as it is now is copied aside
(a safety copy, listed with the backups, so a restore can itself be undone), and only then is
the backup written into the store file, with SQLite's backup API in one transaction of the
store's own connection: a crash in the middle leaves the store as it was. An older backup is
upgraded as the store opens. The sync cursor goes back with the backup, so the next sync pulls
again what the server got since; changes queued in the backup are sent again under their old
change ids, and the server applies each once.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import Timeout

from est_desktop.store.backup import (
    BackupError,
    BackupFile,
    BackupKind,
    Backups,
    check_backup,
    copy_database,
    open_read_only,
)
from est_desktop.store.database import Store, lock_file
from est_desktop.store.errors import StoreLockedError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RestoreLoss:
    """What the store holds now that restoring `backup` would take away."""

    incidents_after: int  # incidents here (not deleted) that the backup does not have
    on_server: int  # of those, the ones the server has: the next sync brings them back
    unsynced: int  # changes waiting to be sent that the backup does not hold

    @property
    def nothing(self) -> bool:
        return self.incidents_after == 0 and self.unsynced == 0


def what_restoring_loses(store_path: Path, backup: Path) -> RestoreLoss:
    """Compare the store with a backup, reading both only. The store may be open."""
    if not store_path.exists():
        return RestoreLoss(0, 0, 0)
    with open_read_only(backup) as conn:
        try:
            # Read/write open, read only: a reader of the running store's WAL needs its -shm.
            conn.execute("ATTACH DATABASE ? AS live", (str(store_path),))
            later = (
                "FROM live.incidents AS l WHERE NOT l.deleted "
                "AND l.id NOT IN (SELECT id FROM main.incidents)"
            )
            after = conn.execute(f"SELECT count(*) {later}").fetchone()[0]
            on_server = conn.execute(
                f"SELECT count(*) {later} AND l.revision IS NOT NULL"
            ).fetchone()[0]
            unsynced = conn.execute(
                "SELECT count(*) FROM live.outbox "
                "WHERE change_id NOT IN (SELECT change_id FROM main.outbox)"
            ).fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"Datalagret och säkerhetskopian kan inte jämföras ({exc}).") from exc
    return RestoreLoss(after, on_server, unsynced)


def restore_open_store(store: Store, backups: Backups, backup: Path) -> BackupFile:
    """Put `backup` in place of the open `store`'s contents; returns the safety copy.

    The caller has stopped everything that uses the store (sync, other workers); the store
    object stays valid and open afterwards, holding the backup's contents.
    """
    check_backup(backup)
    safety = backups.take(BackupKind.SAFETY)
    with store.paused():
        _write_into(backup, store.path)
    log.info("store %s restored from %s (safety copy %s)", store.path, backup, safety.path)
    return safety


def restore_damaged_store(backups: Backups, backup: Path) -> BackupFile | None:
    """Put `backup` in place of a store that cannot be opened (damaged, or missing);
    returns the safety copy (a plain copy of the damaged files), if there was a store.

    Holds the store's lock throughout: `StoreLockedError` while EST Desktop has it open.
    """
    check_backup(backup)
    path = backups.store_path
    lock = lock_file(path)
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise StoreLockedError(
            f"Datalagret {path} används av EST Desktop. Stäng programmet och försök igen.", path
        ) from exc
    try:
        safety = _plain_copy(backups) if path.exists() else None
        _write_into(backup, path)
    finally:
        lock.release()
    Store.open(path).close()  # upgrades an older backup and checks the result
    return safety


def _write_into(backup: Path, store_path: Path) -> None:
    """The backup's pages into the store file, in one transaction of the store's connection.
    A store too damaged to take them is moved aside (its copy is already made) first."""
    with open_read_only(backup) as reader:
        try:
            _copy_into(reader, store_path)
        except sqlite3.DatabaseError:
            if _healthy(store_path):
                raise
            _move_aside(store_path)
            _copy_into(reader, store_path)


def _copy_into(reader: sqlite3.Connection, store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    try:
        copy_database(reader, conn)
        conn.execute("PRAGMA journal_mode=WAL")  # the backup's header says rollback journal
    finally:
        conn.close()


def _healthy(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _plain_copy(backups: Backups) -> BackupFile:
    """A safety copy of a store SQLite cannot read whole: its files as they are."""
    try:
        return backups.take(BackupKind.SAFETY)
    except BackupError:
        pass
    stamp = datetime.now(UTC)
    target = backups.path_for(BackupKind.SAFETY, stamp)
    backups.folder.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", ""):  # the log first: the main file makes the copy visible
        source = Path(f"{backups.store_path}{suffix}")
        if source.exists():
            shutil.copy2(source, f"{target}{suffix}")
    return next(b for b in backups.list() if b.path == target)


def _move_aside(path: Path) -> None:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%SZ")
    for suffix in ("-wal", "-shm", ""):
        source = Path(f"{path}{suffix}")
        if source.exists():
            source.rename(f"{path}.damaged-{stamp}{suffix}")
    log.warning("damaged store %s moved aside before a restore", path)
