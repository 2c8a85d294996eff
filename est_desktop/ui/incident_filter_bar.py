"""The filters above the incident list: period, district, category, source and free text."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ, Source
from est_desktop.domain.periods import Period, day_bounds, period_bounds
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.incident_filters import IncidentFilter

_CUSTOM = "custom"


class IncidentFilterBar(QWidget):
    changed = Signal(object)  # the new IncidentFilter

    def __init__(
        self, taxonomy: Taxonomy, districts: DistrictLookup, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._taxonomy = taxonomy
        self._period = QComboBox()
        self._period.setToolTip(self.tr("Period"))
        for text, value in (
            (self.tr("All tid"), Period.ALL),
            (self.tr("Senaste 7 dagarna"), Period.LAST_7_DAYS),
            (self.tr("Senaste 30 dagarna"), Period.LAST_30_DAYS),
            (self.tr("Denna månad"), Period.THIS_MONTH),
            (self.tr("Förra månaden"), Period.LAST_MONTH),
            (self.tr("I år"), Period.THIS_YEAR),
            (self.tr("I fjol"), Period.LAST_YEAR),
            (self.tr("Välj datum…"), _CUSTOM),
        ):
            self._period.addItem(text, value)
        today = QDate.currentDate()
        self._from = QDateEdit(today.addMonths(-1), calendarPopup=True)
        self._to = QDateEdit(today, calendarPopup=True)
        for edit in (self._from, self._to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.hide()
            edit.dateChanged.connect(self._on_control_changed)

        self._district = QComboBox()
        self._district.setToolTip(self.tr("Distrikt"))
        self._district.addItem(self.tr("Alla distrikt"), None)
        for district in districts.districts():
            self._district.addItem(district.name, district.code)

        self._category = QComboBox()
        self._category.setToolTip(self.tr("Kategori eller grupp"))
        self._category.addItem(self.tr("Alla kategorier"), None)
        for group in taxonomy.groups:
            self._category.addItem(group.label() + " " + self.tr("(alla)"), ("group", group.code))
            for category in group.categories:
                self._category.addItem("    " + category.label(), ("category", category.code))

        self._source = QComboBox()
        self._source.setToolTip(self.tr("Källa"))
        self._source.addItem(self.tr("Alla källor"), None)
        self._source.addItem(self.tr("Personal"), Source.STAFF.value)
        self._source.addItem(self.tr("Polisen"), Source.POLICE.value)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök i plats och beskrivning (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._on_control_changed)
        self.search.textChanged.connect(self._search_timer.start)

        reset = QToolButton()
        reset.setText(self.tr("Rensa filter"))
        reset.clicked.connect(self.reset)
        # A click in an analysis chart narrows list and map to its incidents; shown as a chip.
        self._narrowed: frozenset[int] | None = None
        self.narrowing = QToolButton()
        self.narrowing.setObjectName("narrowing")
        self.narrowing.setStyleSheet(
            "QToolButton#narrowing { background: #dbe7f3; border: 1px solid #7d9cc0;"
            " border-radius: 9px; padding: 1px 8px; }"
        )
        self.narrowing.setToolTip(self.tr("Visa alla händelser som filtret ovan väljer igen"))
        self.narrowing.clicked.connect(self.clear_narrowing)
        self.narrowing.hide()

        for combo in (self._period, self._district, self._category, self._source):
            combo.currentIndexChanged.connect(self._on_control_changed)
        self._period.currentIndexChanged.connect(self._on_period_changed)

        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        for widget in (self._period, self._from, self._to, self._district, self._category):
            first.addWidget(widget)
        first.addStretch(1)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self._source)
        second.addWidget(self.search, 1)
        second.addWidget(self.narrowing)
        second.addWidget(reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)

    def current(self) -> IncidentFilter:
        start, end = self._bounds()
        district = self._district.currentData()
        category = self._category.currentData()
        categories: frozenset[str] = frozenset()
        if category is not None:
            kind, code = category
            codes = self._taxonomy.codes_in_group(code) if kind == "group" else [code]
            categories = frozenset(codes)
        source = self._source.currentData()
        return IncidentFilter(
            start=start,
            end=end,
            districts=frozenset({district}) if district else frozenset(),
            categories=categories,
            sources=frozenset({source}) if source else frozenset(),
            text=self.search.text().strip(),
            pks=self._narrowed,
        )

    def reset(self) -> None:
        widgets = (self._period, self._district, self._category, self._source, self.search)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in (self._period, self._district, self._category, self._source):
            combo.setCurrentIndex(0)
        self.search.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self._on_period_changed()
        self._set_narrowing(None, "")
        self._emit()

    def set_district(self, code: str | None) -> None:
        index = self._district.findData(code)
        self._district.setCurrentIndex(max(index, 0))

    def set_days(self, first: date, last: date) -> None:
        """A period of whole days (a bar of an analysis trend)."""
        for edit, day in ((self._from, first), (self._to, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self._period.blockSignals(True)
        self._period.setCurrentIndex(self._period.findData(_CUSTOM))
        self._period.blockSignals(False)
        self._on_period_changed()
        self._on_control_changed()

    def set_category_group(self, code: str) -> None:
        # findData cannot match the tuples the items carry: compare them here.
        combo = self._category
        found = [i for i in range(combo.count()) if combo.itemData(i) == ("group", code)]
        if found:
            combo.setCurrentIndex(found[0])

    def narrow(self, pks: frozenset[int], label: str) -> None:
        """Show only these incidents (a cell of an analysis chart), until cleared."""
        self._set_narrowing(pks, label)
        self._emit()

    def clear_narrowing(self) -> None:
        if self._narrowed is not None:
            self._set_narrowing(None, "")
            self._emit()

    def _set_narrowing(self, pks: frozenset[int] | None, label: str) -> None:
        self._narrowed = pks
        self.narrowing.setText(label + "  ✕")
        self.narrowing.setVisible(pks is not None)

    def _bounds(self) -> tuple[datetime | None, datetime | None]:
        period = self._period.currentData()
        if period == _CUSTOM:
            first, last = self._from.date().toPython(), self._to.date().toPython()
            return day_bounds(min(first, last), max(first, last))
        return period_bounds(Period(period), datetime.now(LOCAL_TZ).date())

    def _on_period_changed(self) -> None:
        custom = self._period.currentData() == _CUSTOM
        self._from.setVisible(custom)
        self._to.setVisible(custom)

    def _on_control_changed(self) -> None:
        # A cell's incidents were picked under the old filter: a new filter starts afresh.
        self._set_narrowing(None, "")
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.current())
