"""The incident list: filters, a lazily fetched table, the count, and the selected incident."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.incident import Incident
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.errors import StoreError
from est_desktop.store.incident_service import IncidentService
from est_desktop.ui.incident_detail import IncidentDetail
from est_desktop.ui.incident_filter_bar import IncidentFilterBar
from est_desktop.ui.incident_table_model import COLUMNS, IncidentTableModel

SELECT_SEARCH_ROWS = 5000  # a few dozen pages: instant, and further than anyone scrolls


class IncidentListPanel(QWidget):
    edit_requested = Signal(object)  # the Incident to edit
    deleted = Signal(object)  # the id of the deleted incident
    selected = Signal(object)  # the selected IncidentListRow, or None

    def __init__(
        self,
        incidents: IncidentService,
        districts: DistrictLookup,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._incidents = incidents
        self._districts = districts
        taxonomy = incidents.taxonomy
        self.model = IncidentTableModel(
            incidents.incidents,
            category_label=taxonomy.label,
            district_name=self._district_name,
        )
        self.filters = IncidentFilterBar(taxonomy, districts)
        self.filters.changed.connect(self.model.set_filter)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Rows as tall as the text needs (Windows' larger text setting), never cramped.
        self.table.verticalHeader().setDefaultSectionSize(max(24, self.fontMetrics().height() + 8))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((150, 190, 110, 150, 260, 90, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self._sorted_by = (0, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(lambda: self._show_selected())
        self.model.count_changed.connect(self._on_count_changed)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.edit_button = QPushButton(self.tr("Än&dra"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Ta b&ort…"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.detail = IncidentDetail(taxonomy, districts)

        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        lower_layout.addWidget(self.detail)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        self._layout = layout
        self._show_selected()

    def take_filters(self) -> IncidentFilterBar:
        """Hand the filter bar to the window, to stand above both the map and the list."""
        self._layout.removeWidget(self.filters)
        return self.filters

    def refresh(self, select: uuid.UUID | None = None) -> None:
        """Read the list again, keeping (or moving to) the selected incident."""
        keep = str(select) if select else self.selected_id()
        self.model.reload()
        row = self.model.row_of(keep) if keep else None
        if row is not None:
            self.table.selectRow(row)
        self._show_selected()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.incident_id(rows[0].row()) if rows else None

    def select_incident(self, incident_id: str) -> bool:
        """Select an incident (clicked on the map), reading further pages of the list for it
        up to SELECT_SEARCH_ROWS rows; beyond that it is shown in the detail view alone."""
        row = self.model.row_of(incident_id)
        model = self.model
        while row is None and model.canFetchMore() and model.rowCount() < SELECT_SEARCH_ROWS:
            model.fetchMore()
            row = self.model.row_of(incident_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            return True
        self.table.clearSelection()
        incident = self._incidents.get(uuid.UUID(incident_id))
        self.detail.show_incident(incident)
        return False

    def selected_incident(self) -> Incident | None:
        incident_id = self.selected_id()
        return self._incidents.get(uuid.UUID(incident_id)) if incident_id else None

    def edit_selected(self) -> None:
        incident = self.selected_incident()
        if incident is not None:
            self.edit_requested.emit(incident)

    def delete_selected(self) -> None:
        incident = self.selected_incident()
        if incident is None:
            return
        if not self.confirm_delete(incident):
            return
        try:
            self._incidents.delete(incident.id)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Kunde inte ta bort"), exc.message)
            return
        self.refresh()
        self.deleted.emit(incident.id)

    def confirm_delete(self, incident: Incident) -> bool:
        """Ask before deleting; tests replace this to answer without a dialog."""
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort händelse"),
            self.tr("Ta bort händelsen »%1«? Den tas bort för alla när datorn synkar.").replace(
                "%1", self.model.data(self.table.currentIndex().siblingAtColumn(1)) or ""
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_selected(self) -> None:
        incident = self.selected_incident()
        self.detail.show_incident(incident)
        self.edit_button.setEnabled(incident is not None)
        self.delete_button.setEnabled(incident is not None)

    def _on_selection_changed(self, *_: object) -> None:
        self._show_selected()
        rows = self.table.selectionModel().selectedRows()
        self.selected.emit(self.model.list_row(rows[0].row()) if rows else None)

    def _on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        # A column that does not sort (the description) must not take the sort arrow.
        if COLUMNS[column][1] is None:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sorted_by)
            header.blockSignals(False)
        else:
            self._sorted_by = (column, order)

    def _on_table_double_clicked(self, *_: object) -> None:
        self.edit_selected()

    def _on_count_changed(self, count: int) -> None:
        if count == 1:
            self.count_label.setText(self.tr("1 händelse visas"))
        else:
            text = self.tr("%1 händelser visas").replace("%1", QLocale().toString(count))
            self.count_label.setText(text)

    def _district_name(self, code: str | None) -> str:
        return self._districts.name_of(code) if code else self.tr("Hela kommunen")
