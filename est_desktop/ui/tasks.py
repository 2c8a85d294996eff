"""Running a plain callable off the UI thread and hearing its result back on the UI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    succeeded = Signal(object)  # what the work returned
    failed = Signal(object)  # the exception it raised


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
