"""The column-mapping step of the police import: the page on which the user says which column of
an unrecognised file holds what, and the choices remembered per file layout in QSettings.

The texts keep the translation context "ImportDialog", where they were written first.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from est_desktop.importers.columns import COLUMN_LABELS, ColumnMapping, column_label, layout_key

MAPPINGS_KEY = "import/mappings/"  # + layout_key(headers): the chosen ColumnMapping as JSON
_REQUIRED = ("case_number", "date_from", "crime_code", "crime_name")  # marked *; code or name do


class ColumnMappingPage(QWidget):
    """One combo box per field, offering the file's headers; the dialog reads the choice when
    `apply_button` is clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            QCoreApplication.translate(
                "ImportDialog",
                "Välj vilken kolumn i filen som innehåller vad. Ärendenummer, datum och "
                "brottskod eller brottsbenämning krävs. Valet sparas för filer med samma kolumner.",
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.column_boxes: dict[str, QComboBox] = {}
        for name in COLUMN_LABELS:
            box = QComboBox()
            self.column_boxes[name] = box
            form.addRow(column_label(name) + (" *" if name in _REQUIRED else ""), box)
        self.apply_button = QPushButton(
            QCoreApplication.translate("ImportDialog", "&Läs med dessa kolumner")
        )
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addStretch(1)

    def offer(self, headers: tuple[str, ...], suggested: ColumnMapping) -> None:
        """Let every box choose among `headers` (or none), preset to `suggested`."""
        chosen = suggested.as_dict()
        for name, box in self.column_boxes.items():
            box.clear()
            box.addItem(QCoreApplication.translate("ImportDialog", "(ingen)"), None)
            for header in headers:
                box.addItem(header, header)
            box.setCurrentIndex(max(box.findData(chosen.get(name)), 0))

    def chosen_mapping(self) -> ColumnMapping:
        return ColumnMapping(**{name: box.currentData() for name, box in self.column_boxes.items()})


def remembered_mapping(settings: QSettings, headers: tuple[str, ...]) -> ColumnMapping | None:
    """The mapping last chosen for files laid out like `headers`, or None (never chosen, or a
    damaged entry: ask again)."""
    text = settings.value(MAPPINGS_KEY + layout_key(headers), "")
    try:
        data = json.loads(str(text)) if text else None
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    return _fitted(ColumnMapping.from_dict(data), headers)


def remember_mapping(settings: QSettings, headers: tuple[str, ...], mapping: ColumnMapping) -> None:
    value = json.dumps(mapping.as_dict(), ensure_ascii=False)
    settings.setValue(MAPPINGS_KEY + layout_key(headers), value)


def _fitted(mapping: ColumnMapping, headers: tuple[str, ...]) -> ColumnMapping:
    """A remembered mapping on a file of the same layout whose headers differ in case or
    spacing (the layout key ignores both): point it at this file's header texts."""

    def key(text: str) -> str:
        return " ".join(text.split()).casefold()

    by_key = {key(h): h for h in reversed(headers)}
    return ColumnMapping(
        **{
            name: by_key.get(key(header), header) if header else None
            for name, header in mapping.as_dict().items()
        }
    )
