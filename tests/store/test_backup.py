"""Local backups: consistent copies taken while the store is in use, checked, rotated."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from est_desktop.store.backup import (
    BackupError,
    BackupFile,
    BackupKind,
    Backups,
    Rotation,
    check_backup,
    kept_by_rotation,
)
from est_desktop.store.database import Store
from est_desktop.store.incident_service import IncidentService
from tests.store.records import draft, raw_count

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def damaged_copy(source: Path, target: Path, table: str) -> Path:
    """A copy of `source` with the first page of `table` overwritten, as a bad disk would."""
    conn = sqlite3.connect(source)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    data = bytearray(source.read_bytes())
    start = (root[0] - 1) * page_size
    data[start : start + page_size] = b"\x0d" + b"\xff" * (page_size - 1)
    target.write_bytes(bytes(data))
    return target


@pytest.fixture
def backups(store: Store, tmp_path: Path) -> Backups:
    return Backups(store.path, tmp_path / "backups")


def test_a_backup_taken_while_saves_go_on_is_whole_and_consistent(
    service: IncidentService, backups: Backups
) -> None:
    for _ in range(50):
        service.record(draft())
    stop = threading.Event()

    def keep_saving() -> None:
        while not stop.is_set():
            service.record(draft())

    writer = threading.Thread(target=keep_saving)
    writer.start()
    try:
        taken = [backups.take(now=T0 + timedelta(seconds=n)) for n in range(3)]
    finally:
        stop.set()
        writer.join()
    for backup in taken:
        check_backup(backup.path)
        incidents = raw_count(backup.path, "incidents")
        # Each saved incident came with its outbox entry in one transaction: a consistent
        # copy never holds one without the other.
        assert incidents >= 50 and raw_count(backup.path, "outbox") == incidents
    assert raw_count(taken[-1].path, "incidents") >= raw_count(taken[0].path, "incidents")
    # Plain single files: reading a backup leaves no -wal or -shm beside it.
    assert sorted(p.name for p in backups.folder.iterdir()) == sorted(b.path.name for b in taken)


def test_a_backup_is_named_by_its_time_and_listed_newest_first(
    service: IncidentService, backups: Backups
) -> None:
    service.record(draft())
    first = backups.take(now=T0)
    second = backups.take(now=T0 + timedelta(hours=2))
    assert first.path.name == "est-20261126-100000Z.sqlite"
    assert [b.path for b in backups.list()] == [second.path, first.path]
    assert (second.kind, second.size) == (BackupKind.AUTOMATIC, second.path.stat().st_size)
    contents = backups.contents(second.path)
    assert (contents.incidents, contents.unsynced) == (1, 1)


def test_a_backup_is_due_a_day_after_the_last_one(store: Store, backups: Backups) -> None:
    assert backups.due(now=T0)
    backups.take(now=T0)
    assert not backups.due(now=T0 + timedelta(hours=23))
    assert backups.due(now=T0 + timedelta(hours=24))
    backups.take(BackupKind.SAFETY, now=T0 + timedelta(hours=30))
    assert backups.due(now=T0 + timedelta(hours=31)), "a safety copy is not a daily backup"


def test_rotation_keeps_the_last_few_each_recent_day_and_each_recent_week() -> None:
    # Two backups a day for 60 days, at 09:00 and 01:00 Swedish time; T0 is a Thursday.
    times = [T0 - timedelta(days=d, hours=h) for d in range(60) for h in (2, 10)]
    backups = [BackupFile(Path(f"{t:%m%d%H}"), t, BackupKind.AUTOMATIC, 1) for t in times]
    kept = kept_by_rotation(backups, Rotation(keep_last=3, keep_days=7, keep_weeks=4))
    kept_times = sorted((b.taken_at for b in backups if b.path in kept), reverse=True)
    morning = [T0 - timedelta(days=d, hours=2) for d in range(60)]
    expected = [
        *times[:3],  # the 3 newest: today 09:00 and 01:00, yesterday 09:00
        *morning[2:7],  # the newest of each of the 7 days up to today (today's already kept)
        morning[11],  # Sunday 15 November, the newest of two weeks ago
        morning[18],  # Sunday 8 November, three weeks ago (last week's Sunday is a day above)
    ]
    assert kept_times == expected


def test_taking_a_backup_deletes_what_the_rotation_drops(
    service: IncidentService, store: Store, tmp_path: Path
) -> None:
    service.record(draft())
    backups = Backups(store.path, tmp_path / "b", Rotation(keep_last=2, keep_days=0, keep_weeks=0))
    safety = backups.take(BackupKind.SAFETY, now=T0)
    made = [backups.take(now=T0 + timedelta(days=n)) for n in range(4)]
    assert [b.path for b in backups.list()] == [made[3].path, made[2].path, safety.path]


def test_an_unfinished_copy_is_never_listed_and_an_old_one_is_cleared_by_the_next_backup(
    service: IncidentService, backups: Backups
) -> None:
    service.record(draft())
    backups.folder.mkdir()
    left = backups.folder / "est-20261120-080000Z.sqlite.part"
    left.write_bytes(b"SQLite format 3\x00 cut short by a crash")
    young = backups.folder / "est-20261126-095959Z.sqlite.part"
    young.write_bytes(b"SQLite format 3\x00 another process is writing this one")
    an_hour_ago = time.time() - 3601
    os.utime(left, (an_hour_ago, an_hour_ago))
    assert backups.list() == []
    backups.take(now=T0)
    assert not left.exists() and young.exists()


def test_a_backup_says_clearly_when_the_folder_cannot_be_written(
    service: IncidentService, store: Store, tmp_path: Path
) -> None:
    service.record(draft())
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(BackupError, match="kunde inte skrivas"):
        Backups(store.path, blocker / "backups").take()


def test_a_damaged_or_foreign_file_is_not_accepted_as_a_backup(
    service: IncidentService, backups: Backups, tmp_path: Path
) -> None:
    service.record(draft())
    good = backups.take(now=T0).path
    damaged = damaged_copy(good, tmp_path / "damaged.sqlite", "incidents")
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()
    text = tmp_path / "text.sqlite"
    text.write_text("hello")
    for bad in (damaged, foreign, text, tmp_path / "missing.sqlite"):
        with pytest.raises(BackupError):
            check_backup(bad)
    check_backup(good)


def test_two_backups_in_the_same_second_are_both_kept(
    service: IncidentService, backups: Backups
) -> None:
    service.record(draft())
    first = backups.take(BackupKind.SAFETY, now=T0)
    service.record(draft())
    second = backups.take(BackupKind.SAFETY, now=T0)
    assert first.path != second.path
    assert (raw_count(first.path, "incidents"), raw_count(second.path, "incidents")) == (1, 2)
