"""Running a plain callable off the UI thread and hearing its result back on the UI thread.

`Task` runs `work()`; `TrackedTask` runs `work(progress)` for long jobs: the work reports how far
it is and looks at whether the user cancelled, through a `Progress` that holds only values and
a `threading.Event`, never a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Cancelled(Exception):
    """The user cancelled the work; what it promises about partial results is its own."""


class _Relay(QObject):
    succeeded = Signal(object)  # what the work returned
    failed = Signal(object)  # the exception it raised
    progressed = Signal(object)  # the newest value given to Progress.report (a TrackedTask)
    _poked = Signal()  # from the pool thread: a new value waits

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._latest: object = None
        self._queued = False
        self._poked.connect(self._deliver)  # queued: the relay lives on the UI thread

    def offer(self, value: object) -> None:
        """Any thread. At most one delivery waits in the event queue, carrying the newest
        value: a job that reports per row cannot flood the window, nor show a stale count."""
        with self._lock:
            self._latest = value
            if self._queued:
                return
            self._queued = True
        self._poked.emit()

    @Slot()
    def _deliver(self) -> None:
        with self._lock:
            value, self._queued = self._latest, False
        self.progressed.emit(value)


class Progress:
    """What long work sees of its caller; any thread."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self.cancel_event = threading.Event()  # for APIs that take an Event (import, sync)

    def report(self, value: object) -> None:
        """How far the work is (the UI hears the newest value, soon)."""
        self._relay.offer(value)

    def advance(self, done: int, total: int | None = None) -> None:
        """The common case: `done` of `total` (None: the total is not known)."""
        self.report((done, total))

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def cancel(self) -> None:
        """Ask the work to stop (UI thread); it stops at its next check."""
        self.cancel_event.set()

    def check(self) -> None:
        """Raise `Cancelled` when the user asked to stop: call between steps of the work."""
        if self.cancel_event.is_set():
            raise Cancelled


class Task(QRunnable):
    """One call of `work` on a pool thread; `relay` reports the outcome.

    Connect `relay.succeeded` / `relay.failed` to slots of a QObject living on the UI thread, so
    Qt queues the call there. The caller keeps the task until it reports: the relay must outlive
    the work, so the pool does not delete it.
    """

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.relay, self._work = _Relay(), work  # made on the UI thread

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # shown by the caller, never swallowed
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)

    def start(self, pool: QThreadPool | None = None) -> Task:
        (pool or QThreadPool.globalInstance()).start(self)
        return self


class TrackedTask(Task):
    """A `Task` whose work takes a `Progress`: connect `relay.progressed` for the values it
    reports, call `cancel()` to ask it to stop (it then usually fails with `Cancelled`)."""

    def __init__(self, work: Callable[[Progress], object]) -> None:
        super().__init__(lambda: work(self.progress))
        self.progress = Progress(self.relay)

    def cancel(self) -> None:
        self.progress.cancel()

    @property
    def cancelled(self) -> bool:
        return self.progress.cancelled
