"""The joint measures (pulled from the server) and the follow-up of the one selected: did the
incidents it aims at change in its area, compared with the rest of its district or with a
control area the analyst draws on the map (remembered on this PC with the measure)?

The follow-up itself is analysis/follow_up.py; this panel reads the incidents it needs off the
UI thread and shows the counts and the verdict in plain Swedish.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from html import escape

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
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
from est_desktop.domain.drawn_area import DrawnArea, check_drawn_area
from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.domain.measure import Measure
from est_desktop.domain.organisations import responsible_label
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_samples import incident_sample
from est_desktop.store.incident_service import IncidentService
from est_desktop.store.measures import MeasureRepository
from est_desktop.ui.area_drawing import AreaDrawer, describe_area, problem_texts
from est_desktop.ui.measure_choices import STATUS_LABELS
from est_desktop.ui.measure_dialog import MeasureDialog
from est_desktop.ui.tasks import Task


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
        self._follow_again = False  # the selection or its control area changed meanwhile
        self._drawing: AreaDrawer | None = None

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
        # Offered to those the server lets decide measures (analysts, admins): anyone else's
        # changes would be refused. An edit is never overwritten by a sync: a measure changed
        # on the server meanwhile goes to the conflicts dialog (measure_sync.py).
        self._may_decide = may_decide
        self.new_button = QPushButton(self.tr("&Ny åtgärd…"))
        self.new_button.clicked.connect(self.new_measure)
        self.edit_button = QPushButton(self.tr("Ä&ndra åtgärd…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.sync_label = QLabel()
        self.sync_label.setWordWrap(True)
        self.sync_label.setStyleSheet("color: #8a1c1c;")
        self.control_label = QLabel()
        self.control_label.setWordWrap(True)
        self.draw_control_button = QPushButton(self.tr("Rita &kontrollområde…"))
        self.draw_control_button.setToolTip(
            self.tr("Rita på kartan det område som åtgärdens område ska jämföras med.")
        )
        self.draw_control_button.clicked.connect(self.draw_control_area)
        self.district_control_button = QPushButton(self.tr("Jämför med &resten av distriktet"))
        self.district_control_button.clicked.connect(self.use_district_as_control)
        controls = QHBoxLayout()
        controls.addWidget(self.draw_control_button)
        controls.addWidget(self.district_control_button)
        controls.addStretch(1)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.sync_label)
        below_layout.addWidget(self.control_label)
        below_layout.addLayout(controls)
        below_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(below)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(splitter)
        self.refresh()

    def set_area_drawer(self, drawing: AreaDrawer) -> None:
        """The map's drawing, for measure areas and control areas (none without a map)."""
        self._drawing = drawing
        self._show_control()

    def refresh(self) -> None:
        """Read the measures again (after a sync or a sign-in)."""
        self.new_button.setVisible(self._may_decide())
        self.edit_button.setVisible(self._may_decide())
        self._measures = self._repository.live()
        states = self._repository.sync_states()
        self.table.setRowCount(len(self._measures))
        for row, measure in enumerate(self._measures):
            draft = measure.draft
            period = draft.start_date.isoformat() if draft.start_date else ""
            if draft.end_date:
                period += " – " + draft.end_date.isoformat()
            values = (
                draft.title,
                self._districts.name_of(draft.district) if draft.district else "",
                self._status_text(measure, states.get(str(measure.id))),
                period,
                responsible_label(draft.responsible_organisation),
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self._show_control()
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
            drawing=self._drawing,
        )
        dialog.saved.connect(self._on_recorded)
        dialog.show()
        return dialog

    def edit_selected(self) -> MeasureDialog | None:
        """The selected measure in the form; saved, the change waits for the next sync."""
        measure = self.selected_measure()
        if measure is None:
            return None
        dialog = MeasureDialog(
            self._repository,
            self._incidents.taxonomy,
            self._districts,
            self._actor(),
            measure,
            parent=self,
            drawing=self._drawing,
        )
        dialog.saved.connect(self._on_recorded)
        dialog.show()
        return dialog

    def _status_text(self, measure: Measure, state: str | None) -> str:
        text = QCoreApplication.translate("MeasureDialog", STATUS_LABELS[measure.draft.status])
        note = {
            "waiting": self.tr("väntar på synk"),
            "conflict": self.tr("konflikt – se Synk › Konflikter"),
            "rejected": self.tr("ändringen avvisades av servern"),
        }.get(state or "")
        return f"{text} ({note})" if note else text

    def _on_recorded(self, measure: Measure) -> None:
        self.refresh()
        self.recorded.emit(measure)

    def selected_measure(self) -> Measure | None:
        rows = self.table.selectionModel().selectedRows()
        return self._measures[rows[0].row()] if rows else None

    # -- the control area -------------------------------------------------------------------

    def draw_control_area(self) -> bool:
        """Draw (or redraw) the selected measure's control area on the map; each shape drawn
        is remembered and the follow-up made again. False without a measure or a map."""
        measure = self.selected_measure()
        if measure is None or self._drawing is None:
            return False
        current = self._repository.control_area(measure.id)
        return self._drawing.start(
            "polygon",
            "control",
            None if current is None else DrawnArea.from_geometry(current),
            lambda area: self._on_control_drawn(measure, area),
            self._show_control,
            district=measure.draft.district,
        )

    def use_district_as_control(self) -> None:
        measure = self.selected_measure()
        if measure is None:
            return
        if self._drawing is not None:
            self._drawing.stop()
        self._repository.set_control_area(measure.id, None)
        self._follow_selected()

    def _on_control_drawn(self, measure: Measure, area: DrawnArea) -> None:
        if problems := problem_texts(check_drawn_area(area)):
            self.control_label.setText(" ".join(problems))
            return
        self._repository.set_control_area(measure.id, area.geometry())
        if measure == self.selected_measure():
            self._follow_selected()

    def _show_control(self) -> None:
        measure = self.selected_measure()
        chosen = None if measure is None else self._repository.control_area(measure.id)
        if measure is None:
            text = ""
        elif chosen is None:
            text = self.tr("Kontrollområde: resten av distriktet.")
        else:
            area = describe_area(DrawnArea.from_geometry(chosen))
            text = self.tr("Kontrollområde: ritat på kartan (%1).").replace("%1", area)
        self.control_label.setText(text)
        self.edit_button.setEnabled(measure is not None)
        reasons = None if measure is None else self._repository.rejection(measure.id)
        self.sync_label.setVisible(reasons is not None)
        if reasons is not None:
            why = "; ".join(reason for reason in reasons.values() if reason)
            self.sync_label.setText(
                self.tr(
                    "Servern tog inte emot den senaste ändringen%1. Den finns kvar här."
                ).replace("%1", f": {why}" if why else "")
            )
        self.draw_control_button.setEnabled(measure is not None and self._drawing is not None)
        self.district_control_button.setEnabled(chosen is not None)

    # -- the follow-up ------------------------------------------------------------------------

    def _on_selected(self) -> None:
        if self._drawing is not None:  # a control area being drawn was another measure's
            self._drawing.stop()
        self._follow_selected()

    def _follow_selected(self) -> None:
        self._show_control()
        measure = self.selected_measure()
        if measure is None:
            return
        if self._task is not None:  # one at a time; the latest selection wins
            self._follow_again = True
            return
        self.detail.setText(escape(self.tr("Följer upp…")))
        self._task = Task(lambda: self.follow(measure))
        self._task.relay.succeeded.connect(self._show)
        self._task.relay.failed.connect(self._show_problem)
        self._task.start()

    def follow(self, measure: Measure) -> FollowUp:
        """Off the UI thread: the incidents of the measure's time, then its follow-up against
        the control area picked for it, else the rest of its district."""
        draft = measure.draft
        today = self._today()
        start = draft.start_date or today
        before = start - (today - start) - timedelta(days=1)
        where = IncidentFilter(
            start=datetime.combine(before, datetime.min.time(), LOCAL_TZ),
            end=datetime.combine(today, datetime.min.time(), LOCAL_TZ),
        )
        sample = incident_sample(self._incidents.store, where)
        control = self._repository.control_area(measure.id) or "district"
        return follow_up(
            sample, measure, district_lookup=self._districts, control=control, today=today
        )

    def _finished(self) -> bool:
        """The task is done; False (and the follow-up made again) when it is already stale."""
        self._task = None
        if self._follow_again:
            self._follow_again = False
            self._follow_selected()
            return False
        return True

    def _show(self, result: FollowUp) -> None:
        if not self._finished():
            return
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
        period = self.tr("Period")  # outside the f-string, where lupdate sees it
        in_area = self.tr("I åtgärdens område")
        table = "".join(
            f"<tr><td>{escape(name)}</td><td>{escape(span)}</td>"
            f"<td align=right>{locale.toString(area)}</td>"
            f"<td align=right>{'–' if other is None else locale.toString(other)}</td></tr>"
            for name, span, area, other in rows
        )
        self.detail.setText(
            f"<p><b>{escape(result.summary)}</b></p>"
            f"<table cellspacing=4><tr><th></th><th align=left>{escape(period)}</th>"
            f"<th>{escape(in_area)}</th><th>{control}</th></tr>{table}</table>"
        )
        self.followed_up.emit(result)

    def _show_problem(self, problem: object) -> None:
        if not self._finished():
            return
        self.detail.setText(escape(str(problem)))
        self.followed_up.emit(str(problem))
