"""The settings' map page: the tile source with its attribution, and a municipal MBTiles file
imported into the tile cache. An empty tile address means OpenStreetMap's tiles."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from est_desktop.geo.tile_cache import OSM_ATTRIBUTION, OSM_TEMPLATE, TileCache
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.settings_checks import (
    ERROR_STYLE,
    not_mbtiles,
    tile_attribution_problem,
    tile_url_problem,
)
from est_desktop.ui.settings_server_tab import message_label
from est_desktop.ui.tasks import Task


class MapSettingsTab(QWidget):
    def __init__(
        self,
        preferences: Preferences,
        tile_cache: TileCache | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tile_cache = tile_cache
        self._import_task: Task | None = None
        self._import_path = ""
        self.tile_url = QLineEdit(preferences.map_tile_url)
        self.tile_url.setPlaceholderText(OSM_TEMPLATE)
        self.tile_url.setToolTip(self.tr("Tomt = OpenStreetMaps karta."))
        self.tile_url.textChanged.connect(self.update_messages)
        self.tile_attribution = QLineEdit(preferences.map_tile_attribution)
        self.tile_attribution.textChanged.connect(self.update_messages)
        self.map_message = message_label(ERROR_STYLE)
        self.import_button = QPushButton(self.tr("&Importera MBTiles-fil…"))
        self.import_button.setToolTip(
            self.tr("En kartfil från kommunens GIS-avdelning: fungerar helt utan nätverk.")
        )
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.import_message = message_label()
        self.import_button.setVisible(tile_cache is not None)
        self.import_message.setVisible(False)
        offline = QLabel(
            self.tr(
                "Kartan du har sett finns kvar utan nätverk. Ett helt område sparar du i "
                "menyn Visa › Karta › Spara området för offline…"
            )
        )
        offline.setWordWrap(True)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Adress till kartbitar"), self.tile_url)
        form.addRow(self.tr("Kartans &upphov"), self.tile_attribution)
        form.addRow("", self.map_message)
        form.addRow("", self.import_button)
        form.addRow("", self.import_message)
        form.addRow("", offline)
        self.update_messages()

    @property
    def importing(self) -> bool:
        return self._import_task is not None

    def problems(self) -> list[str]:
        url, attribution = self.tile_url.text(), self.tile_attribution.text()
        found = [tile_url_problem(url), tile_attribution_problem(url, attribution)]
        return [text for text in found if text]

    def save(self, prefs: Preferences) -> None:
        prefs.map_tile_url = self.tile_url.text().strip()
        prefs.map_tile_attribution = self.tile_attribution.text().strip()

    def update_messages(self, *_: object) -> None:
        custom = bool(self.tile_url.text().strip())
        self.tile_attribution.setEnabled(custom)
        self.tile_attribution.setPlaceholderText(
            self.tr("t.ex. © Lantmäteriet") if custom else OSM_ATTRIBUTION
        )
        self.map_message.setText("\n".join(self.problems()))
        self.map_message.setVisible(bool(self.map_message.text()))

    # -- importing a base map --

    def _on_import_button_clicked(self) -> None:
        if self._tile_cache is None or self.importing:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Importera MBTiles-fil"),
            "",
            self.tr("MBTiles-filer (*.mbtiles);;Alla filer (*)"),
        )
        if path:
            self.import_mbtiles(path)

    def import_mbtiles(self, path: str) -> None:
        """Copy the file's tiles into the tile cache on a pool thread; the outcome is shown."""
        cache = self._tile_cache
        if cache is None or self.importing:
            return
        self._import_path = path
        self.import_button.setEnabled(False)
        self._show_import(self.tr("Importerar kartbitar från %1…").replace("%1", path), "")
        self._import_task = Task(lambda: cache.import_mbtiles(path))
        self._import_task.relay.succeeded.connect(self._on_import_succeeded)
        self._import_task.relay.failed.connect(self._on_import_failed)
        self._import_task.start()

    def _on_import_succeeded(self, count: int) -> None:
        self._import_ended()
        self._show_import(self.tr("%1 kartbitar importerade.").replace("%1", str(count)), "")

    def _on_import_failed(self, error: Exception) -> None:
        self._import_ended()
        if not_mbtiles(error):
            text = self.tr(
                "%1 är ingen MBTiles-fil. Välj en kartfil i MBTiles-format, t.ex. från "
                "kommunens GIS-avdelning."
            )
        else:
            text = self.tr("Kunde inte läsa %1: %2").replace("%2", str(error))
        self._show_import(text.replace("%1", self._import_path), ERROR_STYLE)

    def _import_ended(self) -> None:
        self._import_task = None
        self.import_button.setEnabled(True)

    def _show_import(self, text: str, style: str) -> None:
        self.import_message.setText(text)
        self.import_message.setStyleSheet(style)
        self.import_message.setVisible(True)
