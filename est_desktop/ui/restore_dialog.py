"""Arkiv › Återställ från säkerhetskopia…: the backups listed, one chosen, and a confirmation
that says what would be lost before anything is replaced.

Counting what a backup holds and comparing it with the store read files of any size, so they
run on a worker (`ui.tasks.Task`), as does the restore itself, through the `restore` callable
the window's backup wiring hands in (it stops sync first and restarts it after). The dialog is
modal: nothing in the window touches the store while it is replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.incident import TimePrecision
from est_desktop.store.backup import BackupContents, BackupError, BackupFile, BackupKind, Backups
from est_desktop.store.errors import StoreError
from est_desktop.store.restore import RestoreLoss, what_restoring_loses
from est_desktop.ui.incident_table_model import format_time
from est_desktop.ui.tasks import Task

COLUMNS = 5  # taken, kind, size, incidents, unsynced changes


def _contents_of(backups: Backups, listed: list[BackupFile]) -> list[BackupContents | None]:
    """What each backup holds; None for one that cannot be read. Worker thread."""
    found: list[BackupContents | None] = []
    for backup in listed:
        try:
            found.append(backups.contents(backup.path))
        except BackupError:
            found.append(None)
    return found


class RestoreDialog(QDialog):
    restored = Signal(object)  # the safety copy (BackupFile) of the store as it was

    def __init__(
        self,
        backups: Backups,
        restore: Callable[[Path], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Återställ från säkerhetskopia"))
        self.setModal(True)
        self._backups = backups
        self._restore = restore
        self._listed = backups.list()
        self._task: Task | None = None  # a comparison under way
        self._restoring = False
        self._count_task: Task | None = None

        intro = QLabel(
            self.tr(
                "Välj den säkerhetskopia som datalagret ska återställas till. Innan något "
                "ersätts får du se vad som försvinner, och datalagret som det är nu sparas "
                "som en egen säkerhetskopia."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self._listed), COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Tidpunkt"),
                self.tr("Slag"),
                self.tr("Storlek"),
                self.tr("Händelser"),
                self.tr("Ej synkade ändringar"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.table.doubleClicked.connect(self.restore_selected)
        self._fill_table()

        self.folder_label = QLabel(
            self.tr("Mapp: %1").replace("%1", str(backups.folder))
            if self._listed
            else self.tr("Det finns inga säkerhetskopior i %1 ännu.").replace(
                "%1", str(backups.folder)
            )
        )
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.restore_button = QPushButton(self.tr("&Återställ…"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        open_folder = QPushButton(self.tr("Öppna &mappen"))
        open_folder.setEnabled(backups.folder.is_dir())
        open_folder.clicked.connect(self._open_folder)
        buttons.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 420)
        if self._listed:
            self._count_contents()

    def selected_backup(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self._listed[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        """Compare the chosen backup with the store (on a worker), then ask."""
        backup = self.selected_backup()
        if backup is None or self._task is not None or self._restoring:
            return
        self._busy(self.tr("Jämför säkerhetskopian med datalagret…"))
        store_path = self._backups.store_path
        self._task = Task(lambda: what_restoring_loses(store_path, backup.path))
        self._task.relay.succeeded.connect(lambda loss: self._on_compared(backup, loss))
        self._task.relay.failed.connect(self._on_task_failed)
        self._task.start()

    def confirm_restore(self, backup: BackupFile, loss: RestoreLoss) -> bool:
        """Ask before restoring; tests replace this to answer without a dialog."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Återställ från säkerhetskopia"),
            self.tr("Återställa datalagret till säkerhetskopian från %1?").replace(
                "%1", self._when(backup)
            ),
            parent=self,
        )
        box.setInformativeText(self.loss_text(loss))
        restore = box.addButton(self.tr("Återställ"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is restore

    def loss_text(self, loss: RestoreLoss) -> str:
        """What the confirmation says will be lost, in whole sentences."""
        lines = []
        if loss.incidents_after:
            text = self.tr("Händelser sparade efter säkerhetskopian: %1").replace(
                "%1", str(loss.incidents_after)
            )
            if loss.on_server:
                text += " " + self.tr(
                    "(%1 av dem finns på servern och hämtas igen vid nästa synk)"
                ).replace("%1", str(loss.on_server))
            lines.append("• " + text)
        if loss.unsynced:
            lines.append(
                "• "
                + self.tr("Ändringar som ännu inte har synkats till servern: %1").replace(
                    "%1", str(loss.unsynced)
                )
            )
        head = (
            self.tr("Detta försvinner ur datalagret:")
            if lines
            else self.tr("Datalagret har inget som saknas i säkerhetskopian.")
        )
        tail = self.tr(
            "Datalagret som det är nu sparas först som en säkerhetskopia "
            "(»före återställning«), så återställningen kan ångras."
        )
        return "\n".join([head, *lines, "", tail])

    # -- inside --

    def _fill_table(self) -> None:
        locale = QLocale()
        for row, backup in enumerate(self._listed):
            kind = (
                self.tr("Före återställning")
                if backup.kind is BackupKind.SAFETY
                else self.tr("Automatisk")
            )
            size = locale.formattedDataSize(backup.size)
            for column, text in enumerate((self._when(backup), kind, size, "…", "…")):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)

    def _count_contents(self) -> None:
        backups, listed = self._backups, list(self._listed)
        self._count_task = Task(lambda: _contents_of(backups, listed))
        self._count_task.relay.succeeded.connect(self._on_counted)
        self._count_task.start()

    def _on_counted(self, found: list[BackupContents | None]) -> None:
        locale = QLocale()
        for row, contents in enumerate(found):
            if contents is None:
                self.table.item(row, 3).setText(self.tr("oläslig"))
                self.table.item(row, 4).setText("")
                continue
            self.table.item(row, 3).setText(locale.toString(contents.incidents))
            self.table.item(row, 4).setText(locale.toString(contents.unsynced))

    def _on_compared(self, backup: BackupFile, loss: RestoreLoss) -> None:
        self._task = None
        self._idle()
        if not self.confirm_restore(backup, loss):
            self.status.setText(self.tr("Inget har ändrats."))
            return
        self._busy(self.tr("Återställer… Med ett stort datalager kan det ta någon minut."))
        self._restoring = True
        self._restore(backup.path)

    def restore_finished(self, safety: BackupFile) -> None:
        """A restore is done: this dialog's, if it asked for one."""
        if not self._restoring:
            return
        self._restoring = False
        self.restored.emit(safety)
        self.accept()

    def restore_failed(self, error: Exception) -> None:
        if not self._restoring:
            return
        self._restoring = False
        self._on_task_failed(error)

    def reject(self) -> None:
        if self._task is None and not self._restoring:
            super().reject()

    def _on_task_failed(self, error: Exception) -> None:
        self._task = None
        self._idle()
        message = error.message if isinstance(error, StoreError) else str(error)
        self.status.setText(self.tr("Inget har ändrats."))
        QMessageBox.warning(self, self.tr("Återställningen gick inte"), message)

    def _on_table_item_selection_changed(self) -> None:
        idle = self._task is None and not self._restoring
        self.restore_button.setEnabled(self.selected_backup() is not None and idle)

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        self.restore_button.setEnabled(False)

    def _idle(self) -> None:
        self.status.setText("")
        self._on_table_item_selection_changed()

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._backups.folder)))

    @staticmethod
    def _when(backup: BackupFile) -> str:
        return format_time(backup.taken_at, TimePrecision.EXACT.value)
