"""Changing the data folder: copy what lives in the old one, never move or delete it.

The copy runs at start, before anything opens the stores, so no record saved between choosing
the folder and restarting is left behind. No Qt: the caller shows what happened.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from est_desktop.data_files import DEMO_STORE_FILE, STORE_FILE, TILE_CACHE_FILE

# SQLite files are copied with SQLite's online backup (their WAL content included); the rest
# byte for byte. The sign-in token file and the server's cached reference data come along so
# sync goes on without a new sign-in.
SQLITE_FILES = (STORE_FILE, DEMO_STORE_FILE, TILE_CACHE_FILE)
PLAIN_FILES = ("reference.json", "tokens.json")


def has_store(folder: Path) -> bool:
    """Whether `folder` already holds the real store."""
    return (folder / STORE_FILE).is_file()


def copy_data_folder(source: Path, target: Path) -> list[str]:
    """Copy the stores and caches of `source` into `target`; the names of the files copied.

    A file `target` already has is left alone, so nothing there is ever overwritten. Each copy
    is written beside its final name and renamed, so an interrupted copy leaves no half store.
    Raises OSError or sqlite3.Error; files copied before the failure stay.
    """
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in (*SQLITE_FILES, *PLAIN_FILES):
        origin, destination = source / name, target / name
        if not origin.is_file() or destination.exists():
            continue
        partial = destination.with_name(destination.name + ".copying")
        partial.unlink(missing_ok=True)
        if name in SQLITE_FILES:
            _copy_sqlite(origin, partial)
        else:
            shutil.copy2(origin, partial)
        os.replace(partial, destination)
        copied.append(name)
    return copied


def _copy_sqlite(origin: Path, destination: Path) -> None:
    source = sqlite3.connect(origin)  # not read-only: a WAL left by a crash must be readable
    try:
        copy = sqlite3.connect(destination)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
