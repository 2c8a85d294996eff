"""The map beside the list in the main window: one filter and one selection for both, and the
entry form's point on the map."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from est_desktop.geo.places import PlaceIndex
from est_desktop.store.incident_filters import IncidentListRow
from est_desktop.ui.entry_form import EntryForm
from est_desktop.ui.incident_list_panel import IncidentListPanel
from est_desktop.ui.map_panel import MapPanel


class MapWiring(QObject):
    def __init__(
        self,
        map_panel: MapPanel,
        list_panel: IncidentListPanel,
        form: EntryForm,
        places: PlaceIndex,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._map, self._list, self._form, self._places = map_panel, list_panel, form, places
        self._selecting_from_map = False
        # The filter bar stands above the map and the list: one filter, both views.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(map_panel)
        self.splitter.addWidget(list_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([460, 360])
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(list_panel.take_filters())
        layout.addWidget(self.splitter, 1)

        map_panel.set_filter(list_panel.model.filter)
        list_panel.filters.changed.connect(map_panel.set_filter)
        list_panel.selected.connect(self._on_list_selected)
        map_panel.incident_clicked.connect(self._on_map_incident_clicked)
        map_panel.point_chosen.connect(self._on_map_point_chosen)
        for done in (form.recorded, form.edited, form.cleared):
            done.connect(map_panel.clear_draft)
        form.position_changed.connect(map_panel.place_draft)

    def _on_list_selected(self, row: IncidentListRow | None) -> None:
        if row is not None and not self._selecting_from_map:
            self._map.show_incident(row.pk)

    def _on_map_incident_clicked(self, incident_id: str) -> None:
        self._selecting_from_map = True  # the map shows it already: no zoom back to it
        try:
            self._list.select_incident(incident_id)
        finally:
            self._selecting_from_map = False

    def _on_map_point_chosen(self, lat: float, lon: float) -> None:
        """A click on the map (or the marker dragged): the entry form takes the point (and
        moves the marker through its position_changed)."""
        self._form.set_position(lat, lon, self._places.nearest(lat, lon))
