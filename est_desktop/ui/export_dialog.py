"""Exporting from the window: counts to share beyond the partners, or the incidents of the
current filter for the partners' own analysts, as CSV (Excel) or GeoJSON (GIS).

The dialog only gathers choices and says in plain Swedish what the recipient will see; the
files are made by `est_desktop.exports` on a pool thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
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
from est_desktop.domain.incident import LOCAL_TZ, Source
from est_desktop.domain.language import month_abbreviation
from est_desktop.domain.periods import day_bounds
from est_desktop.exports.aggregated import (
    DEFAULT_CELL_M,
    MIN_CELL_M,
    NoWholePeriodError,
    Span,
    aggregate,
    whole_spans,
)
from est_desktop.exports.aggregated_files import write_aggregated_csv, write_aggregated_geojson
from est_desktop.exports.collect import export_incidents
from est_desktop.exports.incidents import write_incidents_csv, write_incidents_geojson
from est_desktop.exports.suppression import MIN_THRESHOLD
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.database import Store
from est_desktop.store.export_log import ExportMade, record_export
from est_desktop.store.incident_samples import incident_sample
from est_desktop.store.incidents import IncidentFilter, IncidentRepository
from est_desktop.ui.tasks import Cancelled, Progress, TrackedTask

AGGREGATED = "aggregated"
INCIDENTS = "incidents"
MAX_CELL_M = 5_000
MAX_THRESHOLD = 50
PROGRESS_EVERY = 1_000  # rows between progress reports and checks for Avbryt


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """Everything one export needs, as values: safe to hand to a pool thread."""

    kind: str  # AGGREGATED or INCIDENTS
    fmt: str  # "csv" or "geojson"
    where: IncidentFilter  # the dialog's filter (for the aggregated export, only its districts)
    first: date  # the aggregated export's days; whole months or weeks inside them count
    last: date
    by: str = "district"
    cell_m: float = DEFAULT_CELL_M
    unit: str = "month"
    threshold: int = MIN_THRESHOLD
    by_group: bool = False
    include_free_text: bool = False
    include_police: bool = False


def write_export(
    store: Store,
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    request: ExportRequest,
    path: Path,
    progress: Progress | None = None,
) -> int:
    """Write `request` to `path`; the number of rows (features) written.

    Runs on any thread that may read the store. NoWholePeriodError, OSError on failure;
    `Cancelled` when `progress` was cancelled, and then no file is left behind.
    """
    try:
        return _write_export(store, taxonomy, districts, request, path, progress)
    except Cancelled:
        path.unlink(missing_ok=True)  # half a file would pass for the whole export
        raise


def _write_export(
    store: Store,
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    request: ExportRequest,
    path: Path,
    progress: Progress | None,
) -> int:
    if request.kind == AGGREGATED:
        start, end = day_bounds(request.first, request.last)
        chosen = request.where.districts
        # Staff reports only, and no text search or narrowing: counts for sharing never rest
        # on free text or police records. Cells are chosen by their centre's district, whole.
        where = IncidentFilter(
            start=start,
            end=end,
            districts=chosen if request.by == "district" else frozenset(),
            sources=frozenset({Source.STAFF.value}),
        )
        sample = incident_sample(store, where)
        if progress is not None:
            progress.check()
        table = aggregate(
            sample,
            taxonomy,
            districts,
            first=request.first,
            last=request.last,
            by=request.by,
            unit=request.unit,
            cell_m=request.cell_m,
            threshold=request.threshold,
            by_group=request.by_group,
            district_codes=tuple(sorted(chosen)),
        )
        write = write_aggregated_csv if request.fmt == "csv" else write_aggregated_geojson
        rows = write(path, table)
        record_export(store, ExportMade(AGGREGATED, request.fmt, rows))  # for the audit log
        return rows
    write_incidents = write_incidents_csv if request.fmt == "csv" else write_incidents_geojson
    records: Iterable = export_incidents(store, request.where)
    if progress is not None:
        total = IncidentRepository(store).count(request.where)
        records = _counted(records, progress, total)
    rows = write_incidents(
        path,
        records,
        taxonomy,
        districts,
        include_free_text=request.include_free_text,
        include_police=request.include_police,
    )
    free_text, police = request.include_free_text, request.include_police
    record_export(store, ExportMade(INCIDENTS, request.fmt, rows, free_text, police))
    return rows


def _counted(records: Iterable, progress: Progress, total: int) -> Iterator:
    """The records, reporting how many have gone by and stopping when cancelled."""
    for done, record in enumerate(records, 1):
        if done % PROGRESS_EVERY == 0:
            progress.check()
            progress.advance(done, max(total, done))
        yield record


def aggregated_days(where: IncidentFilter, today: date) -> tuple[date, date]:
    """The filter's days up to yesterday; with no period, the last twelve whole months."""
    yesterday = today - timedelta(days=1)
    if where.start is None and where.end is None:
        last = today.replace(day=1) - timedelta(days=1)
        first = date(last.year - 1, last.month, 1) + timedelta(days=32)
        return first.replace(day=1), last
    last = yesterday
    if where.end is not None:
        last = min(last, (where.end - timedelta(microseconds=1)).astimezone(LOCAL_TZ).date())
    if where.start is not None:
        first = where.start.astimezone(LOCAL_TZ).date()
    else:
        first = last - timedelta(days=364)
    return first, last


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
        return ExportRequest(
            kind=AGGREGATED if self.aggregated.isChecked() else INCIDENTS,
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
            include_police=self._may_see_police and self.police.isChecked(),
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
            return path, write_export(store, taxonomy, districts, request, path, progress)

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
            self, self.tr("Spara export"), _suggested_name(request), kinds
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
        self.note.setText(self._aggregated_note() if aggregated else self._incidents_note())

    def _aggregated_note(self) -> str:
        request = self.request()
        try:
            spans = whole_spans(request.first, request.last, request.unit)
        except NoWholePeriodError as exc:
            return self.tr("Perioden %1: välj en längre period i listans filter.").replace(
                "%1", str(exc)
            )
        if request.by == "district":
            where = self.tr("distrikt")
        else:
            where = self.tr("ruta på %1 m").replace("%1", f"{request.cell_m:g}")
        when = self.tr("månad") if request.unit == "month" else self.tr("vecka")
        groups = self.tr(" och kategorigrupp") if request.by_group else ""
        return (
            self.tr(
                "Mottagaren ser antal händelser per %1 och %2%3, %4 – %5. Antal under %6 visas "
                "som ”<%6”. Mottagaren ser inga enskilda händelser: inga exakta platser eller "
                "tider, ingen fritext och inga polisens händelser."
            )
            .replace("%1", where)
            .replace("%2", when)
            .replace("%3", groups)
            .replace("%4", self._span_text(spans[0], request.unit))
            .replace("%5", self._span_text(spans[-1], request.unit))
            .replace("%6", str(request.threshold))
        )

    def _span_text(self, span: Span, unit: str) -> str:
        """A month or week as the user's language names it (the files keep Swedish labels)."""
        if unit == "month":
            return f"{month_abbreviation(span.first.month)} {span.first.year}"
        year, week, _ = span.first.isocalendar()
        return self.tr("v. %1 %2").replace("%1", str(week)).replace("%2", str(year))

    def _incidents_note(self) -> str:
        request = self.request()
        note = self.tr(
            "Mottagaren ser varje händelse i listans urval med tid, kategori, distrikt och "
            "exakt läge. Bara för parternas egna analytiker."
        )
        if request.include_free_text:
            note += " " + self.tr(
                "Platsnamn och beskrivning följer med: de kan innehålla namn på personer."
            )
        else:
            note += " " + self.tr("Platsnamn och beskrivning följer inte med.")
        if request.include_police:
            note += " " + self.tr("Polisens händelser följer med.")
        else:
            note += " " + self.tr("Polisens händelser följer inte med.")
        return note


def _suggested_name(request: ExportRequest) -> str:
    suffix = "csv" if request.fmt == "csv" else "geojson"
    if request.kind == AGGREGATED:
        return f"antal-{request.first}-{request.last}.{suffix}"
    return f"handelser.{suffix}"
