"""Who is recording: the user name and organisation every record is stamped with."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from est_desktop.ui.preferences import Preferences

ORGANISATIONS = (
    ("boras_stad", "Borås Stad"),
    ("bostader", "Bostäder i Borås"),
    ("polisen", "Polisen"),
)


class SettingsDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inställningar"))
        self._preferences = preferences
        self.user_name = QLineEdit(preferences.user_name)
        self.organisation = QComboBox()
        self.organisation.addItem(self.tr("(ingen vald)"), "")
        for code, name in ORGANISATIONS:
            self.organisation.addItem(name, code)
        current = self.organisation.findData(preferences.organisation)
        self.organisation.setCurrentIndex(max(current, 0))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Användarnamn"), self.user_name)
        layout.addRow(self.tr("Organisation"), self.organisation)
        layout.addRow(buttons)

    def accept(self) -> None:
        self._preferences.user_name = self.user_name.text().strip()
        self._preferences.organisation = self.organisation.currentData()
        super().accept()
