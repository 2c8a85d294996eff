"""The measure dialog's pick-lists, each showing labels in the UI's language while it stores
what the measure keeps: the status by its value, the responsible organisation by its Swedish
name (or another organisation as typed), and the categories aimed at by their codes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QWidget

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.measure import MeasureStatus
from est_desktop.domain.organisations import PARTNER_NAMES, responsible_label

STATUS_LABELS: dict[MeasureStatus, str] = {
    MeasureStatus.PLANNED: QT_TRANSLATE_NOOP("MeasureDialog", "Planerad"),
    MeasureStatus.ONGOING: QT_TRANSLATE_NOOP("MeasureDialog", "Pågår"),
    MeasureStatus.DONE: QT_TRANSLATE_NOOP("MeasureDialog", "Avslutad"),
}


class StatusCombo(QComboBox):
    """Planned, ongoing or done; `currentData()` is the status's value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for status, label in STATUS_LABELS.items():
            self.addItem(QCoreApplication.translate("MeasureDialog", label), status.value)

    def set_status(self, status: MeasureStatus) -> None:
        self.setCurrentIndex(self.findData(status.value))

    def status(self) -> MeasureStatus:
        return MeasureStatus(self.currentData())


class OrganisationCombo(QComboBox):
    """The partners, stored by their Swedish names whatever the language shown; another
    organisation can be typed as free text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        for name in PARTNER_NAMES:
            self.addItem(responsible_label(name), name)
        self.setCurrentIndex(-1)

    def set_organisation(self, stored: str) -> None:
        index = self.findData(stored)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentText(stored)

    def organisation(self) -> str:
        """A partner picked from the list by its Swedish name; another as typed."""
        index = self.findText(self.currentText())
        return self.itemData(index) if index >= 0 else self.currentText()


class CategoryChecklist(QListWidget):
    """The active categories to tick, by label; each item's user data is its code."""

    def __init__(self, taxonomy: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._taxonomy = taxonomy
        for category in taxonomy.categories(active_only=True):
            self._add(category.code)

    def check(self, codes: Sequence[str]) -> None:
        """Tick exactly `codes`, adding any no longer offered: the measure still aims at them."""
        for code in codes:
            if not self._items(code):
                self._add(code)
        chosen = set(codes)
        for item in self._all_items():
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_codes(self) -> tuple[str, ...]:
        """The codes ticked, in the list's order."""
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._all_items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def _add(self, code: str) -> None:
        item = QListWidgetItem(self._taxonomy.label(code))
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.addItem(item)

    def _items(self, code: str) -> list[QListWidgetItem]:
        return [item for item in self._all_items() if item.data(Qt.ItemDataRole.UserRole) == code]

    def _all_items(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]
