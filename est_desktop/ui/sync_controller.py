"""Background sync for the window: when to sync, one sync at a time, off the UI thread.

The engine does the work (`SyncEngine.sync_once`, blocking network I/O); this object decides
when it runs — at start, a few seconds after the last local change, every few minutes, on
demand — retries failures with backoff, and reports the outcome on the UI thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot

from est_desktop.sync.backoff import Backoff
from est_desktop.sync.errors import AuthRequired, Offline, ServerBusy, SyncError
from est_desktop.sync.progress import SyncProgress, SyncWatch
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.tasks import Progress, TrackedTask

if TYPE_CHECKING:
    from est_desktop.store.database import Store
    from est_desktop.sync.credentials import TokenStore
    from est_desktop.sync.engine import LocalSyncStatus, SyncReport

log = logging.getLogger(__name__)

DEBOUNCE_MS = 3000
SHUTDOWN_WAIT_MS = 3000


class SyncPhase(StrEnum):
    """Where background sync stands, as the status bar shows it."""

    LOCAL = "local"  # no server configured: the app works on this PC only
    IDLE = "idle"  # the last attempt succeeded (or none has run yet)
    SYNCING = "syncing"
    OFFLINE = "offline"  # the server cannot be reached: a normal state, retried
    AUTH_REQUIRED = "auth_required"  # the token was refused: nothing runs until a login
    ERROR = "error"  # another failure (server busy or broken): retried


class Engine(Protocol):
    def sync_once(self, watch: SyncWatch | None = None) -> SyncReport: ...
    def status(self) -> LocalSyncStatus: ...


EngineFactory = Callable[[str | None], Engine]  # given the stored token (or None)


@dataclass(frozen=True)
class SyncOverview:
    """Everything the status widget and its details show, read at one moment."""

    phase: SyncPhase
    status: LocalSyncStatus | None
    server_url: str
    username: str
    last_error: str | None
    next_attempt_in: float | None  # seconds until the next automatic attempt, when one is set
    progress: SyncProgress | None = None  # how far the running sync is, once it has said
    cancelled: bool = False  # the last run was stopped by the user


class SyncController(QObject):
    """Runs `sync_once` on a worker thread and tells the UI thread how it went.

    Lives on the UI thread; every public method must be called there. Syncs never overlap: a
    trigger during a sync queues one more run after it.
    """

    state_changed = Signal(object)  # SyncPhase
    finished = Signal(object)  # SyncReport
    failed = Signal(str)  # a Swedish message
    auth_required = Signal()  # once per refused token, not once per attempt
    status_updated = Signal()  # local counts may have changed (after a save, a resolve…)
    progressed = Signal(object)  # SyncProgress of the running sync (a few times a second)

    def __init__(
        self,
        engine_factory: EngineFactory,
        store: Store | None,
        preferences: Preferences,
        token_store: TokenStore,
        parent: QObject | None = None,
        *,
        backoff: Backoff | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        interval_ms: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._engine_factory = engine_factory
        self._preferences = preferences
        self._token_store = token_store
        self._backoff = backoff or Backoff()
        self._clock = clock
        self._engine: Engine | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one sync at a time, whatever calls in
        self._task: TrackedTask | None = None
        self._progress: SyncProgress | None = None
        self._cancelled = False  # the last run was stopped by the user
        self._again = False  # a trigger arrived during the running sync
        self._phase = SyncPhase.IDLE
        self._last_error: str | None = None
        self._next_attempt_at: float | None = None  # monotonic seconds
        self._not_before = 0.0  # the server's Retry-After: even "Synka nu" waits for it
        self._stopped = False

        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._on_retry_timeout)
        minutes = max(1, preferences.sync_interval_minutes)
        self._periodic = QTimer(self, interval=interval_ms or minutes * 60_000)
        self._periodic.timeout.connect(self._on_periodic_timeout)

    # -- what the UI asks --

    @property
    def phase(self) -> SyncPhase:
        return self._phase

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        """Begin the schedule: sync now, then every interval."""
        self._periodic.start()
        self._run_if_allowed(automatic=True)

    def sync_now(self) -> None:
        """The user asked ("Synka nu"): run at once, unless the server asked us to wait."""
        if self._phase == SyncPhase.AUTH_REQUIRED:
            self.auth_required.emit()  # the way forward is a login, so offer it again
            return
        if self._clock() < self._not_before:
            self._set_phase(self._phase)  # the status shows how long the server wants us to wait
            return
        self._retry.stop()
        self._next_attempt_at = None
        self._request_run()

    def local_change(self) -> None:
        """A record was saved, edited or deleted here: sync a little after the last one."""
        self.status_updated.emit()
        if self._phase != SyncPhase.AUTH_REQUIRED and not self._stopped:
            self._debounce.start()

    def logged_in(self) -> None:
        """A new token is in the token store: use it and sync at once."""
        self._engine = None
        self._backoff.reset()
        self._not_before = 0.0
        self._last_error = None
        self._set_phase(SyncPhase.IDLE)
        self.sync_now()

    def settings_changed(self) -> None:
        """Server, user or interval changed: rebuild the engine on the next run."""
        self._engine = None
        self._periodic.setInterval(max(1, self._preferences.sync_interval_minutes) * 60_000)

    def local_status(self) -> LocalSyncStatus | None:
        """Counts from the local store (cheap); None when the engine cannot be built."""
        try:
            return self._current_engine().status()
        except Exception:  # a broken setting must not break the status bar
            log.exception("cannot read the local sync status")
            return None

    def overview(self) -> SyncOverview:
        status = self.local_status()
        next_in = None
        if self._next_attempt_at is not None:
            next_in = max(0.0, self._next_attempt_at - self._clock())
        return SyncOverview(
            phase=self._phase,
            status=status,
            server_url=self._preferences.server_url,
            username=self._preferences.server_user,
            last_error=self._last_error or (status.last_error if status else None),
            next_attempt_in=next_in,
            progress=self._progress if self._task is not None else None,
            cancelled=self._cancelled,
        )

    def cancel(self) -> None:
        """Stop the running sync after the batch under way; nothing is lost, the next run
        (automatic or "Synka nu") goes on from there."""
        if self._task is not None:
            self._task.cancel()

    def shutdown(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Stop the schedule and wait up to `wait_ms` for a running sync; True when none runs.

        A sync still running afterwards is safe to cut off (each engine step is one
        transaction), but the store must stay open until `wait_until_idle` returns.
        """
        self._stopped = True
        for timer in (self._debounce, self._retry, self._periodic):
            timer.stop()
        return self._pool.waitForDone(wait_ms)

    def wait_until_idle(self) -> None:
        """Block until no sync runs (before the store closes)."""
        self._pool.waitForDone(-1)

    # -- running --

    def _current_engine(self) -> Engine:
        if self._engine is None:
            prefs = self._preferences
            token = self._token_store.get(prefs.server_url, prefs.server_user)
            self._engine = self._engine_factory(token)
        return self._engine

    def _run_if_allowed(self, *, automatic: bool) -> None:
        if self._stopped or self._phase == SyncPhase.AUTH_REQUIRED:
            return
        if automatic and self._retry.isActive():
            return  # a retry is already scheduled: it is the next attempt, not sooner
        self._request_run()

    def _request_run(self) -> None:
        if self._stopped:
            return
        if self._task is not None:
            self._again = True
            return
        try:
            engine = self._current_engine()
        except Exception as exc:
            log.exception("cannot build the sync engine")
            self._on_task_failed(exc)
            return
        self._again = False
        self._debounce.stop()
        self._progress = None

        def work(progress: Progress) -> SyncReport:  # on the pool thread
            return engine.sync_once(SyncWatch(progress.report, progress.cancel_event))

        self._task = TrackedTask(work)
        self._task.relay.progressed.connect(self._on_task_progressed)
        self._task.relay.succeeded.connect(self._on_task_succeeded)
        self._task.relay.failed.connect(self._on_task_failed)
        self._set_phase(SyncPhase.SYNCING)
        self._task.start(self._pool)

    @Slot(object)
    def _on_task_progressed(self, progress: SyncProgress) -> None:
        self._progress = progress
        self.progressed.emit(progress)

    @Slot(object)
    def _on_task_succeeded(self, report: SyncReport) -> None:
        self._task = None
        self._cancelled = report.cancelled
        if self._cancelled:
            self._again = False  # the user stopped it: not again at once
        self._backoff.reset()
        self._last_error = None
        self._next_attempt_at = None
        self._set_phase(SyncPhase.IDLE)
        self.finished.emit(report)
        self._run_again_if_asked()

    @Slot(object)
    def _on_task_failed(self, error: Exception) -> None:
        self._task = None
        self._cancelled = False
        self._last_error = str(error) or type(error).__name__
        if isinstance(error, AuthRequired):
            self._again = False
            self._retry.stop()
            self._next_attempt_at = None
            self._set_phase(SyncPhase.AUTH_REQUIRED)
            self.failed.emit(self._last_error)
            self.auth_required.emit()
            return
        if not isinstance(error, SyncError):
            log.error("unexpected sync failure", exc_info=error)
        retry_after = error.retry_after if isinstance(error, ServerBusy) else None
        delay = self._backoff.next_delay(retry_after)
        if retry_after:
            self._not_before = self._clock() + retry_after
        self._schedule_retry(delay)
        self._set_phase(SyncPhase.OFFLINE if isinstance(error, Offline) else SyncPhase.ERROR)
        self.failed.emit(self._last_error)
        self._again = False  # the retry is the next run; a change meanwhile waits for it

    def _schedule_retry(self, delay: float) -> None:
        if self._stopped:
            return
        self._next_attempt_at = self._clock() + delay
        self._retry.start(max(0, round(delay * 1000)))

    def _run_again_if_asked(self) -> None:
        if self._again:
            self._again = False
            self._request_run()

    def _set_phase(self, phase: SyncPhase) -> None:
        self._phase = phase
        self.state_changed.emit(phase)

    # -- timers --

    @Slot()
    def _on_debounce_timeout(self) -> None:
        self._run_if_allowed(automatic=True)

    @Slot()
    def _on_retry_timeout(self) -> None:
        self._next_attempt_at = None
        self._run_if_allowed(automatic=False)

    @Slot()
    def _on_periodic_timeout(self) -> None:
        self._run_if_allowed(automatic=True)
