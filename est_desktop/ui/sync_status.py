"""Sync at a glance in the status bar (a coloured dot and a short text), details on click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from est_desktop.sync.progress import SyncProgress, SyncStage
from est_desktop.ui.sync_controller import SyncController, SyncOverview, SyncPhase
from est_desktop.ui.sync_labels import (
    changes_waiting_text,
    conflicts_text,
    full_moment_text,
    moment_text,
)

COLOURS = {
    "ok": "#2e7d32",
    "busy": "#1565c0",
    "quiet": "#757575",
    "attention": "#e65100",
    "error": "#c62828",
}


def summary(overview: SyncOverview | None) -> tuple[str, str]:
    """The one-glance text and its colour key for the status bar."""
    if overview is None or overview.phase == SyncPhase.LOCAL:
        return QCoreApplication.translate("SyncStatus", "Lokalt läge"), "quiet"
    status = overview.status
    waiting = status.waiting if status else 0
    conflicts = status.conflicts if status else 0
    phase = overview.phase
    if phase == SyncPhase.SYNCING:
        return syncing_text(overview.progress), "busy"
    if phase == SyncPhase.AUTH_REQUIRED:
        return QCoreApplication.translate("SyncStatus", "Inloggning krävs"), "attention"
    if phase == SyncPhase.OFFLINE:
        text = QCoreApplication.translate("SyncStatus", "Offline")
        return (text + " – " + changes_waiting_text(waiting) if waiting else text), "quiet"
    if phase == SyncPhase.ERROR:
        text = QCoreApplication.translate("SyncStatus", "Synkfel – försöker igen")
        return (text + " – " + changes_waiting_text(waiting) if waiting else text), "error"
    parts = []
    if overview.cancelled:
        parts.append(QCoreApplication.translate("SyncStatus", "Synken avbröts"))
    if conflicts:
        parts.append(conflicts_text(conflicts))
    if status is not None and status.last_success is not None:
        parts.append(
            QCoreApplication.translate("SyncStatus", "Synkad %1").replace(
                "%1", moment_text(status.last_success)
            )
        )
    else:
        parts.append(QCoreApplication.translate("SyncStatus", "Inte synkad än"))
    if waiting:
        parts.append(changes_waiting_text(waiting))
    return " · ".join(parts), ("attention" if conflicts else "ok")


def syncing_text(progress: SyncProgress | None) -> str:
    """ "Synkar…" and, once the run has said, how far it is."""
    if progress is None:
        return QCoreApplication.translate("SyncStatus", "Synkar…")
    locale = QLocale()
    done = locale.toString(progress.done)
    if progress.stage == SyncStage.PUSH and progress.total:
        text = QCoreApplication.translate("SyncStatus", "Synkar… %1 av %2 ändringar skickade")
        return text.replace("%1", done).replace("%2", locale.toString(progress.total))
    if progress.stage == SyncStage.PUSH:
        return QCoreApplication.translate("SyncStatus", "Synkar… skickar ändringar")
    return QCoreApplication.translate("SyncStatus", "Synkar… %1 poster hämtade").replace("%1", done)


class SyncStatusWidget(QWidget):
    """The status bar's sync state; a click opens the details with "Synka nu"."""

    sync_requested = Signal()
    login_requested = Signal()
    conflicts_requested = Signal()
    cancel_requested = Signal()  # stop the running sync after its batch

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller: SyncController | None = None
        self.dot = QLabel("●")
        self.label = QLabel()
        self.login_link = QLabel("<a href='login'>" + self.tr("Logga in…") + "</a>")
        self.login_link.linkActivated.connect(lambda _link: self.login_requested.emit())
        self.login_link.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        layout.addWidget(self.login_link)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Klicka för detaljer om synkningen"))
        self.details: SyncDetailsDialog | None = None
        self.refresh()

    @property
    def text(self) -> str:
        return self.label.text()

    def set_controller(self, controller: SyncController | None) -> None:
        """Follow `controller`; None means no server is configured ("Lokalt läge")."""
        if self._controller is not None:
            for signal in self._signals(self._controller):
                signal.disconnect(self.refresh)
            self._controller.progressed.disconnect(self._on_controller_progressed)
        self._controller = controller
        if controller is not None:
            for signal in self._signals(controller):
                signal.connect(self.refresh)
            controller.progressed.connect(self._on_controller_progressed)
        self.refresh()

    def _on_controller_progressed(self, progress: SyncProgress) -> None:
        # Only the text: a full refresh counts the outbox, too much a few times a second.
        self.label.setText(syncing_text(progress))
        if self.details is not None:
            self.details.values["state"].setText(syncing_text(progress))

    def overview(self) -> SyncOverview | None:
        return self._controller.overview() if self._controller is not None else None

    def refresh(self, *_: object) -> None:
        overview = self.overview()
        text, colour = summary(overview)
        self.label.setText(text)
        self.dot.setStyleSheet(f"color: {COLOURS[colour]};")
        self.login_link.setVisible(
            overview is not None and overview.phase == SyncPhase.AUTH_REQUIRED
        )
        if self.details is not None:
            self.details.refresh()

    def open_details(self) -> SyncDetailsDialog:
        if self.details is None:
            self.details = SyncDetailsDialog(self.overview, self)
            self.details.sync_requested.connect(self.sync_requested)
            self.details.login_requested.connect(self.login_requested)
            self.details.conflicts_requested.connect(self.conflicts_requested)
            self.details.cancel_requested.connect(self.cancel_requested)
            self.details.finished.connect(self._on_details_finished)
        self.details.refresh()
        self.details.show()
        self.details.raise_()
        return self.details

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_details()
        super().mouseReleaseEvent(event)

    def _on_details_finished(self, *_: object) -> None:
        if self.details is not None:
            self.details.deleteLater()
            self.details = None

    @staticmethod
    def _signals(controller: SyncController) -> tuple:
        return (
            controller.state_changed,
            controller.finished,
            controller.failed,
            controller.status_updated,
        )


class SyncDetailsDialog(QDialog):
    """Server, user, last sync, what waits, conflicts, errors, the next attempt; "Synka nu"."""

    sync_requested = Signal()
    login_requested = Signal()
    conflicts_requested = Signal()
    cancel_requested = Signal()

    def __init__(
        self, overview: Callable[[], SyncOverview | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Synkronisering"))
        self._overview = overview
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in (
            ("state", self.tr("Läge")),
            ("server", self.tr("Server")),
            ("user", self.tr("Användare")),
            ("last_success", self.tr("Senast synkad")),
            ("waiting", self.tr("Ändringar som väntar")),
            ("conflicts", self.tr("Konflikter")),
            ("rejected", self.tr("Avvisade av servern")),
            ("last_error", self.tr("Senaste fel")),
            ("next_attempt", self.tr("Nästa försök")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(label, value)
        self.conflicts_button = QPushButton(self.tr("Visa &konflikter…"))
        self.conflicts_button.clicked.connect(self.conflicts_requested)
        self.login_button = QPushButton(self.tr("&Logga in…"))
        self.login_button.clicked.connect(self.login_requested)
        self.sync_button = QPushButton(self.tr("&Synka nu"))
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(self.sync_requested)
        self.cancel_button = QPushButton(self.tr("&Avbryt synken"))
        self.cancel_button.setToolTip(
            self.tr("Stannar efter den del som skickas eller hämtas nu; inget går förlorat.")
        )
        self.cancel_button.clicked.connect(self.cancel_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (
            self.conflicts_button,
            self.login_button,
            self.cancel_button,
            self.sync_button,
        ):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        # The countdown to the next attempt moves while the dialog is open.
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self.refresh)
        self._ticker.start()
        self.refresh()

    def value(self, key: str) -> str:
        return self.values[key].text()

    def refresh(self) -> None:
        overview = self._overview()
        text, _colour = summary(overview)
        values = self.values
        values["state"].setText(text)
        if overview is None:
            for key in values.keys() - {"state"}:
                values[key].setText("–")
            values["server"].setText(self.tr("Ingen server inställd: allt sparas på datorn."))
            for button in (self.conflicts_button, self.login_button, self.sync_button):
                button.setEnabled(False)
            self.cancel_button.hide()
            return
        status = overview.status
        values["server"].setText(overview.server_url)
        values["user"].setText(overview.username or self.tr("(inget användarnamn)"))
        if status is None:
            for key in ("last_success", "waiting", "conflicts", "rejected"):
                values[key].setText(self.tr("okänt"))
        else:
            values["last_success"].setText(full_moment_text(status.last_success))
            values["waiting"].setText(str(status.waiting))
            values["conflicts"].setText(str(status.conflicts))
            values["rejected"].setText(str(status.rejected))
        values["last_error"].setText(overview.last_error or self.tr("inga"))
        values["next_attempt"].setText(self._next_attempt(overview))
        conflicts = status.conflicts if status else 0
        self.conflicts_button.setEnabled(conflicts > 0)
        auth = overview.phase == SyncPhase.AUTH_REQUIRED
        self.login_button.setVisible(auth)
        self.sync_button.setEnabled(overview.phase != SyncPhase.SYNCING)
        self.cancel_button.setVisible(overview.phase == SyncPhase.SYNCING)

    def _next_attempt(self, overview: SyncOverview) -> str:
        if overview.phase == SyncPhase.SYNCING:
            return self.tr("pågår nu")
        if overview.phase == SyncPhase.AUTH_REQUIRED:
            return self.tr("efter inloggning")
        if overview.next_attempt_in is None:
            return self.tr("vid nästa ändring eller inom några minuter")
        return self.tr("om %1 s").replace("%1", str(round(overview.next_attempt_in)))
