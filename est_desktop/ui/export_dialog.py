"""Exporting from the window: counts to share beyond the partners, or the incidents of the
current filter for the partners' own analysts, as CSV (Excel) or GeoJSON (GIS).

The dialog only gathers choices and says in plain Swedish what the recipient will see (the
words come from `export_notes`); the files are made by `exports.export_job` on a pool thread.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.exports.aggregated import DEFAULT_CELL_M, MIN_CELL_M, NoWholePeriodError
from est_desktop.exports.export_job import AGGREGATED, INCIDENTS, ExportRequest, write_export
from est_desktop.exports.suppression import MIN_THRESHOLD
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.ui.export_defaults import aggregated_days, suggested_file_name
from est_desktop.ui.export_notes import aggregated_note, incidents_note
from est_desktop.ui.tasks import Cancelled, Progress, TrackedTask

MAX_CELL_M = 5_000
MAX_THRESHOLD = 50


class ExportDialog(QDialog):
    saved = Signal(object, int)  # the file written and its number of rows
    save_failed = Signal(str)  # what went wrong, as shown

    def __init__(
        self,
        store: Store,
        taxonomy: Taxonomy,
        district_lookup: DistrictLookup,
        where: IncidentFilter,
        *,
        may_see_police: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exportera"))
        self._store, self._taxonomy, self._districts = store, taxonomy, district_lookup
        self._where = where
        self._may_see_police = may_see_police
        self._first, self._last = aggregated_days(where, datetime.now(LOCAL_TZ).date())
        self._task: TrackedTask | None = None
        self._build_layout()
        self._update()

    def _build_layout(self) -> None:
        self.aggregated = QRadioButton(self.tr("&Antal för spridning utanför parterna"))
        self.incidents = QRadioButton(self.tr("&Händelserna i urvalet"))
        self._kinds = QButtonGroup(self)
        for button in (self.aggregated, self.incidents):
            self._kinds.addButton(button)
        self.aggregated.setChecked(True)

        self.by = QComboBox()
        self.by.addItem(self.tr("Distrikt"), "district")
        self.by.addItem(self.tr("Rutor"), "cell")
        self.cell_m = QSpinBox()
        self.cell_m.setRange(int(MIN_CELL_M), MAX_CELL_M)
        self.cell_m.setSingleStep(50)
        self.cell_m.setValue(int(DEFAULT_CELL_M))
        self.cell_m.setSuffix(" m")
        self.unit = QComboBox()
        self.unit.addItem(self.tr("Månad"), "month")
        self.unit.addItem(self.tr("Vecka"), "week")
        self.threshold = QSpinBox()
        self.threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold.setToolTip(
            self.tr("Lägre antal än så visas som ”<3”. Minst 3: ”<2” vore exakt en händelse.")
        )
        self.by_group = QCheckBox(self.tr("Dela upp per &kategorigrupp"))
        aggregated_form = QFormLayout()
        aggregated_form.addRow(self.tr("&Indelning"), self.by)
        aggregated_form.addRow(self.tr("R&utans sida"), self.cell_m)
        aggregated_form.addRow(self.tr("&Tidsenhet"), self.unit)
        aggregated_form.addRow(self.tr("&Lägsta antal som visas"), self.threshold)
        aggregated_form.addRow(self.by_group)
        self._aggregated_box = QGroupBox()
        self._aggregated_box.setLayout(aggregated_form)
        self._aggregated_box.setFlat(True)

        self.free_text = QCheckBox(self.tr("Ta med &platsnamn och beskrivning"))
        self.police = QCheckBox(self.tr("Ta med p&olisens händelser"))
        self.police.setEnabled(self._may_see_police)
        if not self._may_see_police:
            self.police.setToolTip(self.tr("Bara för användare som får se polisens händelser."))
        incidents_box = QVBoxLayout()
        incidents_box.addWidget(self.free_text)
        incidents_box.addWidget(self.police)
        self._incidents_box = QGroupBox()
        self._incidents_box.setLayout(incidents_box)
        self._incidents_box.setFlat(True)

        self.format = QComboBox()
        self.format.addItem(self.tr("CSV för Excel"), "csv")
        self.format.addItem(self.tr("GeoJSON för GIS"), "geojson")
        format_form = QFormLayout()
        format_form.addRow(self.tr("&Format"), self.format)

        for signal in (
            self.aggregated.toggled,
            self.by.currentIndexChanged,
            self.cell_m.valueChanged,
            self.unit.currentIndexChanged,
            self.threshold.valueChanged,
            self.by_group.toggled,
            self.free_text.toggled,
            self.police.toggled,
            self.format.currentIndexChanged,
        ):
            signal.connect(self._update)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.save_button = QPushButton(self.tr("&Spara…"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.close_button = QPushButton(self.tr("Stäng"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.aggregated)
        layout.addWidget(self._aggregated_box)
        layout.addWidget(self.incidents)
        layout.addWidget(self._incidents_box)
        layout.addLayout(format_form)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addWidget(self.progress_bar)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)

    def request(self) -> ExportRequest:
        """The choices as they stand; police records only for those who may see them."""
        aggregated = self.aggregated.isChecked()
        return ExportRequest(
            kind=AGGREGATED if aggregated else INCIDENTS,
            fmt=self.format.currentData(),
            where=self._where,
            first=self._first,
            last=self._last,
            by=self.by.currentData(),
            cell_m=float(self.cell_m.value()),
            unit=self.unit.currentData(),
            threshold=self.threshold.value(),
            by_group=self.by_group.isChecked(),
            include_free_text=self.free_text.isChecked(),
            # Counts for sharing outside the partners never rest on police records here.
            include_police=not aggregated and self._may_see_police and self.police.isChecked(),
        )

    # -- saving ------------------------------------------------------------------------------

    def save(self, path: Path) -> TrackedTask | None:
        """Write the export to `path` on a pool thread; `saved` or `save_failed` follows, and
        the status line shows which. None (nothing started) while a save is under way.
        Stäng turns into Avbryt meanwhile."""
        if self._task is not None:
            return None
        store, taxonomy, districts = self._store, self._taxonomy, self._districts
        request = self.request()
        path = Path(path)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Sparar…"))
        self.progress_bar.setRange(0, 0)  # busy until the first count
        self.progress_bar.setVisible(True)
        self.close_button.setText(self.tr("Avbryt"))

        def work(progress: Progress) -> tuple[Path, int]:  # on a pool thread: values only
            def step(done: int, total: int | None) -> None:
                progress.check()  # Avbryt: Cancelled, and the half-written file goes
                if total is not None:
                    progress.advance(done, total)

            written = write_export(store, taxonomy, districts, request, path, step)
            return path, written.rows

        self._task = TrackedTask(work)
        self._task.relay.progressed.connect(self._on_task_progressed)
        self._task.relay.succeeded.connect(self._on_task_succeeded)
        self._task.relay.failed.connect(self._on_task_failed)
        return self._task.start()

    def _on_save_button_clicked(self) -> None:
        request = self.request()
        if request.fmt == "csv":
            kinds = self.tr("CSV för Excel (*.csv)")
        else:
            kinds = self.tr("GeoJSON (*.geojson)")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Spara export"), suggested_file_name(request), kinds
        )
        if chosen:
            self.save(Path(chosen))

    def _on_task_progressed(self, value: tuple[int, int]) -> None:
        done, total = value
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.status.setText(
            self.tr("Sparar… %1 av %2 händelser")
            .replace("%1", self.locale().toString(done))
            .replace("%2", self.locale().toString(total))
        )

    def _end_task(self) -> None:
        self._task = None
        self.progress_bar.setVisible(False)
        self.save_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Stäng"))

    def _on_task_succeeded(self, result: tuple[Path, int]) -> None:
        self._end_task()
        path, rows = result
        self.status.setText(self.tr("Sparad: %1 (%Ln rader)", "", rows).replace("%1", str(path)))
        self.saved.emit(path, rows)

    def _on_task_failed(self, error: object) -> None:
        self._end_task()
        if isinstance(error, Cancelled):
            text = self.tr("Exporten avbröts; ingen fil sparades.")
        elif isinstance(error, NoWholePeriodError):
            text = self.tr("Perioden %1; den aggregerade exporten räknar bara hela perioder.")
        elif isinstance(error, OSError):
            text = self.tr("Filen kunde inte skrivas: %1")
        else:
            text = self.tr("Exporten misslyckades: %1")
        text = text.replace("%1", str(error))
        self.status.setText(text)
        self.save_failed.emit(text)

    def reject(self) -> None:
        """While saving, Avbryt (the button, Esc or the close box) stops the export and the
        dialog stays: the task must report back to a living dialog."""
        if self._task is None:
            super().reject()
        elif not self._task.cancelled:
            self._task.cancel()
            self.close_button.setEnabled(False)
            self.status.setText(self.tr("Avbryter…"))

    # -- showing -----------------------------------------------------------------------------

    def _update(self, *_: object) -> None:
        aggregated = self.aggregated.isChecked()
        self._aggregated_box.setEnabled(aggregated)
        self._incidents_box.setEnabled(not aggregated)
        self.police.setEnabled(not aggregated and self._may_see_police)
        self.cell_m.setEnabled(self.by.currentData() == "cell")
        request = self.request()
        self.note.setText(aggregated_note(request) if aggregated else incidents_note(request))
