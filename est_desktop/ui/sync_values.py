"""Field values as a person reads them: local date and time, category labels, district names."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.ui.incident_table_model import SOURCE_LABELS
from est_desktop.ui.incident_table_model import tr as list_tr
from est_desktop.ui.sync_labels import PRECISION_LABELS, tr, yes_no

EMPTY = "–"


class ValueFormatter:
    """Turns one incident field's value into text for the conflicts view."""

    def __init__(self, taxonomy: Taxonomy, districts: DistrictLookup) -> None:
        self._taxonomy = taxonomy
        self._districts = districts

    def text(self, field: str, value: object) -> str:
        if isinstance(value, Enum):
            value = value.value
        if value is None or value == "":
            return EMPTY
        if isinstance(value, bool):
            return yes_no(value)
        if isinstance(value, datetime):
            return value.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
        if field == "category":
            return self._taxonomy.label(str(value))
        if field == "district":
            return self._districts.name_of(str(value))
        if field in ("time_precision", "location_precision"):
            label = PRECISION_LABELS.get(str(value))
            return tr(label) if label else str(value)
        if field == "source":
            label = SOURCE_LABELS.get(str(value))
            return list_tr(label) if label else str(value)
        if isinstance(value, float):
            return f"{value:.5f}"
        return str(value)
