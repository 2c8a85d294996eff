"""The preview step of the police import: reading a file into an ImportPreview (any thread,
writes nothing) and the page that shows its counts and the rejected rows with their reasons.

The texts keep the translation context "ImportDialog", where they were written first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from est_desktop.domain.categories import Taxonomy
from est_desktop.importers.columns import ColumnMapping
from est_desktop.importers.police_csv import read_police_csv
from est_desktop.importers.police_events import read_police_events
from est_desktop.importers.police_import import ImportPreview, preview, summary_lines
from est_desktop.store.database import Store


def read_and_preview(
    store: Store, taxonomy: Taxonomy, path: Path, mapping: ColumnMapping | None
) -> ImportPreview:
    """Read a police file (the events feed's JSON or a crime export's CSV) and preview it.
    Any thread; writes nothing. Raises what the importers raise, or OSError."""
    data = path.read_bytes()
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{"):
        parsed = read_police_events(data)
    else:
        parsed = read_police_csv(data, mapping=mapping)
    return preview(store, parsed, taxonomy=taxonomy)


class ImportPreviewPage(QWidget):
    """What an import would do: the counts, then every rejected row and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        rejections_label = QLabel(
            QCoreApplication.translate("ImportDialog", "&Avvisade rader och varför:")
        )
        self.rejections = QListWidget()
        rejections_label.setBuddy(self.rejections)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(rejections_label)
        layout.addWidget(self.rejections, 1)

    def show_preview(self, planned: ImportPreview) -> None:
        # summary_lines ends with one line per rejection; the list below shows those
        counts = summary_lines(planned)[: -len(planned.rejected) or None]
        self.summary.setText("\n".join(counts))
        self.rejections.clear()
        for rejection in planned.rejected:
            self.rejections.addItem(
                QCoreApplication.translate("ImportDialog", "Rad %1: %2")
                .replace("%1", str(rejection.line))
                .replace("%2", rejection.reason)
            )
