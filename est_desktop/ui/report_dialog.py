"""The printed summaries: choose which, for what and when, write the assessment, then preview,
print or save as PDF.

The document is made once per choice (analysis and map picture take a moment) and painted again
for the preview, the printer or the PDF file.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.report_builder import (
    BuiltReport,
    Gathered,
    ReportBuilder,
    ReportKind,
    ReportRequest,
)
from est_desktop.report_log import PDF, PRINTED, note_report
from est_desktop.ui.tasks import Cancelled, Progress
from est_desktop.ui.work_progress import WorkProgressDialog


class ReportDialog(QDialog):
    def __init__(
        self,
        builder: ReportBuilder,
        districts: DistrictLookup,
        *,
        first: date,
        last: date,
        district: str | None,
        made_by: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Skriv ut sammanfattning"))
        self._builder = builder
        self._made_by = made_by
        self._built: tuple[ReportRequest, BuiltReport] | None = None
        self.building: WorkProgressDialog | None = None  # while a report is being made

        self._kinds = QButtonGroup(self)
        kinds = QVBoxLayout()
        for kind, text, hint in (
            (
                ReportKind.SUMMARY,
                self.tr("&Distriktssammanfattning"),
                self.tr("Nyckeltal, utveckling, veckodag och tid, kategorier, platser, karta"),
            ),
            (
                ReportKind.WEEKLY,
                self.tr("&Veckans lägesbild"),
                self.tr("De sju dagarna fram till sista dagen mot snittet av fyra veckor före"),
            ),
            (
                ReportKind.FEEDBACK,
                self.tr("&Återkoppling till personalen"),
                self.tr("En sida med stor text: vad som rapporterats och vad som görs"),
            ),
        ):
            button = QRadioButton(text)
            button.setToolTip(hint)
            button.setProperty("kind", kind.value)
            self._kinds.addButton(button)
            kinds.addWidget(button)
        self._kinds.buttons()[0].setChecked(True)
        self._kinds.buttonToggled.connect(self._on_kind_changed)

        self._first = _date_edit(first)
        self._last = _date_edit(last)
        self._district = QComboBox()
        self._district.addItem(self.tr("Alla distrikt"), None)
        for item in districts.districts():
            self._district.addItem(item.name, item.code)
        self._district.setCurrentIndex(max(self._district.findData(district), 0))
        self.assessment = QPlainTextEdit()
        self.assessment.setPlaceholderText(
            self.tr("Analytikerns bedömning: vad siffrorna betyder och vad som föreslås.")
        )
        self.assessment.setTabChangesFocus(True)

        form = QFormLayout()
        form.addRow(self.tr("Vad"), kinds)
        form.addRow(self.tr("&Från"), self._first)
        form.addRow(self.tr("&Till"), self._last)
        form.addRow(self.tr("D&istrikt"), self._district)
        form.addRow(self.tr("&Bedömning"), self.assessment)

        self.note = QLabel()
        self.note.setWordWrap(True)
        preview = QPushButton(self.tr("Förhands&granska…"))
        preview.clicked.connect(self.preview)
        print_button = QPushButton(self.tr("Skriv &ut…"))
        print_button.clicked.connect(self.print_report)
        save = QPushButton(self.tr("Spara som &PDF…"))
        save.clicked.connect(self.save_pdf)
        close = QPushButton(self.tr("Stäng"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(preview)
        buttons.addWidget(print_button)
        buttons.addWidget(save)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        preview.setDefault(True)
        self.resize(560, 520)

    def request(self) -> ReportRequest:
        first, last = self._first.date().toPython(), self._last.date().toPython()
        code = self._district.currentData()
        return ReportRequest(
            kind=ReportKind(self._kinds.checkedButton().property("kind")),
            first=min(first, last),
            last=max(first, last),
            districts=(code,) if code else (),
            assessment=self.assessment.toPlainText().strip(),
            made_by=self._made_by,
        )

    def choose(self, kind: ReportKind, *, last: date | None = None) -> None:
        for button in self._kinds.buttons():
            button.setChecked(button.property("kind") == kind.value)
        if last is not None:
            self._last.setDate(QDate(last.year, last.month, last.day))

    # -- actions ----------------------------------------------------------------------------

    def preview(self) -> None:
        built = self._build()
        if built is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda target: self._builder.paint(built, target))
        dialog.resize(1000, 900)
        dialog.exec()

    def print_report(self) -> None:
        built = self._build()
        if built is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self._builder.paint(built, printer)
            note_report(self._builder.store, built, PRINTED, police=built.police)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        built = self._build()
        if built is None:
            return None
        if path is None:
            suggested = _suggested_name(self.request())
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Spara som PDF"), suggested, self.tr("PDF (*.pdf)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        # Painted on the UI thread (a fraction of a second): text painted from a worker
        # corrupts Qt's text caches the window's charts use.
        try:
            pages = self._builder.write_built(built, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Kunde inte spara"), str(exc))
            return None
        note_report(self._builder.store, built, PDF, police=built.police)
        self.note.setText(self.tr("Sparad: %1 (%n sidor).", "", pages).replace("%1", str(path)))
        return path

    # -- making -----------------------------------------------------------------------------

    def _build(self) -> BuiltReport | None:
        """The report for the current choice, made once: the reading and analysis on a worker
        behind a progress dialog with Avbryt, the map picture on the UI thread. None when the
        user cancelled or it failed (said in the dialog)."""
        request = self.request()
        if self._built is not None and self._built[0] == request:
            return self._built[1]
        builder = self._builder
        progress = WorkProgressDialog(
            self.tr("Sammanställer"), self.tr("Läser och analyserar händelserna…"), self
        )
        self.building = progress

        def gather(tracked: Progress) -> Gathered:  # on a pool thread: values only
            def step(done: int, total: int) -> None:
                tracked.check()
                tracked.advance(done, total)

            return builder.gather(request, on_step=step)

        try:
            gathered = progress.run(gather)
            if gathered.map_inputs is not None:
                progress.set_text(self.tr("Ritar kartan…"), cancellable=False)
            built = builder.finish(gathered)
        except Cancelled:
            self.note.setText(self.tr("Avbrutet; inget sammanställdes."))
            return None
        except Exception as exc:  # shown, not swallowed: the dialog stays usable
            QMessageBox.warning(self, self.tr("Kunde inte sammanställa"), str(exc))
            return None
        finally:
            progress.end()
            self.building = None
        self._built = (request, built)
        self.note.setText("" if built.map_png else self.tr("Kartan kunde inte ritas."))
        return built

    def _on_kind_changed(self) -> None:
        weekly = self._kinds.checkedButton().property("kind") == ReportKind.WEEKLY.value
        self._first.setEnabled(not weekly)  # the week is the seven days up to "Till"


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), calendarPopup=True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _suggested_name(request: ReportRequest) -> str:
    where = "-".join(request.districts) or "alla"
    names = {
        ReportKind.SUMMARY: "sammanfattning",
        ReportKind.WEEKLY: "lagesbild",
        ReportKind.FEEDBACK: "aterkoppling",
    }
    return f"{names[request.kind]}-{where}-{request.first}-{request.last}.pdf"


def default_period(today: date) -> tuple[date, date]:
    """The last full month: what a summary is usually about."""
    first_of_month = today.replace(day=1)
    last = first_of_month - timedelta(days=1)
    return last.replace(day=1), last
