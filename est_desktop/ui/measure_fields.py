"""A measure's fields as a person reads them, for the conflicts dialog (which shows incidents
and measures side by side, field by field)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.drawn_area import DrawnArea
from est_desktop.domain.measure import MEASURE_FIELDS, Measure, MeasureStatus
from est_desktop.ui.area_drawing import describe_area
from est_desktop.ui.sync_labels import field_label
from est_desktop.ui.sync_values import EMPTY, ValueFormatter

SHOWN_MEASURE_FIELDS = MEASURE_FIELDS  # every field a person sets, in the form's order
LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("MeasureFields", "Rubrik"),
    "radius_m": QT_TRANSLATE_NOOP("MeasureFields", "Radie (m)"),
    "area": QT_TRANSLATE_NOOP("MeasureFields", "Yta"),
    "start_date": QT_TRANSLATE_NOOP("MeasureFields", "Startdatum"),
    "end_date": QT_TRANSLATE_NOOP("MeasureFields", "Slutdatum"),
    "status": QT_TRANSLATE_NOOP("MeasureFields", "Status"),
    "responsible_organisation": QT_TRANSLATE_NOOP("MeasureFields", "Ansvarig organisation"),
    "categories": QT_TRANSLATE_NOOP("MeasureFields", "Kategorier"),
    "follow_up": QT_TRANSLATE_NOOP("MeasureFields", "Uppföljning"),
}
STATUS: dict[str, str] = {
    MeasureStatus.PLANNED.value: QT_TRANSLATE_NOOP("MeasureFields", "Planerad"),
    MeasureStatus.ONGOING.value: QT_TRANSLATE_NOOP("MeasureFields", "Pågår"),
    MeasureStatus.DONE.value: QT_TRANSLATE_NOOP("MeasureFields", "Avslutad"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MeasureFields", text)


def measure_field_label(name: str) -> str:
    return _tr(LABELS[name]) if name in LABELS else field_label(name)


def measure_title(measure: Measure) -> str:
    """How the conflicts list names a measure: "Åtgärd: Belysning Hulta"."""
    return QCoreApplication.translate("MeasureFields", "Åtgärd: %1").replace(
        "%1", measure.draft.title
    )


def measure_value(measure: Measure, name: str) -> object:
    return getattr(measure.draft, name)


def measure_value_text(values: ValueFormatter, taxonomy: Taxonomy, name: str, value: object) -> str:
    if name == "categories":
        labels = [taxonomy.label(code) for code in value or ()]  # type: ignore[union-attr]
        return ", ".join(labels) or QCoreApplication.translate("MeasureFields", "alla")
    if name == "area" and isinstance(value, Mapping):
        try:
            return describe_area(DrawnArea.from_geometry(value))
        except ValueError:
            return str(value)
    if name == "status":
        status = getattr(value, "value", value)
        return _tr(STATUS[status]) if status in STATUS else str(status)
    if isinstance(value, date):
        return value.isoformat()
    return values.text(name, value) if value not in (None, "") else EMPTY
