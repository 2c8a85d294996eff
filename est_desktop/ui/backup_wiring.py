"""Automatic backups while the window runs, and the restore action of the Arkiv menu.

A backup is taken at start (unless one was taken within the last hour) and whenever the newest
is a day old, checked every hour by a timer; each runs on a pool thread, so the window never
waits for it. A restore stops sync, waits for a backup under way, replaces the store's contents
and starts sync again; the window then refreshes everything from the restored store.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from est_desktop.store.backup import BACKUP_EVERY, BackupFile, Backups, default_folder
from est_desktop.store.database import Store
from est_desktop.store.errors import StoreError
from est_desktop.store.restore import restore_open_store
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.restore_dialog import RestoreDialog
from est_desktop.ui.sync_wiring import SyncWiring
from est_desktop.ui.tasks import Task

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 3600 * 1000
# A start within this time of the last backup takes none (several restarts in a row).
START_GAP = timedelta(hours=1)
MESSAGE_TIMEOUT_MS = 10_000


class BackupWiring(QObject):
    """Lives on the UI thread; one backup or restore at a time."""

    backup_taken = Signal(object)  # BackupFile
    restored = Signal(object)  # the safety copy (BackupFile): every view must reload
    restore_failed = Signal(object)  # the exception; nothing was changed

    def __init__(
        self, window: QMainWindow, store: Store, preferences: Preferences, sync: SyncWiring
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._preferences = preferences
        self._sync = sync
        self._copying = threading.Lock()  # held by the worker while it copies
        self._task: Task | None = None  # a backup under way
        self._restore_task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

    def add_actions(self, menu: QMenu) -> None:
        """Arkiv › Säkerhetskopiera nu and Återställ från säkerhetskopia…"""
        for text, slot in (
            (self.tr("Säkerhets&kopiera nu"), self.take_now),
            (self.tr("Åte&rställ från säkerhetskopia…"), self.open_restore_dialog),
        ):
            action = QAction(text, self._window)
            action.triggered.connect(slot)
            menu.addAction(action)

    def backups(self) -> Backups:
        """The store's backups, in the folder the settings name (read each time: it may
        change while the window is open)."""
        chosen = self._preferences.backup_folder
        folder = Path(chosen) if chosen else default_folder(self._store.path.parent)
        return Backups(self._store.path, folder)

    def start(self) -> None:
        """Begin automatic backups: one now unless a recent one exists, then daily."""
        self._take_if_due(START_GAP)
        self.timer.start()

    def take_now(self) -> None:
        """A backup now, whatever the age of the last one (Arkiv › Säkerhetskopiera nu)."""
        self._take_if_due(timedelta(0))

    def open_restore_dialog(self) -> RestoreDialog:
        dialog = RestoreDialog(self.backups(), self.restore, parent=self._window)
        self.restored.connect(dialog.restore_finished)
        self.restore_failed.connect(dialog.restore_failed)
        dialog.show()
        return dialog

    def restore(self, backup: Path) -> None:
        """Replace the store's contents with `backup` on a worker, sync stopped meanwhile;
        `restored` or `restore_failed` tells the outcome."""
        self._sync.shutdown()
        self._sync.wait_until_idle()
        store, backups, copying = self._store, self.backups(), self._copying

        def work() -> BackupFile:
            with copying:  # after a backup under way
                return restore_open_store(store, backups, backup)

        self._restore_task = Task(work)
        self._restore_task.relay.succeeded.connect(self._on_restore_task_succeeded)
        self._restore_task.relay.failed.connect(self._on_restore_task_failed)
        self._restore_task.start()

    def _on_restore_task_succeeded(self, safety: BackupFile) -> None:
        self._sync.start()
        self._sync.records_changed.emit()  # every view reloads from the restored store
        self.restored.emit(safety)
        self._show(
            self.tr("Datalagret är återställt. Det tidigare finns kvar i %1.").replace(
                "%1", safety.path.name
            )
        )

    def _on_restore_task_failed(self, error: Exception) -> None:
        log.error("restore failed: %s", error)
        self._sync.start()
        self.restore_failed.emit(error)

    # -- inside --

    def _on_timer_timeout(self) -> None:
        self._take_if_due(BACKUP_EVERY)

    def _take_if_due(self, gap: timedelta) -> None:
        if self._task is not None:
            return
        backups, copying = self.backups(), self._copying

        def work() -> BackupFile | None:
            with copying:
                return backups.take() if backups.due(every=gap) else None

        self._task = Task(work)
        self._task.relay.succeeded.connect(self._on_task_succeeded)
        self._task.relay.failed.connect(self._on_task_failed)
        self._task.start()

    def _on_task_succeeded(self, taken: BackupFile | None) -> None:
        self._task = None
        if taken is not None:
            self.backup_taken.emit(taken)

    def _on_task_failed(self, error: Exception) -> None:
        self._task = None
        reason = error.message if isinstance(error, StoreError) else str(error)
        log.error("backup failed: %s", reason)
        self._show(self.tr("Säkerhetskopian kunde inte göras: %1").replace("%1", reason))

    def _show(self, text: str) -> None:
        self._window.statusBar().showMessage(text, MESSAGE_TIMEOUT_MS)
