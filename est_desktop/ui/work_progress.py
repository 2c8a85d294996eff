"""A window-modal progress dialog for long work the user waits for (a report, demo data): the
work runs on the pool as a `TrackedTask`, the window keeps painting, Avbryt asks it to stop."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QThreadPool
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from est_desktop.ui.tasks import Progress, TrackedTask

T = TypeVar("T")


class WorkProgressDialog(QDialog):
    """Shows how far long work is and offers Avbryt (the button, Esc or the close box).

    `run` blocks its caller in a local event loop, not the window: the UI thread keeps
    painting and the rest of the window is shut off by the modality, so nothing re-enters.
    """

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the work says how far it is
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self._task: TrackedTask | None = None
        self._finished_task: TrackedTask | None = None

    def run(self, work: Callable[[Progress], T], pool: QThreadPool | None = None) -> T:
        """`work(progress)` on the pool while the dialog shows; its result, or what it raised
        (`tasks.Cancelled` after Avbryt, when the work checks for it)."""
        outcome: dict[str, object] = {}
        loop = QEventLoop()
        task = TrackedTask(work)
        task.relay.progressed.connect(self._on_task_progressed)
        task.relay.succeeded.connect(
            lambda result: (outcome.setdefault("result", result), loop.quit())
        )
        task.relay.failed.connect(lambda error: (outcome.setdefault("error", error), loop.quit()))
        self._task = task
        self.cancel_button.setEnabled(True)
        self.show()
        task.start(pool)
        loop.exec()
        # Kept until the dialog goes: the pool thread may still be returning from `run`.
        self._task, self._finished_task = None, task
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["result"]  # type: ignore[return-value]

    def set_text(self, text: str, *, cancellable: bool = True) -> None:
        """A new step the user waits for (e.g. drawing on the UI thread, which cannot stop)."""
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(cancellable)

    def end(self) -> None:
        """Close the dialog: the work is over (the caller's `finally`)."""
        self._task = None
        super().reject()
        self.deleteLater()

    def reject(self) -> None:
        """Avbryt asks the work to stop; the dialog stays until the caller's `end`."""
        if self._task is not None and self.cancel_button.isEnabled():
            self._task.cancel()
            self.label.setText(self.tr("Avbryter…"))
            self.cancel_button.setEnabled(False)

    def _on_task_progressed(self, value: object) -> None:
        done, total = value  # type: ignore[misc]
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
