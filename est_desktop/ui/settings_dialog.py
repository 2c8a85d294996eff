"""Who is recording (user name and organisation), the sync server, if any, and the base map.

An empty server address means working locally: nothing leaves this PC. An empty tile address
means OpenStreetMap's tiles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from est_desktop.geo.tile_cache import OSM_ATTRIBUTION, OSM_TEMPLATE, TileCache
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.tasks import Task

ORGANISATIONS = (
    ("boras_stad", "Borås Stad"),
    ("bostader", "Bostäder i Borås"),
    ("polisen", "Polisen"),
)
WARNING_STYLE = "color: #8a5a00;"
ERROR_STYLE = "color: #c62828;"

# (server URL, user name, CA bundle) -> who logged in where, or None when cancelled.
LoginPrompt = Callable[[str, str, str], tuple[str, str] | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def server_url_problem(text: str) -> tuple[bool, str]:
    """(acceptable, what to tell the user) for a server address; "" means work locally."""
    url = text.strip()
    if not url:
        return True, _tr("Arbetar lokalt: inget skickas från datorn.")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False, _tr("Ange en adress som börjar med https://, t.ex. https://est.boras.se.")
    if parts.scheme == "http":
        return True, _tr(
            "Varning: http är okrypterat. Använd det bara för test mot en server på samma "
            "dator; annars https."
        )
    return True, ""


def ca_bundle_problem(text: str) -> str:
    """What is wrong with a CA bundle path ("" when nothing is, or no bundle is given)."""
    path = text.strip()
    if path and not Path(path).is_file():
        return _tr("Filen finns inte: %1").replace("%1", path)
    return ""


def tile_url_problem(text: str) -> str:
    """What is wrong with a tile address template ("" when nothing is; "" = OpenStreetMap)."""
    url = text.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return _tr("Ange en adress som börjar med https://, t.ex. %1.").replace("%1", OSM_TEMPLATE)
    if any(f"{{{part}}}" not in url for part in "zxy"):
        return _tr(
            "Adressen måste innehålla {z}, {x} och {y}: där sätts kartbitens zoomnivå och "
            "nummer in."
        )
    try:
        url.format(z=0, x=0, y=0, s="a")
    except (KeyError, IndexError, ValueError):
        return _tr("Inom klammerparenteser får adressen bara ha {z}, {x}, {y} och {s}.")
    return ""


def tile_attribution_problem(url: str, attribution: str) -> str:
    """A custom tile source must say whose map it is: its licence asks for that on the map."""
    if url.strip() and not attribution.strip():
        return _tr("Ange vems kartan är (visas på kartan), t.ex. © Lantmäteriet.")
    return ""


def _not_mbtiles(error: Exception) -> bool:
    """Whether an import failed on the file's content (not SQLite, or no MBTiles tables)."""
    if isinstance(error, sqlite3.OperationalError):  # also: locked, unreadable, disk full
        return "no such table" in str(error) or "no such column" in str(error)
    return isinstance(error, sqlite3.DatabaseError)


class SettingsDialog(QDialog):
    def __init__(
        self,
        preferences: Preferences,
        parent: QWidget | None = None,
        *,
        login: LoginPrompt | None = None,
        tile_cache: TileCache | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inställningar"))
        self._preferences = preferences
        self._login = login
        self._tile_cache = tile_cache
        self._import_task: Task | None = None
        self._import_path = ""
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
        who = QFormLayout()
        who.addRow(self.tr("Användarnamn"), self.user_name)
        who.addRow(self.tr("Organisation"), self.organisation)
        layout = QVBoxLayout(self)
        layout.addLayout(who)
        layout.addWidget(self._server_box())
        layout.addWidget(self._map_box())
        layout.addWidget(buttons)
        self.setMinimumWidth(580)
        self._on_server_changed()
        self._on_map_changed()

    def _server_box(self) -> QGroupBox:
        prefs = self._preferences
        self.server_url = QLineEdit(prefs.server_url)
        self.server_url.setPlaceholderText(self.tr("https://… (tomt = arbeta lokalt)"))
        self.server_url.textChanged.connect(self._on_server_changed)
        self.work_locally = QPushButton(self.tr("Arbeta lokalt"))
        self.work_locally.setToolTip(self.tr("Ingen server: allt sparas bara på den här datorn."))
        self.work_locally.clicked.connect(self.server_url.clear)
        self.url_message = QLabel()
        self.url_message.setWordWrap(True)
        self.server_user = QLineEdit(prefs.server_user or prefs.user_name)
        self.server_user.textChanged.connect(self._on_server_changed)
        self.ca_bundle = QLineEdit(prefs.ca_bundle)
        self.ca_bundle.setPlaceholderText(self.tr("(systemets certifikat)"))
        self.ca_bundle.textChanged.connect(self._on_server_changed)
        self.choose_ca = QPushButton(self.tr("Välj…"))
        self.choose_ca.clicked.connect(self._on_choose_ca_clicked)
        self.ca_message = QLabel()
        self.ca_message.setWordWrap(True)
        self.ca_message.setStyleSheet(ERROR_STYLE)
        self.interval = QSpinBox()
        self.interval.setRange(1, 240)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setValue(max(1, prefs.sync_interval_minutes))
        self.login_button = QPushButton(self.tr("Logga in…"))
        self.login_button.clicked.connect(self._on_login_clicked)
        self.login_button.setVisible(self._login is not None)

        url_row = QHBoxLayout()
        url_row.addWidget(self.server_url, 1)
        url_row.addWidget(self.work_locally)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.choose_ca)
        login_row = QHBoxLayout()
        login_row.addWidget(self.server_user, 1)
        login_row.addWidget(self.login_button)
        box = QGroupBox(self.tr("Server för synkning"))
        form = QFormLayout(box)
        form.addRow(self.tr("Serveradress"), url_row)
        form.addRow("", self.url_message)
        form.addRow(self.tr("Användarnamn på servern"), login_row)
        form.addRow(self.tr("CA-certifikat"), ca_row)
        form.addRow("", self.ca_message)
        form.addRow(self.tr("Synka var"), self.interval)
        return box

    def _map_box(self) -> QGroupBox:
        prefs = self._preferences
        self.tile_url = QLineEdit(prefs.map_tile_url)
        self.tile_url.setPlaceholderText(OSM_TEMPLATE)
        self.tile_url.setToolTip(self.tr("Tomt = OpenStreetMaps karta."))
        self.tile_url.textChanged.connect(self._on_map_changed)
        self.tile_attribution = QLineEdit(prefs.map_tile_attribution)
        self.tile_attribution.textChanged.connect(self._on_map_changed)
        self.map_message = QLabel()
        self.map_message.setWordWrap(True)
        self.map_message.setStyleSheet(ERROR_STYLE)
        self.import_button = QPushButton(self.tr("Importera MBTiles-fil…"))
        self.import_button.setToolTip(
            self.tr("En kartfil från kommunens GIS-avdelning: fungerar helt utan nätverk.")
        )
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.import_message = QLabel()
        self.import_message.setWordWrap(True)
        self.import_button.setVisible(self._tile_cache is not None)
        self.import_message.setVisible(False)

        box = QGroupBox(self.tr("Karta"))
        form = QFormLayout(box)
        form.addRow(self.tr("Adress till kartbitar"), self.tile_url)
        form.addRow(self.tr("Kartans upphov"), self.tile_attribution)
        form.addRow("", self.map_message)
        form.addRow("", self.import_button)
        form.addRow("", self.import_message)
        return box

    # -- validation --

    def problems(self) -> list[str]:
        """What stops saving, in the order the fields appear."""
        found = []
        url_ok, url_text = server_url_problem(self.server_url.text())
        if not url_ok:
            found.append(url_text)
        if ca_text := ca_bundle_problem(self.ca_bundle.text()):
            found.append(ca_text)
        found.extend(text for text in self._map_problems() if text)
        return found

    def _map_problems(self) -> list[str]:
        url, attribution = self.tile_url.text(), self.tile_attribution.text()
        return [tile_url_problem(url), tile_attribution_problem(url, attribution)]

    def _on_map_changed(self, *_: object) -> None:
        custom = bool(self.tile_url.text().strip())
        self.tile_attribution.setEnabled(custom)
        self.tile_attribution.setPlaceholderText(
            self.tr("t.ex. © Lantmäteriet") if custom else OSM_ATTRIBUTION
        )
        self.map_message.setText("\n".join(text for text in self._map_problems() if text))
        self.map_message.setVisible(bool(self.map_message.text()))

    def _on_server_changed(self, *_: object) -> None:
        url_ok, url_text = server_url_problem(self.server_url.text())
        local = not self.server_url.text().strip()
        self.url_message.setText(url_text)
        self.url_message.setStyleSheet(
            ERROR_STYLE if not url_ok else WARNING_STYLE if url_text and not local else ""
        )
        self.ca_message.setText(ca_bundle_problem(self.ca_bundle.text()))
        self.ca_message.setVisible(bool(self.ca_message.text()))
        for widget in (self.server_user, self.ca_bundle, self.choose_ca, self.interval):
            widget.setEnabled(not local)
        self.login_button.setEnabled(url_ok and not local and bool(self.server_user.text()))

    def _on_choose_ca_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Välj CA-certifikat"),
            self.ca_bundle.text(),
            self.tr("Certifikat (*.pem *.crt *.cer);;Alla filer (*)"),
        )
        if path:
            self.ca_bundle.setText(path)

    def _on_login_clicked(self) -> None:
        if self._login is None or self.problems():
            return
        who = self._login(
            self.server_url.text().strip().rstrip("/"),
            self.server_user.text().strip(),
            self.ca_bundle.text().strip(),
        )
        if who is not None:
            url, user = who
            self.server_url.setText(url)
            self.server_user.setText(user)

    # -- importing a base map --

    def _on_import_button_clicked(self) -> None:
        if self._tile_cache is None or self._import_task is not None:
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
        if cache is None or self._import_task is not None:
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
        if _not_mbtiles(error):
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

    def done(self, result: int) -> None:
        # The import task must outlive its work: the dialog stays open until it has reported.
        if self._import_task is None:
            super().done(result)

    def accept(self) -> None:
        if self.problems():
            self._on_server_changed()
            self._on_map_changed()
            return
        prefs = self._preferences
        prefs.user_name = self.user_name.text().strip()
        prefs.organisation = self.organisation.currentData()
        prefs.server_url = self.server_url.text().strip().rstrip("/")
        prefs.server_user = self.server_user.text().strip()
        prefs.ca_bundle = self.ca_bundle.text().strip()
        prefs.sync_interval_minutes = self.interval.value()
        prefs.map_tile_url = self.tile_url.text().strip()
        prefs.map_tile_attribution = self.tile_attribution.text().strip()
        super().accept()
