"""Records changed both here and on the server: both versions side by side, field by field.

The user keeps their version, takes the server's, or picks per field; the resolution goes out
with the next sync as an ordinary change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import EDITABLE_FIELDS, Incident
from est_desktop.domain.measure import Measure
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.conflicts import DELETION, Conflict
from est_desktop.store.errors import StoreError
from est_desktop.store.measure_conflicts import MeasureConflict
from est_desktop.ui.incident_table_model import format_time
from est_desktop.ui.measure_fields import (
    SHOWN_MEASURE_FIELDS,
    measure_field_label,
    measure_title,
    measure_value,
    measure_value_text,
)
from est_desktop.ui.sync_labels import field_label
from est_desktop.ui.sync_values import ValueFormatter

MINE, THEIRS = "mine", "theirs"
DIFFERS = QColor("#fff3e0")  # a soft amber behind the fields that differ
SHOWN_FIELDS = (*EDITABLE_FIELDS[:8], "district", *EDITABLE_FIELDS[8:])


class ConflictSource(Protocol):
    def list(self) -> list[Conflict]: ...
    def resolve(
        self, record_id: str, choices: Mapping[str, str], *, by: str, at: datetime
    ) -> None: ...


class ConflictsDialog(QDialog):
    resolved = Signal(str)  # the record id: a change now waits to be sent

    def __init__(
        self,
        conflicts: ConflictSource,
        taxonomy: Taxonomy,
        districts: DistrictLookup,
        actor: Callable[[], str],
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Konflikter"))
        self._conflicts = conflicts
        self._taxonomy = taxonomy
        self._values = ValueFormatter(taxonomy, districts)
        self._actor = actor
        self._clock = clock
        self._shown: list[Conflict] = []
        self.choices: dict[str, QComboBox] = {}

        self.records = QListWidget()
        self.records.currentRowChanged.connect(self._on_records_current_row_changed)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Fält"), self.tr("Din version"), self.tr("Serverns version"), self.tr("Välj")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

        self.keep_mine_button = QPushButton(self.tr("&Behåll min version"))
        self.keep_mine_button.clicked.connect(lambda: self._resolve_all(MINE))
        self.take_theirs_button = QPushButton(self.tr("&Ta serverns version"))
        self.take_theirs_button.clicked.connect(lambda: self._resolve_all(THEIRS))
        self.save_chosen_button = QPushButton(self.tr("&Spara valda"))
        self.save_chosen_button.clicked.connect(self._resolve_chosen)
        actions = QHBoxLayout()
        actions.addWidget(self.keep_mine_button)
        actions.addWidget(self.take_theirs_button)
        actions.addStretch(1)
        actions.addWidget(self.save_chosen_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.notice)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.records)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 700])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "De här händelserna har ändrats både här och på servern. "
                    "Välj vilken version som ska gälla; ditt val skickas vid nästa synk."
                )
            )
        )
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.resize(980, 560)
        self.reload()

    # -- showing --

    def reload(self, select: str | None = None) -> None:
        """Read the conflicts again, keeping the chosen record when it is still in conflict."""
        current = select or self.current_id()
        self._shown = self._conflicts.list()
        self.records.blockSignals(True)
        self.records.clear()
        for conflict in self._shown:
            item = QListWidgetItem(self._record_title(conflict.local))  # an incident or a measure
            item.setData(Qt.ItemDataRole.UserRole, conflict.record_id)
            self.records.addItem(item)
        self.records.blockSignals(False)
        ids = [c.record_id for c in self._shown]
        row = ids.index(current) if current in ids else (0 if ids else -1)
        self.records.setCurrentRow(row)
        self._show(self._shown[row] if row >= 0 else None)

    def current_id(self) -> str | None:
        item = self.records.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def row_texts(self, field: str) -> tuple[str, str, str]:
        """What the table shows for `field`: its label, my value, the server's value."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == field:
                return tuple(self.table.item(row, c).text() for c in range(3))  # type: ignore[return-value]
        raise KeyError(field)

    def _record_title(self, incident: Incident | Measure) -> str:
        if isinstance(incident, Measure):
            return measure_title(incident)
        parts = [
            format_time(incident.occurred_at, incident.time_precision.value),
            self._taxonomy.label(incident.category),
        ]
        if incident.place_name:
            parts.append(incident.place_name)
        return " · ".join(parts)

    def _on_records_current_row_changed(self, row: int) -> None:
        self._show(self._shown[row] if 0 <= row < len(self._shown) else None)

    def _show(self, conflict: Conflict | None) -> None:
        self.choices = {}
        self.table.setRowCount(0)
        for button in (self.keep_mine_button, self.take_theirs_button, self.save_chosen_button):
            button.setEnabled(conflict is not None)
        if conflict is None:
            self.notice.setText(self.tr("Inga konflikter: allt stämmer med servern."))
            return
        self.notice.setText(self._notice(conflict))
        deletion = conflict.local_deleted or conflict.server_deleted
        self.save_chosen_button.setEnabled(not deletion and bool(conflict.fields))
        bold = QFont(self.table.font())
        bold.setBold(True)
        is_measure = isinstance(conflict, MeasureConflict)
        for name in SHOWN_MEASURE_FIELDS if is_measure else SHOWN_FIELDS:
            row = self.table.rowCount()
            self.table.insertRow(row)
            label = QTableWidgetItem(measure_field_label(name) if is_measure else field_label(name))
            label.setData(Qt.ItemDataRole.UserRole, name)
            mine = QTableWidgetItem(self._side(conflict.local, conflict.local_deleted, name, True))
            theirs = QTableWidgetItem(
                self._side(conflict.server, conflict.server_deleted, name, False)
            )
            for column, item in enumerate((label, mine, theirs)):
                self.table.setItem(row, column, item)
            if name in conflict.fields:
                for item in (label, mine, theirs):
                    item.setFont(bold)
                    item.setBackground(DIFFERS)
                if not deletion:
                    self.table.setCellWidget(row, 3, self._choice(name))
            else:
                self.table.setItem(row, 3, QTableWidgetItem(""))
        self.table.resizeRowsToContents()

    def _choice(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Min version"), MINE)
        combo.addItem(self.tr("Serverns version"), THEIRS)
        self.choices[name] = combo
        return combo

    def _side(
        self, incident: Incident | Measure | None, deleted: bool, name: str, mine: bool
    ) -> str:
        if deleted:
            return self.tr("Borttagen här") if mine else self.tr("Borttagen på servern")
        if incident is None:
            return self.tr("(okänd)")
        if isinstance(incident, Measure):
            value = measure_value(incident, name)
            return measure_value_text(self._values, self._taxonomy, name, value)
        return self._values.text(name, getattr(incident, name))

    def _notice(self, conflict: Conflict) -> str:
        if conflict.server_deleted:
            return self.tr(
                "Borttagen på servern, men ändrad här. »Behåll min version« återställer den "
                "för alla; »Ta serverns version« tar bort den även här."
            )
        if conflict.local_deleted:
            return self.tr(
                "Du tog bort händelsen här, men den har ändrats på servern. »Behåll min version« "
                "tar bort den för alla; »Ta serverns version« behåller serverns ändring."
            )
        who = conflict.server.updated_by if conflict.server is not None else ""
        text = self.tr("Fälten i fetstil skiljer sig. Välj för varje fält, eller hela versionen.")
        if who:
            text = self.tr("Ändrad på servern av %1.").replace("%1", who) + " " + text
        return text

    # -- resolving --

    def _resolve_all(self, side: str) -> None:
        conflict = self._current()
        if conflict is None:
            return
        choices = {name: side for name in conflict.fields}
        if conflict.local_deleted or conflict.server_deleted:
            choices[DELETION] = side
        self._resolve(conflict, choices)

    def _resolve_chosen(self) -> None:
        conflict = self._current()
        if conflict is None:
            return
        self._resolve(conflict, {name: box.currentData() for name, box in self.choices.items()})

    def _resolve(self, conflict: Conflict, choices: dict[str, str]) -> None:
        try:
            self._conflicts.resolve(conflict.record_id, choices, by=self._actor(), at=self._clock())
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Konflikten kunde inte lösas"), exc.message)
            self.reload()
            return
        self.reload()
        self.resolved.emit(conflict.record_id)

    def _current(self) -> Conflict | None:
        row = self.records.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None
