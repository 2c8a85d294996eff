"""Audit entries that need not commit with anything else (pulls), written in batches.

A pull only reads; giving its audit entry a commit of its own cost about a tenth of the
server's time under load, and writing it inside the pull's read transaction would make every
pull an SQLite writer, queued behind every other. So the entries wait here, each with the time
of its pull, and a background thread writes what has gathered at most once a second, in one
transaction. `close` (the server's clean shutdown) writes the rest; a hard kill or a power cut
loses at most the last second's entries of that process (docs/privacy.md).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from est_desktop.server import audit
from est_desktop.server.audit import AuditEvent
from est_desktop.server.database import ServerDatabase

log = logging.getLogger("est_desktop.server")

FLUSH_SECONDS = 1.0
# Kept while the database refuses writes; beyond this, the oldest are given up (and logged)
# rather than letting a long outage fill the memory.
MAX_WAITING = 100_000


class AuditBuffer:
    """Gathers events from any thread; one daemon thread writes them. Thread-safe."""

    def __init__(self, db: ServerDatabase, interval: float = FLUSH_SECONDS) -> None:
        self._db = db
        self._interval = interval
        self._lock = threading.Lock()
        self._waiting: list[AuditEvent] = []
        self._flushing = threading.Lock()  # one batch at a time, so entries keep their order
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def add(self, events: Sequence[AuditEvent]) -> None:
        """Queue `events` (each with its `at` set by the caller); written within a second."""
        with self._lock:
            self._waiting.extend(events)
            closed = self._stop.is_set()
            if not closed and self._thread is None:
                self._thread = threading.Thread(target=self._run, name="audit-flush", daemon=True)
                self._thread.start()
        if closed:  # after close no thread comes by: write at once
            self.flush()

    def flush(self) -> int:
        """Write everything queued now, in one transaction; how many, or -1 when the database
        refused them: they stay queued for the next try (logged, not raised)."""
        with self._flushing:
            with self._lock:
                batch, self._waiting = self._waiting, []
            if not batch:
                return 0
            try:
                audit.write(self._db, batch)
            except Exception:
                log.exception("audit entries could not be written yet: %d kept", len(batch))
                with self._lock:
                    self._waiting[:0] = batch
                    if (excess := len(self._waiting) - MAX_WAITING) > 0:
                        del self._waiting[:excess]
                        log.error("audit entries given up after a long outage: %d", excess)
                return -1
            return len(batch)

    def close(self) -> None:
        """Stop the thread and write what is left (the server's clean shutdown)."""
        self._stop.set()
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join()
        self.flush()

    def _run(self) -> None:
        """Flush every interval while entries come; end when none wait, or when the database
        refuses them (they stay queued: the next `add` starts a thread again, `close` writes
        them), so an idle server or a service nobody closed keeps no thread going."""
        while not self._stop.wait(self._interval):
            written = self.flush()
            with self._lock:
                if written < 0 or not self._waiting:
                    self._thread = None
                    return
