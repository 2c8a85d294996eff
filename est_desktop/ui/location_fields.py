"""Where an incident happened, as the entry form asks it: a named place or address, the
coordinates, how exact they are, and the district they fall in, kept in step with one another.

The entry form lays these widgets out among its own rows; this object fills them, keeps them
consistent (a picked place fills the coordinates, a pasted pair fills both fields, "only the
municipality" disables them) and says when the coordinates name a point on the map.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from est_desktop.domain.incident import Incident, LocationPrecision
from est_desktop.domain.validation import LAT_RANGE, LON_RANGE
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import NamedPlace
from est_desktop.ui.entry_choices import EntryChoices
from est_desktop.ui.form_text import TWO_NUMBERS, format_coordinate, parse_coordinate
from est_desktop.ui.search_field import SearchField


class LocationFields(QObject):
    """The place, latitude, longitude, precision and district widgets of the entry form."""

    position_changed = Signal(float, float)  # valid coordinates typed, picked or clicked

    def __init__(self, choices: EntryChoices, districts: DistrictLookup, parent: QObject) -> None:
        super().__init__(parent)
        self._choices = choices
        self._districts = districts
        self._place_from_map = ""  # a name filled in by a click, which the next click replaces
        self.place = SearchField(choices.named_places)
        self.place.setPlaceholderText(
            QCoreApplication.translate("EntryForm", "Namngiven plats eller adress")
        )
        self.place.chosen.connect(self._on_place_chosen)
        self.lat = QLineEdit()
        self.lat.setPlaceholderText(
            QCoreApplication.translate("EntryForm", "Latitud, t.ex. 57,7402")
        )
        self.lon = QLineEdit()
        self.lon.setPlaceholderText(
            QCoreApplication.translate("EntryForm", "Longitud, t.ex. 12,9712")
        )
        self.lat.textEdited.connect(self._on_lat_edited)
        self.lon.textEdited.connect(self.update_district)
        self.precision_combo = QComboBox()
        for text in (
            QCoreApplication.translate("EntryForm", "Exakt plats"),
            QCoreApplication.translate("EntryForm", "Ungefärlig plats (några hundra meter)"),
            QCoreApplication.translate("EntryForm", "Bara kommunen är känd"),
        ):
            self.precision_combo.addItem(text)
        self.precision_combo.currentIndexChanged.connect(self._on_precision_combo_changed)
        self.district_label = QLabel()
        self.district_label.setObjectName("districtLabel")
        self._district_timer = QTimer(self, singleShot=True, interval=150)
        self._district_timer.timeout.connect(self.update_district)

    def clear(self) -> None:
        """No place, no coordinates, an exact location: ready for the next incident."""
        self.place.set_value("", None)
        self._place_from_map = ""
        self.lat.clear()
        self.lon.clear()
        self.precision_combo.setCurrentIndex(0)

    def fill(self, incident: Incident) -> None:
        """Show where `incident` happened, for an edit."""
        place = self._choices.places.by_name(incident.place_name)
        self.place.set_value(incident.place_name, place)
        self._place_from_map = ""
        self.lat.setText(format_coordinate(incident.lat))
        self.lon.setText(format_coordinate(incident.lon))
        precision = list(LocationPrecision).index(incident.location_precision)
        self.precision_combo.setCurrentIndex(precision)

    def precision(self) -> LocationPrecision:
        return list(LocationPrecision)[self.precision_combo.currentIndex()]

    def set_position(self, lat: float, lon: float, place: NamedPlace | None = None) -> None:
        """Fill the coordinates, e.g. from a click in the map, and the nearest named place when
        the place field is empty or was filled this way before (a typed place is kept)."""
        self.lat.setText(format_coordinate(lat))
        self.lon.setText(format_coordinate(lon))
        if self.precision() == LocationPrecision.MUNICIPALITY:
            self.precision_combo.setCurrentIndex(0)  # a point on the map is a place
        if not self.place.text().strip() or self.place.text() == self._place_from_map:
            name = place.name if place is not None else ""
            self.place.set_value(name, place)
            self._place_from_map = name
        self.update_district()

    def update_district(self) -> None:
        """Name the district of the coordinates, and announce them when they are in Borås."""
        if self.precision() == LocationPrecision.MUNICIPALITY:
            self.district_label.setText(QCoreApplication.translate("EntryForm", "Hela kommunen"))
            return
        lat, lon = parse_coordinate(self.lat.text()), parse_coordinate(self.lon.text())
        if lat is None or lon is None:
            self.district_label.setText("–")
            return
        self.district_label.setText(self._districts.name_of(self._districts.district_at(lat, lon)))
        if LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]:
            self.position_changed.emit(lat, lon)  # not for a half-typed "5": off the map

    # -- slots --

    def _on_place_chosen(self, place: object) -> None:
        if isinstance(place, NamedPlace):
            self.set_position(place.lat, place.lon)

    def _on_lat_edited(self, text: str) -> None:
        # A pasted "57.7402, 12.9712" fills both fields.
        if match := TWO_NUMBERS.match(text):
            self.lat.setText(match.group(1))
            self.lon.setText(match.group(2))
        self._district_timer.start()

    def _on_precision_combo_changed(self, index: int) -> None:
        municipality = list(LocationPrecision)[index] == LocationPrecision.MUNICIPALITY
        self.lat.setEnabled(not municipality)
        self.lon.setEnabled(not municipality)
        self.update_district()
