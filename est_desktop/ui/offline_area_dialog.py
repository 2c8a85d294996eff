"""Save the map area in view for use without a network: a bounded, polite tile download."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from est_desktop.geo.tile_cache import (
    MAX_OFFLINE_TILES,
    SaveAreaResult,
    TileFetcher,
    area_tile_count,
    area_tiles,
    save_area,
)
from est_desktop.ui.settings_dialog import ERROR_STYLE
from est_desktop.ui.tasks import Task

DEEPEST_ZOOM = 18  # street level; deeper tiles multiply the count for little gain
EXTRA_LEVELS = 3  # the zooms offered below the current one

Bounds = tuple[float, float, float, float]  # south, west, north, east


class _ProgressRelay(QObject):
    advanced = Signal(int, int)  # tiles done, tiles in all; emitted on the pool thread


class OfflineAreaDialog(QDialog):
    """Counts the tiles the area in view needs, refuses too large an area, and saves the tiles
    on a pool thread with progress and Cancel; ends with a summary. The UI never waits."""

    saved = Signal(object)  # the SaveAreaResult, once the work has ended (cancelled too)

    def __init__(
        self,
        fetcher: TileFetcher,
        bounds: Bounds,
        current_zoom: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Spara kartan för användning utan nätverk"))
        self._fetcher = fetcher
        self._bounds = bounds
        self._lowest = max(0, min(current_zoom, DEEPEST_ZOOM))
        self._task: Task | None = None
        self._cancel = threading.Event()
        self._progress = _ProgressRelay(self)
        self._progress.advanced.connect(self._on_progress_advanced)
        self._build_layout()
        self.deepest.setValue(self._deepest_that_fits())
        self._on_deepest_changed()

    def _build_layout(self) -> None:
        intro = QLabel(
            self.tr(
                "Kartbitarna för området som syns nu sparas på datorn, så att kartan fungerar "
                "även utan nätverk."
            )
        )
        intro.setWordWrap(True)
        self.deepest = QSpinBox()
        self.deepest.setRange(self._lowest, min(self._lowest + EXTRA_LEVELS, DEEPEST_ZOOM))
        self.deepest.setToolTip(self.tr("Högre zoomnivå: mer detaljer, fler kartbitar."))
        self.deepest.valueChanged.connect(self._on_deepest_changed)
        self.count_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Spara"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Spara ned till &zoomnivå"), self.deepest)
        form.addRow(self.tr("Kartbitar som behövs"), self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _tile_count(self, deepest: int) -> int:
        return area_tile_count(*self._bounds, self._lowest, deepest)

    def _deepest_that_fits(self) -> int:
        fitting = [
            z
            for z in range(self.deepest.minimum(), self.deepest.maximum() + 1)
            if self._tile_count(z) <= MAX_OFFLINE_TILES
        ]
        return max(fitting, default=self.deepest.minimum())

    def _on_deepest_changed(self, *_: object) -> None:
        count = self._tile_count(self.deepest.value())
        self.count_label.setText(str(count))
        too_large = count > MAX_OFFLINE_TILES
        self.message.setText(
            self.tr(
                "Området är för stort: %1 kartbitar, men högst %2 kan sparas härifrån (kartans "
                "tjänst tillåter inte stora nedladdningar). Zooma in eller välj en lägre "
                "zoomnivå, eller importera en MBTiles-fil från kommunens GIS-avdelning "
                "(Inställningar → Karta)."
            )
            .replace("%1", str(count))
            .replace("%2", str(MAX_OFFLINE_TILES))
            if too_large
            else ""
        )
        self.message.setVisible(too_large)
        self.ok_button.setEnabled(not too_large)

    # -- saving --

    def _on_buttons_accepted(self) -> None:
        if self._task is not None or self._tile_count(self.deepest.value()) > MAX_OFFLINE_TILES:
            return
        fetcher, bounds, lowest = self._fetcher, self._bounds, self._lowest
        deepest, cancel, progress = self.deepest.value(), self._cancel, self._progress

        def work() -> SaveAreaResult:  # on a pool thread: values only, no widgets
            tiles = area_tiles(*bounds, lowest, deepest)
            return save_area(
                fetcher, tiles, progress=progress.advanced.emit, cancelled=cancel.is_set
            )

        self.deepest.setEnabled(False)
        self.ok_button.setEnabled(False)
        self.progress_bar.setRange(0, self._tile_count(deepest))
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self._task = Task(work)
        self._task.relay.succeeded.connect(self._on_task_succeeded)
        self._task.relay.failed.connect(self._on_task_failed)
        self._task.start()

    def _on_progress_advanced(self, done: int, total: int) -> None:
        self.progress_bar.setMaximum(total)
        self.progress_bar.setValue(done)

    def _on_task_succeeded(self, result: SaveAreaResult) -> None:
        text = (
            self.tr("Sparade %1 av %2 kartbitar för användning utan nätverk.")
            .replace("%1", str(result.stored))
            .replace("%2", str(result.total))
        )
        if result.cancelled:
            text = self.tr("Avbrutet.") + " " + text
        elif result.failed:
            text += " " + self.tr(
                "%1 kunde inte hämtas: kontrollera nätverket och försök igen senare."
            ).replace("%1", str(result.failed))
        self._finish(text)
        self.saved.emit(result)

    def _on_task_failed(self, error: Exception) -> None:
        self._finish(self.tr("Kartbitarna kunde inte sparas: %1").replace("%1", str(error)))

    def _finish(self, summary: str) -> None:
        self._task = None
        self.progress_bar.setVisible(False)
        self.summary.setText(summary)
        self.summary.setVisible(True)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))

    def reject(self) -> None:
        """Cancel (the button, Esc or the window's close box) while saving stops the work at
        the next tile; the dialog stays to show what was saved, and to outlive the task."""
        if self._task is None:
            super().reject()
            return
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Avbryter…"))
