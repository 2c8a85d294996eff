"""Local backups of the store: consistent copies taken while the app runs, kept in rotation.

A backup is made with SQLite's online backup API, so it is a consistent snapshot even while
another connection writes (in WAL mode writers are not even held up). It is written to a
temporary file, checked with `PRAGMA integrity_check`, flushed to disk and only then renamed
into place: a backup file that exists is always whole. Backups are plain single-file SQLite
databases (no -wal beside them), named `<store>-<UTC time>.sqlite`, e.g.
`est-20261126-104512Z.sqlite`; the safety copy made before a restore carries `-before-restore`.

Rotation keeps the newest `keep_last` backups, the newest of each of the last `keep_days` days
that have one, and the newest of each of the last `keep_weeks` ISO weeks that have one;
safety copies are rotated apart (the newest `keep_safety`). No Qt: the app runs these on a
worker thread, the `est-desktop backup` command in its own process.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.store.database import APPLICATION_ID, SQLITE_HEADER
from est_desktop.store.errors import StoreError

log = logging.getLogger(__name__)

DEFAULT_FOLDER_NAME = "backups"
BACKUP_EVERY = timedelta(days=1)
STALE_PART = timedelta(hours=1)  # an unfinished copy older than this was left by a crash
_TIME_FORMAT = "%Y%m%d-%H%M%SZ"
_SAFETY_TAG = "-before-restore"
_SUFFIX = ".sqlite"
_PART = ".part"


class BackupError(StoreError):
    """A backup could not be made, read or restored; the message says why."""


class BackupKind(StrEnum):
    AUTOMATIC = "automatic"  # at start, daily, or by `est-desktop backup`
    SAFETY = "safety"  # the store as it was just before a restore


@dataclass(frozen=True, slots=True)
class Rotation:
    keep_last: int = 3
    keep_days: int = 7
    keep_weeks: int = 4
    keep_safety: int = 3


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    taken_at: datetime  # aware, UTC
    kind: BackupKind
    size: int  # bytes


@dataclass(frozen=True, slots=True)
class BackupContents:
    """What a backup holds: incidents (not deleted) and changes not yet synced in it."""

    incidents: int
    unsynced: int


def default_folder(data_dir: Path) -> Path:
    return data_dir / DEFAULT_FOLDER_NAME


class Backups:
    """The backups of one store file in one folder. Any thread; the store may be open."""

    def __init__(self, store_path: Path, folder: Path, rotation: Rotation = Rotation()) -> None:
        self.store_path = Path(store_path)
        self.folder = Path(folder)
        self.rotation = rotation
        self._name = re.compile(
            re.escape(self.store_path.stem)
            + r"-(\d{8}-\d{6}Z)("
            + re.escape(_SAFETY_TAG)
            + r")?"
            + re.escape(_SUFFIX)
        )

    def take(
        self, kind: BackupKind = BackupKind.AUTOMATIC, now: datetime | None = None
    ) -> BackupFile:
        """Copy the store into the folder (checked, atomic), then rotate; the new backup."""
        if not self.store_path.exists():
            raise BackupError(f"Det finns inget datalager i {self.store_path} att kopiera.")
        taken_at = now or datetime.now(UTC)
        while (target := self.path_for(kind, taken_at)).exists():
            taken_at += timedelta(seconds=1)  # never over another backup (e.g. one being restored)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _copy_checked(self.store_path, target)
        except OSError as exc:
            raise BackupError(
                f"Säkerhetskopian kunde inte skrivas till {self.folder}: {exc.strerror}. "
                "Kontrollera att mappen finns, är skrivbar och att disken inte är full.",
                target,
            ) from exc
        log.info("backup of %s written to %s", self.store_path, target)
        self.rotate()
        return self._file(target)

    def path_for(self, kind: BackupKind, taken_at: datetime) -> Path:
        """Where a backup of `kind` taken at `taken_at` is written."""
        stamp = taken_at.astimezone(UTC).strftime(_TIME_FORMAT)
        tag = _SAFETY_TAG if kind is BackupKind.SAFETY else ""
        return self.folder / f"{self.store_path.stem}-{stamp}{tag}{_SUFFIX}"

    def due(self, now: datetime | None = None, every: timedelta = BACKUP_EVERY) -> bool:
        """Whether the newest automatic backup is older than `every` (or there is none)."""
        automatic = [b for b in self.list() if b.kind is BackupKind.AUTOMATIC]
        now = now or datetime.now(UTC)
        return not automatic or now - automatic[0].taken_at >= every

    def list(self) -> list[BackupFile]:
        """This store's backups in the folder, newest first (unfinished copies left out)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            if self._name.fullmatch(path.name):
                with suppress(FileNotFoundError):  # rotated away by another process just now
                    found.append(self._file(path))
        return sorted(found, key=lambda b: b.taken_at, reverse=True)

    def rotate(self) -> list[Path]:
        """Delete the backups the rotation no longer keeps; the deleted paths."""
        backups = self.list()
        automatic = [b for b in backups if b.kind is BackupKind.AUTOMATIC]
        safety = [b for b in backups if b.kind is BackupKind.SAFETY]
        keep = kept_by_rotation(automatic, self.rotation) | {
            b.path for b in safety[: self.rotation.keep_safety]
        }
        removed = []
        for backup in backups:
            if backup.path not in keep:
                backup.path.unlink(missing_ok=True)
                Path(f"{backup.path}-wal").unlink(missing_ok=True)  # beside a plain safety copy
                removed.append(backup.path)
        # Left by a crash in the middle of a copy; a young one may be another process's copy.
        stale = time.time() - STALE_PART.total_seconds()
        for part in self.folder.glob(f"{self.store_path.stem}-*{_PART}"):
            with suppress(FileNotFoundError):
                if part.stat().st_mtime < stale:
                    part.unlink()
        return removed

    def contents(self, backup: Path) -> BackupContents:
        """Count what a backup holds, reading it only."""
        with open_read_only(backup) as conn:
            try:
                incidents = conn.execute("SELECT count(*) FROM incidents WHERE NOT deleted")
                incidents_count = incidents.fetchone()[0]
                unsynced = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                raise BackupError(f"Säkerhetskopian {backup.name} kan inte läsas: {exc}.") from exc
        return BackupContents(incidents_count, unsynced)

    def _file(self, path: Path) -> BackupFile:
        match = self._name.fullmatch(path.name)
        assert match is not None
        taken_at = datetime.strptime(match.group(1), _TIME_FORMAT).replace(tzinfo=UTC)
        kind = BackupKind.SAFETY if match.group(2) else BackupKind.AUTOMATIC
        return BackupFile(path, taken_at, kind, path.stat().st_size)


def kept_by_rotation(backups: list[BackupFile], rotation: Rotation) -> set[Path]:
    """The backups (newest first) that the rotation keeps: the last few, then the newest of
    each recent day and of each recent week (by local time, as a person counts days)."""
    keep = {b.path for b in backups[: rotation.keep_last]}
    for key, count in (
        (lambda t: t.date(), rotation.keep_days),
        (lambda t: t.isocalendar()[:2], rotation.keep_weeks),
    ):
        seen: set[object] = set()
        for backup in backups:
            period = key(backup.taken_at.astimezone(LOCAL_TZ))
            if period not in seen and len(seen) < count:
                seen.add(period)
                keep.add(backup.path)
    return keep


def check_backup(path: Path) -> None:
    """Refuse a file that is not a whole EST store (`BackupError` says why)."""
    try:
        with open(path, "rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except FileNotFoundError as exc:
        raise BackupError(f"Säkerhetskopian {path} finns inte (längre).", path) from exc
    except OSError as exc:
        raise BackupError(f"Filen {path} kan inte läsas: {exc.strerror}.", path) from exc
    if header != SQLITE_HEADER:
        raise BackupError(f"Filen {path} är ingen säkerhetskopia av ett EST-datalager.", path)
    with open_read_only(path) as conn:
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"Säkerhetskopian {path} är skadad ({exc}).", path) from exc
    if application_id != APPLICATION_ID:
        raise BackupError(f"Filen {path} är ingen säkerhetskopia av ett EST-datalager.", path)
    if check != "ok":
        raise BackupError(f"Säkerhetskopian {path} är skadad och kan inte användas.", path)


def copy_database(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """Copy `source` into `target` with the online backup API, in one step: one read snapshot
    of the source, one transaction in the target (so a crash leaves the target as it was)."""
    source.backup(target)


def _copy_checked(source: Path, target: Path) -> None:
    part = target.with_name(target.name + _PART)
    try:
        # Opened read/write but only read: a reader of a WAL database needs its -shm.
        reader, conn = sqlite3.connect(source), sqlite3.connect(part)
        try:
            copy_database(reader, conn)
            # A single self-contained file: a WAL header would make every reader create
            # -wal and -shm files beside the backup.
            conn.execute("PRAGMA journal_mode=DELETE")
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            reader.close()
            conn.close()
        if check != "ok":
            raise BackupError(f"Kopian av {source} klarade inte kontrollen ({check}).", source)
        _flush(part)
        os.replace(part, target)
        _flush(target.parent)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Datalagret {source} kunde inte kopieras: {exc}.", source) from exc
    finally:
        part.unlink(missing_ok=True)


def _flush(path: Path) -> None:
    """fsync a file, or a folder so a rename in it survives a power cut (not on Windows)."""
    folder = path.is_dir()
    if folder and os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY if folder else os.O_RDWR)  # Windows flushes writable handles
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def open_read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a backup file (never creating one), closed on exit."""
    if not path.is_file():
        raise BackupError(f"Säkerhetskopian {path} finns inte.", path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Säkerhetskopian {path} kan inte öppnas ({exc}).", path) from exc
    try:
        yield conn
    finally:
        conn.close()
