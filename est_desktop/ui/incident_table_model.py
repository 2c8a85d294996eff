"""The incident list as a Qt model that fetches lazily: a page at a time, as the view scrolls.

A million incidents cost one page of memory until someone scrolls through them all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtCore import QCoreApplication as _App
from PySide6.QtGui import QColor

from est_desktop.domain.incident import LOCAL_TZ, Source, SyncState, TimePrecision
from est_desktop.store.incident_filters import IncidentFilter, IncidentListRow, SortKey
from est_desktop.store.incidents import IncidentRepository
from est_desktop.ui.sync_labels import reasons_text

Index = QModelIndex | QPersistentModelIndex

# (header, sort key or None when the column does not sort)
COLUMNS: tuple[tuple[str, SortKey | None], ...] = (
    (QT_TRANSLATE_NOOP("IncidentTableModel", "Tid"), SortKey.OCCURRED_AT),
    (QT_TRANSLATE_NOOP("IncidentTableModel", "Kategori"), SortKey.CATEGORY),
    (QT_TRANSLATE_NOOP("IncidentTableModel", "Distrikt"), SortKey.DISTRICT),
    (QT_TRANSLATE_NOOP("IncidentTableModel", "Plats"), SortKey.PLACE_NAME),
    (QT_TRANSLATE_NOOP("IncidentTableModel", "Beskrivning"), None),
    (QT_TRANSLATE_NOOP("IncidentTableModel", "Källa"), SortKey.SOURCE),
    (QT_TRANSLATE_NOOP("IncidentTableModel", "Status"), SortKey.SYNC_STATE),
)
SOURCE_LABELS = {
    Source.STAFF.value: QT_TRANSLATE_NOOP("IncidentTableModel", "Personal"),
    Source.POLICE.value: QT_TRANSLATE_NOOP("IncidentTableModel", "Polisen"),
}
# Every state is said as it is: nothing reads as done before the server has confirmed it.
SYNC_LABELS = {
    SyncState.LOCAL.value: QT_TRANSLATE_NOOP("IncidentTableModel", "Sparad på datorn"),
    SyncState.SENT.value: QT_TRANSLATE_NOOP("IncidentTableModel", "Skickad"),
    SyncState.CONFIRMED.value: QT_TRANSLATE_NOOP("IncidentTableModel", "Bekräftad av servern"),
    SyncState.CONFLICT.value: QT_TRANSLATE_NOOP("IncidentTableModel", "Konflikt"),
    SyncState.REJECTED.value: QT_TRANSLATE_NOOP("IncidentTableModel", "Avvisad"),
}
SYNC_HINTS = {
    SyncState.LOCAL.value: QT_TRANSLATE_NOOP(
        "IncidentTableModel", "Sparad på den här datorn; skickas till servern vid nästa synk."
    ),
    SyncState.SENT.value: QT_TRANSLATE_NOOP(
        "IncidentTableModel", "Skickad till servern; servern har inte bekräftat den än."
    ),
    SyncState.CONFIRMED.value: QT_TRANSLATE_NOOP(
        "IncidentTableModel", "Servern har tagit emot och sparat just den här versionen."
    ),
    SyncState.CONFLICT.value: QT_TRANSLATE_NOOP(
        "IncidentTableModel",
        "Ändrad både här och på servern. Välj version under Synk › Visa konflikter.",
    ),
    SyncState.REJECTED.value: QT_TRANSLATE_NOOP(
        "IncidentTableModel", "Servern tog inte emot händelsen. Rätta den och spara igen."
    ),
}
# The states that need a person's attention stand out in the list.
SYNC_COLOURS = {SyncState.CONFLICT.value: "#b45309", SyncState.REJECTED.value: "#c62828"}


def tr(text: str) -> str:
    return _App.translate("IncidentTableModel", text)


def format_time(row_time: Any, precision: str) -> str:
    """A time as the list shows it: local, with "ca" when approximate, the day alone for dates."""
    local = row_time.astimezone(LOCAL_TZ)
    if precision == TimePrecision.DATE.value:
        return local.strftime("%Y-%m-%d")
    text = local.strftime("%Y-%m-%d %H:%M")
    return (
        _App.translate("IncidentTableModel", "ca %1").replace("%1", text)
        if precision == TimePrecision.APPROXIMATE
        else text
    )


class IncidentTableModel(QAbstractTableModel):
    count_changed = Signal(int)  # how many incidents the filter matches

    def __init__(
        self,
        repository: IncidentRepository,
        category_label: Callable[[str], str],
        district_name: Callable[[str | None], str],
        page_size: int = 200,
    ) -> None:
        super().__init__()
        self._repository = repository
        self._category_label = category_label
        self._district_name = district_name
        self._page_size = page_size
        self._rows: list[IncidentListRow] = []
        self._filter = IncidentFilter()
        self._sort = SortKey.OCCURRED_AT
        self._descending = True
        self._exhausted = False
        self._count = 0

    # -- what the list shows --

    @property
    def filter(self) -> IncidentFilter:
        return self._filter

    def set_filter(self, where: IncidentFilter) -> None:
        self._filter = where
        self.reload()

    def reload(self) -> None:
        """Read the first page again, e.g. after a save or a filter change."""
        self.beginResetModel()
        self._rows = self._repository.page(
            self._filter, sort=self._sort, descending=self._descending, limit=self._page_size
        )
        self._exhausted = len(self._rows) < self._page_size
        self.endResetModel()
        self._count = self._repository.count(self._filter)
        self.count_changed.emit(self._count)

    @property
    def count(self) -> int:
        return self._count

    def incident_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def list_row(self, row: int) -> IncidentListRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, incident_id: str) -> int | None:
        """The row of an incident among those loaded so far."""
        for number, row in enumerate(self._rows):
            if row.id == incident_id:
                return number
        return None

    # -- Qt model --

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        after = self._rows[-1] if self._rows else None
        page = self._repository.page(
            self._filter,
            sort=self._sort,
            descending=self._descending,
            after=after,
            limit=self._page_size,
        )
        self._exhausted = len(page) < self._page_size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][0]) if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return row.description
        if role == Qt.ItemDataRole.ToolTipRole and column == 6:
            return self._sync_tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == 6:
            colour = SYNC_COLOURS.get(row.sync_state)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _sync_tooltip(self, row: IncidentListRow) -> str:
        hint = tr(SYNC_HINTS.get(row.sync_state, ""))
        if row.sync_state != SyncState.REJECTED.value:
            return hint
        # The reasons are not in the list row; read them only when someone hovers.
        incident = self._repository.get(row.id)
        reasons = reasons_text(incident.sync_errors) if incident is not None else ""
        return f"{hint}\n{reasons}" if reasons else hint

    def _display(self, row: IncidentListRow, column: int) -> str:
        match column:
            case 0:
                return format_time(row.occurred_at, row.time_precision)
            case 1:
                return self._category_label(row.category)
            case 2:
                return self._district_name(row.district or None)
            case 3:
                return row.place_name
            case 4:
                return " ".join(row.description.split())[:160]
            case 5:
                source = tr(SOURCE_LABELS.get(row.source, row.source))
                return source + (
                    " · " + _App.translate("IncidentTableModel", "polis underrättad")
                    if row.police_notified
                    else ""
                )
            case 6:
                return tr(SYNC_LABELS.get(row.sync_state, row.sync_state))
        return ""
