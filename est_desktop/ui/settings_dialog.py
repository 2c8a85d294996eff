"""The settings: who is recording, the sync server, the base map, language and folders.

One page per subject; each page checks its own fields and saves them. Enter saves and Escape
cancels, as in every dialog; nothing is written before the whole dialog checks out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.organisations import PARTNER_CODES, organisation_name
from est_desktop.geo.tile_cache import TileCache
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.settings_checks import ERROR_STYLE
from est_desktop.ui.settings_general_tab import GeneralSettingsTab, data_folder_in_use
from est_desktop.ui.settings_map_tab import MapSettingsTab
from est_desktop.ui.settings_server_tab import LoginPrompt, ServerSettingsTab

__all__ = ["ERROR_STYLE", "SettingsDialog", "organisation_combo"]  # other dialogs' style


def organisation_combo(current: str) -> QComboBox:
    """The partners' organisations by readable name; `currentData()` is the code."""
    combo = QComboBox()
    combo.addItem(QCoreApplication.translate("SettingsDialog", "(ingen vald)"), "")
    for code in PARTNER_CODES:
        combo.addItem(organisation_name(code), code)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class SettingsDialog(QDialog):
    def __init__(
        self,
        preferences: Preferences,
        parent: QWidget | None = None,
        *,
        login: LoginPrompt | None = None,
        tile_cache: TileCache | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inställningar"))
        self._preferences = preferences
        self.server_tab = ServerSettingsTab(preferences, login)
        self.map_tab = MapSettingsTab(preferences, tile_cache)
        self.general_tab = GeneralSettingsTab(
            preferences, data_dir or data_folder_in_use(preferences)
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self._user_tab(), self.tr("Användare"))
        self.tabs.addTab(self.server_tab, self.tr("Server"))
        self.tabs.addTab(self.map_tab, self.tr("Karta"))
        self.tabs.addTab(self.general_tab, self.tr("Allmänt"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        # The fields the tests and the window reach by name, as before the pages existed.
        server, map_tab = self.server_tab, self.map_tab
        self.server_url, self.server_user = server.server_url, server.server_user
        self.ca_bundle, self.interval = server.ca_bundle, server.interval
        self.url_message, self.login_button = server.url_message, server.login_button
        self.work_locally = server.work_locally
        self.tile_url, self.tile_attribution = map_tab.tile_url, map_tab.tile_attribution
        self.map_message, self.import_button = map_tab.map_message, map_tab.import_button
        self.import_message, self.import_mbtiles = map_tab.import_message, map_tab.import_mbtiles

    def _user_tab(self) -> QWidget:
        prefs = self._preferences
        self.user_name = QLineEdit(prefs.user_name)
        self.user_name.setToolTip(self.tr("Står som den som registrerat händelserna du sparar."))
        self.organisation = organisation_combo(prefs.organisation)
        self.unit = QLineEdit(prefs.unit)
        self.unit.setPlaceholderText(self.tr("t.ex. Områdesteam Hulta"))
        about = QLabel(
            self.tr(
                "Namn och organisation står på händelserna du sparar. När du loggar in på "
                "servern används de uppgifter servern har om dig."
            )
        )
        about.setWordWrap(True)
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(about)
        form.addRow(self.tr("&Namn"), self.user_name)
        form.addRow(self.tr("&Organisation"), self.organisation)
        form.addRow(self.tr("&Enhet"), self.unit)
        return page

    def problems(self) -> list[str]:
        """What stops saving, page by page in the order the fields appear."""
        return [
            *self.server_tab.problems(),
            *self.map_tab.problems(),
            *self.general_tab.problems(),
        ]

    def done(self, result: int) -> None:
        # The import task must outlive its work: the dialog stays open until it has reported.
        if not self.map_tab.importing:
            super().done(result)

    def accept(self) -> None:
        pages = (self.server_tab, self.map_tab, self.general_tab)
        for page in pages:
            page.update_messages()
        failing = [page for page in pages if page.problems()]
        if failing:
            self.tabs.setCurrentWidget(failing[0])  # where the message is
            return
        prefs = self._preferences
        prefs.user_name = self.user_name.text().strip()
        prefs.organisation = self.organisation.currentData()
        prefs.unit = self.unit.text().strip()
        for page in pages:
            page.save(prefs)
        super().accept()
