"""The joint measures (pulled from the server) and the follow-up of the one selected: did the
incidents it aims at change in its area, compared with the rest of its district?

The follow-up itself is analysis/follow_up.py; this panel reads the incidents it needs off the
UI thread and shows the counts and the verdict in plain Swedish.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from html import escape

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from est_desktop.analysis.follow_up import FollowUp, follow_up
from est_desktop.domain.actor import Actor
from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.domain.measure import Measure, MeasureStatus
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.incident_samples import incident_sample
from est_desktop.store.incident_service import IncidentService
from est_desktop.store.incidents import IncidentFilter
from est_desktop.store.measures import MeasureRepository
from est_desktop.ui.measure_dialog import MeasureDialog
from est_desktop.ui.tasks import Task

STATUS_TEXTS = {
    MeasureStatus.PLANNED: "Planerad",
    MeasureStatus.ONGOING: "Pågår",
    MeasureStatus.DONE: "Avslutad",
}


class MeasuresPanel(QWidget):
    followed_up = Signal(object)  # the FollowUp shown, or the error text
    recorded = Signal(object)  # a Measure entered here (to be synced)

    def __init__(
        self,
        incidents: IncidentService,
        districts: DistrictLookup,
        *,
        actor: Callable[[], Actor] = lambda: Actor("", ""),
        may_decide: Callable[[], bool] = lambda: False,
        today: Callable[[], date] = lambda: datetime.now(LOCAL_TZ).date(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._incidents = incidents
        self._districts = districts
        self._today = today
        self._actor = actor
        codes = frozenset(d.code for d in districts.districts())
        self._repository = MeasureRepository(
            incidents.store, taxonomy=incidents.taxonomy, district_codes=codes
        )
        self._measures: list[Measure] = []
        self._task: Task | None = None

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Åtgärd"),
                self.tr("Distrikt"),
                self.tr("Status"),
                self.tr("Tid"),
                self.tr("Ansvarig"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # New measures only: an edit of a synced measure could be overwritten by a pull until
        # measures keep the server's version aside as incidents do. Offered to those the
        # server lets decide measures (analysts, admins): anyone else's would be refused.
        self._may_decide = may_decide
        self.new_button = QPushButton(self.tr("&Ny åtgärd…"))
        self.new_button.clicked.connect(self.new_measure)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        """Read the measures again (after a sync or a sign-in)."""
        self.new_button.setVisible(self._may_decide())
        self._measures = self._repository.live()
        self.table.setRowCount(len(self._measures))
        for row, measure in enumerate(self._measures):
            draft = measure.draft
            period = draft.start_date.isoformat() if draft.start_date else ""
            if draft.end_date:
                period += " – " + draft.end_date.isoformat()
            values = (
                draft.title,
                self._districts.name_of(draft.district) if draft.district else "",
                self.tr(STATUS_TEXTS[draft.status]),
                period,
                draft.responsible_organisation,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if not self._measures:
            self.detail.setText(
                "<i>"
                + escape(
                    self.tr(
                        "Inga åtgärder ännu. Åtgärder beslutas av analytikerna och "
                        "kommer hit när datorn synkar."
                    )
                )
                + "</i>"
            )

    def new_measure(self) -> MeasureDialog:
        dialog = MeasureDialog(
            self._repository,
            self._incidents.taxonomy,
            self._districts,
            self._actor(),
            parent=self,
        )
        dialog.saved.connect(self._on_recorded)
        dialog.show()
        return dialog

    def _on_recorded(self, measure: Measure) -> None:
        self.refresh()
        self.recorded.emit(measure)

    def _on_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self._task is not None:
            return
        measure = self._measures[rows[0].row()]
        self.detail.setText(escape(self.tr("Följer upp…")))
        self._task = Task(lambda: self.follow(measure))
        self._task.relay.succeeded.connect(self._show)
        self._task.relay.failed.connect(self._show_problem)
        self._task.start()

    def follow(self, measure: Measure) -> FollowUp:
        """Off the UI thread: the incidents of the measure's time, then its follow-up."""
        draft = measure.draft
        today = self._today()
        start = draft.start_date or today
        before = start - (today - start) - timedelta(days=1)
        where = IncidentFilter(
            start=datetime.combine(before, datetime.min.time(), LOCAL_TZ),
            end=datetime.combine(today, datetime.min.time(), LOCAL_TZ),
        )
        sample = incident_sample(self._incidents.store, where)
        return follow_up(sample, measure, district_lookup=self._districts, today=today)

    def _show(self, result: FollowUp) -> None:
        self._task = None
        locale = QLocale()
        rows = [
            (self.tr("Före"), result.before.label, result.area_before, result.control_before),
            (
                self.tr("Under och efter"),
                result.after.label,
                result.area_after,
                result.control_after,
            ),
        ]
        control = escape(result.control_label or self.tr("ingen kontroll"))
        table = "".join(
            f"<tr><td>{escape(name)}</td><td>{escape(span)}</td>"
            f"<td align=right>{locale.toString(area)}</td>"
            f"<td align=right>{'–' if other is None else locale.toString(other)}</td></tr>"
            for name, span, area, other in rows
        )
        self.detail.setText(
            f"<p><b>{escape(result.text)}</b></p>"
            f"<table cellspacing=4><tr><th></th><th align=left>{self.tr('Period')}</th>"
            f"<th>{self.tr('I åtgärdens område')}</th><th>{control}</th></tr>{table}</table>"
        )
        self.followed_up.emit(result)

    def _show_problem(self, problem: object) -> None:
        self._task = None
        self.detail.setText(escape(str(problem)))
        self.followed_up.emit(str(problem))
