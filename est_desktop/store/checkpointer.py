"""Moves the write-ahead log into the database file in the background.

SQLite's automatic checkpoint runs inside whichever commit crosses its threshold, so one save
in a few hundred would pay for copying and syncing the whole log. The store turns that off and
this thread does the same work shortly after writes, off the caller's (often the UI's) thread.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)


class Checkpointer:
    """Runs `PRAGMA wal_checkpoint(PASSIVE)` a moment after the last `written()` call."""

    def __init__(self, engine: Engine, delay_s: float = 1.0) -> None:
        self._engine = engine
        self._delay_s = delay_s
        self._pending = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="est-wal-checkpoint", daemon=True)
        self._thread.start()

    def written(self) -> None:
        """Note that a transaction has been committed. Any thread."""
        self._pending.set()

    def stop(self) -> None:
        """Stop the thread and fold the whole log into the file (TRUNCATE), e.g. on close."""
        self._stopping.set()
        self._pending.set()
        self._thread.join()
        self._checkpoint("TRUNCATE")

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._pending.wait()
            if self._stopping.wait(self._delay_s):  # let a burst of saves finish first
                return
            self._pending.clear()
            self._checkpoint("PASSIVE")

    def _checkpoint(self, mode: str) -> None:
        try:
            with self._engine.connect() as conn:
                conn.exec_driver_sql(f"PRAGMA wal_checkpoint({mode})")
        except DBAPIError as exc:  # busy or I/O trouble: the log stays, nothing is lost
            log.warning("WAL checkpoint (%s) did not run: %s", mode, exc)
