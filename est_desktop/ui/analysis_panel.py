"""The analysis panel: key numbers with honest comparisons, the trend, weekday × hour, category
groups and top places for what the shared filter selects.

It follows the filter above the list and the map, and drives it back: a click on a trend bar
picks that week or month, on a group bar that group, on a cell or a place just those incidents.
The numbers come from analysis/ (pure), read off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import numpy as np
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QMargins, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from est_desktop.analysis.breakdown import in_period, local_weekday_hour, period
from est_desktop.analysis.comparison import change_text
from est_desktop.analysis.hotspots import same_cell
from est_desktop.analysis.results import DistrictSummary, IncidentSample
from est_desktop.analysis.summary import sample_windows, summarise
from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import PlaceIndex
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_samples import incident_sample
from est_desktop.store.incident_service import IncidentService
from est_desktop.ui.tasks import Task

RELOAD_DELAY_MS = 200
DEFAULT_DAYS = 365  # "all time" in the filter: the analysis looks at the last year
BAR = QColor("#1f3a5f")
WEEKDAYS = (  # translated when shown
    QT_TRANSLATE_NOOP("AnalysisPanel", "mån"),
    QT_TRANSLATE_NOOP("AnalysisPanel", "tis"),
    QT_TRANSLATE_NOOP("AnalysisPanel", "ons"),
    QT_TRANSLATE_NOOP("AnalysisPanel", "tor"),
    QT_TRANSLATE_NOOP("AnalysisPanel", "fre"),
    QT_TRANSLATE_NOOP("AnalysisPanel", "lör"),
    QT_TRANSLATE_NOOP("AnalysisPanel", "sön"),
)


@dataclass(frozen=True, slots=True)
class _Analysis:
    summary: DistrictSummary
    sample: IncidentSample  # the period's incidents, for turning a click into a filter
    local_weekday: np.ndarray
    local_hour: np.ndarray  # -1 where only the day is known


class AnalysisPanel(QWidget):
    """Shown in a dock of the main window; `filter_bar` is the shared filter it drives."""

    analysed = Signal(object)  # the DistrictSummary shown (reports take it from here)

    def __init__(
        self,
        incidents: IncidentService,
        districts: DistrictLookup,
        places: PlaceIndex,
        *,
        today: Callable[[], date] = lambda: datetime.now(LOCAL_TZ).date(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._incidents = incidents
        self._districts = districts
        self._places = places
        self._today = today
        self._filter = IncidentFilter()
        self._analysis: _Analysis | None = None
        self._task: Task | None = None
        self._again = False
        self._stale = True
        self.filter_bar = None  # set by the window: the IncidentFilterBar to drive

        self._timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._timer.timeout.connect(self.reload_now)

        self.heading = QLabel()
        self.heading.setObjectName("analysisHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.numbers = QLabel()
        self.numbers.setWordWrap(True)
        self.numbers.setTextFormat(Qt.TextFormat.RichText)

        self.trend = self._chart_view()
        self.groups = self._chart_view()
        self.matrix = QTableWidget(7, 24)
        self._build_matrix()
        self.places = QTableWidget(0, 2)
        self.places.setHorizontalHeaderLabels([self.tr("Plats"), self.tr("Antal")])
        self.places.verticalHeader().hide()
        self.places.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.places.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.places.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.places.cellClicked.connect(self._on_place_clicked)

        grid = QGridLayout()
        grid.addWidget(self._titled(self.tr("Utveckling"), self.trend), 0, 0)
        grid.addWidget(self._titled(self.tr("Kategorigrupper"), self.groups), 0, 1)
        grid.addWidget(self._titled(self.tr("Veckodag och timme"), self.matrix), 1, 0)
        grid.addWidget(self._titled(self.tr("Platser med flest händelser"), self.places), 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.numbers)
        layout.addLayout(grid, 1)

    # -- public -----------------------------------------------------------------------------

    def set_filter(self, where: IncidentFilter) -> None:
        self._filter = where
        self.refresh()

    def refresh(self) -> None:
        """Analyse again soon; while hidden, when shown (a caretaker never pays for it)."""
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._timer.start()

    @property
    def summary(self) -> DistrictSummary | None:
        return self._analysis.summary if self._analysis else None

    def reload_now(self) -> None:
        if self._task is not None:
            self._again = True
            return
        where = self._filter
        self._task = Task(lambda: self.analyse(where))
        self._task.relay.succeeded.connect(self._on_analysed)
        self._task.relay.failed.connect(self._on_failed)
        self._task.start()

    def analyse(self, where: IncidentFilter) -> _Analysis:
        """Off the UI thread: the filter's period (the last year without one) analysed."""
        today = self._today()
        first = where.start.astimezone(LOCAL_TZ).date() if where.start else None
        last = (where.end - timedelta(seconds=1)).astimezone(LOCAL_TZ).date() if where.end else None
        if last is None or last > today:
            last = today
        if first is None:
            first = last - timedelta(days=DEFAULT_DAYS - 1)
        chosen = period(first, min(max(first, last), max(first, today)))
        # The period and the periods it is compared with, whatever the filter's own period.
        unbounded = replace(where, start=None, end=None)
        windows = sample_windows(chosen)
        sample = incident_sample(self._incidents.store, unbounded, windows=windows)
        summary = summarise(
            sample,
            chosen,
            districts=tuple(sorted(where.districts)),
            categories=tuple(sorted(where.categories)),
            taxonomy=self._incidents.taxonomy,
            places=self._places,
            district_lookup=self._districts,
            include_police=bool(np.any(sample.source == "police")),
        )
        inside = sample.select(in_period(sample, chosen))
        weekday, hour = local_weekday_hour(inside)
        return _Analysis(summary, inside, weekday, hour)

    # -- showing ----------------------------------------------------------------------------

    def _on_analysed(self, analysis: _Analysis) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.reload_now()
            return
        self._analysis = analysis
        self._show(analysis.summary)
        self.analysed.emit(analysis.summary)

    def _on_failed(self, exc: object) -> None:
        self._task = None
        self.heading.setText(self.tr("Analysen kunde inte göras: %1").replace("%1", str(exc)))

    def _show(self, summary: DistrictSummary) -> None:
        locale = QLocale()
        self.heading.setText(f"{summary.district_label} · {summary.period.label}")
        police = summary.sources.police
        rows = [
            (self.tr("Händelser"), locale.toString(summary.total)),
            (self.tr("Mot perioden före"), change_text(summary.previous)),
            (self.tr("Mot samma period året före"), change_text(summary.year_before)),
            (
                self.tr("Personal / polisen"),
                f"{locale.toString(summary.sources.staff)} / "
                + ("–" if police is None else locale.toString(police)),
            ),
            (self.tr("Polisen underrättad"), locale.toString(summary.police_notified)),
        ]
        self.numbers.setText(
            "<table cellspacing=2>"
            + "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
            + "</table>"
        )
        self._show_trend(summary)
        self._show_groups(summary)
        self._show_matrix(summary)
        self._show_places(summary)

    def _show_trend(self, summary: DistrictSummary) -> None:
        bars = QBarSet(self.tr("Händelser"))
        bars.setColor(BAR)
        bars.append([float(bucket.count) for bucket in summary.trend])
        bars.clicked.connect(self._on_trend_clicked)
        series = QBarSeries()
        series.append(bars)
        # Months as "jan", "feb": the year is in the heading, and the axis has little room.
        monthly = summary.trend_unit == "month"
        labels = [b.label.split(" ")[0] if monthly else b.label for b in summary.trend]
        self._set_chart(self.trend, series, _unique(labels), horizontal=False)

    def _show_groups(self, summary: DistrictSummary) -> None:
        shown = list(reversed(summary.groups[:8]))  # largest at the top
        bars = QBarSet(self.tr("Händelser"))
        bars.setColor(BAR)
        bars.append([float(group.count) for group in shown])
        bars.clicked.connect(lambda index: self._on_group_clicked(shown[index].code))
        series = QHorizontalBarSeries()
        series.append(bars)
        self._set_chart(self.groups, series, [group.label for group in shown], horizontal=True)

    def _show_matrix(self, summary: DistrictSummary) -> None:
        counts = summary.weekday_hour.counts
        top = max(int(counts.max()), 1) if counts.size else 1
        for day in range(7):
            for hour in range(24):
                value = int(counts[day, hour])
                item = QTableWidgetItem(str(value) if value else "")
                shade = 255 - int(200 * value / top)  # greys: readable without colour
                item.setBackground(QBrush(QColor(shade, shade, shade)))
                item.setForeground(QBrush(QColor("white" if shade < 120 else "black")))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(
                    self.tr("%1 kl. %2–%3: %Ln händelser", "", value)
                    .replace("%1", self.tr(WEEKDAYS[day]))
                    .replace("%2", f"{hour:02d}")
                    .replace("%3", f"{(hour + 1) % 24:02d}")
                )
                self.matrix.setItem(day, hour, item)

    def _show_places(self, summary: DistrictSummary) -> None:
        self.places.setRowCount(len(summary.places))
        for row, place in enumerate(summary.places):
            self.places.setItem(row, 0, QTableWidgetItem(place.name))
            count = QTableWidgetItem(QLocale().toString(place.count))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.places.setItem(row, 1, count)

    # -- clicks drive the shared filter -----------------------------------------------------

    def _on_trend_clicked(self, index: int) -> None:
        if self._analysis is None or self.filter_bar is None:
            return
        bucket = self._analysis.summary.trend[index]
        last = (bucket.end - timedelta(seconds=1)).date()
        self.filter_bar.set_days(bucket.start.date(), last)

    def _on_group_clicked(self, code: str) -> None:
        if self.filter_bar is not None:
            self.filter_bar.set_category_group(code)

    def _on_matrix_clicked(self, day: int, hour: int) -> None:
        if self._analysis is None or self.filter_bar is None:
            return
        a = self._analysis
        chosen = (a.local_weekday == day) & (a.local_hour == hour)
        label = f"{self.tr(WEEKDAYS[day])} {hour:02d}–{(hour + 1) % 24:02d}"
        self.filter_bar.narrow(frozenset(a.sample.pk[chosen].tolist()), label)

    def _on_place_clicked(self, row: int, _column: int) -> None:
        if self._analysis is None or self.filter_bar is None:
            return
        place = self._analysis.summary.places[row]
        sample = self._analysis.sample
        if place.named:
            chosen = sample.place_name == place.name
        else:  # a cell of the hotspot grid, named by its centre
            chosen = same_cell(sample.lat, sample.lon, place.lat, place.lon)
        self.filter_bar.narrow(frozenset(sample.pk[chosen].tolist()), place.name)

    # -- building ---------------------------------------------------------------------------

    def _build_matrix(self) -> None:
        m = self.matrix
        m.setVerticalHeaderLabels([self.tr(day) for day in WEEKDAYS])
        m.setHorizontalHeaderLabels([f"{h:02d}" for h in range(24)])
        m.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        m.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        m.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        m.horizontalHeader().setMinimumSectionSize(18)
        small = QFont(m.font())
        small.setPointSizeF(small.pointSizeF() * 0.75)
        m.setFont(small)
        m.setTextElideMode(Qt.TextElideMode.ElideNone)  # a clipped count beats "…"
        m.setToolTip(
            self.tr("Klicka på en ruta för att visa just de händelserna i listan och kartan")
        )
        m.cellClicked.connect(self._on_matrix_clicked)

    def _chart_view(self) -> QChartView:
        chart = QChart()
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(200)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return view

    def _set_chart(self, view: QChartView, series, labels: list[str], *, horizontal: bool) -> None:
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(labels)
        values = QValueAxis()
        values.setLabelFormat("%d")
        counts = [bars.at(i) for bars in series.barSets() for i in range(bars.count())]
        values.setRange(0, max([4.0, *counts]))  # a few steps even when all bars are low
        values.applyNiceNumbers()
        if horizontal:
            chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            names.setLabelsAngle(-60 if len(labels) > 12 else 0)
            chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(values)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(f"<b>{title}</b>")
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box


def _unique(labels: list[str]) -> list[str]:
    """Category axes merge equal labels ("jan" of two years): keep them apart with spaces."""
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, -1) + 1
        unique.append(label + " " * seen[label])
    return unique
