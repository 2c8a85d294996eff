"""The detail view of one incident: every field, who recorded and changed it, its sync state."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ, Incident, LocationPrecision, TimePrecision
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.ui.incident_table_model import (
    SOURCE_LABELS,
    SYNC_HINTS,
    SYNC_LABELS,
    format_time,
    tr,
)
from est_desktop.ui.sync_labels import field_label


class IncidentDetail(QScrollArea):
    def __init__(
        self, taxonomy: Taxonomy, districts: DistrictLookup, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._taxonomy = taxonomy
        self._districts = districts
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextFormat(self._label.textFormat().RichText)
        self._label.setOpenExternalLinks(False)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self._label)
        layout.addStretch(1)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.show_incident(None)

    @property
    def text(self) -> str:
        return self._label.text()

    def show_incident(self, incident: Incident | None) -> None:
        if incident is None:
            self._label.setText(
                "<i>" + escape(self.tr("Välj en händelse i listan för att se detaljer.")) + "</i>"
            )
            return
        when = format_time(incident.occurred_at, incident.time_precision.value)
        if incident.occurred_until is not None:
            when += " – " + format_time(incident.occurred_until, incident.time_precision.value)
        if incident.time_precision == TimePrecision.APPROXIMATE:
            when += " " + self.tr("(ungefärlig tid)")
        place = incident.place_name or self.tr("(ingen namngiven plats)")
        if incident.location_precision == LocationPrecision.MUNICIPALITY:
            position = self.tr("Bara kommunen är känd")
            district = self.tr("Hela kommunen")
        else:
            position = f"{incident.lat:.5f}, {incident.lon:.5f}"
            if incident.location_precision == LocationPrecision.APPROXIMATE:
                position += " " + self.tr("(ungefärlig plats)")
            district = self._districts.name_of(incident.district)
        state = tr(SYNC_LABELS.get(incident.sync_state.value, incident.sync_state.value))
        rows = [
            (self.tr("Tid"), when),
            (self.tr("Kategori"), self._category(incident.category)),
            (self.tr("Plats"), place),
            (self.tr("Position"), position),
            (self.tr("Distrikt"), district),
            (self.tr("Källa"), tr(SOURCE_LABELS.get(incident.source.value, ""))),
            (
                self.tr("Polisen underrättad"),
                self.tr("Ja") if incident.police_notified else self.tr("Nej"),
            ),
            (self.tr("Registrerad"), _stamp(incident.created_at, incident.created_by)),
            (self.tr("Senast ändrad"), _stamp(incident.updated_at, incident.updated_by)),
            (self.tr("Status"), state),
        ]
        if incident.external_id:
            rows.append((self.tr("Externt id"), incident.external_id))
        hint = tr(SYNC_HINTS.get(incident.sync_state.value, ""))
        if hint:
            rows.append(("", hint))
        for field, reason in incident.sync_errors.items():
            rows.append((self.tr("Serverns skäl: %1").replace("%1", field_label(field)), reason))
        table = "".join(
            f"<tr><td style='color: palette(mid); padding-right: 12px'>{escape(name)}</td>"
            f"<td>{escape(value)}</td></tr>"
            for name, value in rows
        )
        description = escape(incident.description).replace("\n", "<br>") or (
            "<i>" + escape(self.tr("(ingen beskrivning)")) + "</i>"
        )
        self._label.setText(f"<table>{table}</table><p>{description}</p>")

    def _category(self, code: str) -> str:
        return f"{self._taxonomy.label(code)} ({self._taxonomy.group_label(code)})"


def _stamp(moment, who: str) -> str:
    if moment is None:
        return who
    local = moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
    return f"{local}, {who}" if who else local
