"""Hjälp: the quick guide (F1), the keyboard shortcuts and "Om EST Desktop" with the licences.

The quick guide is a page in `resources/help/` (one per language, Swedish when there is none
in the chosen one), so it can be read and corrected without touching code.
"""

from __future__ import annotations

import html
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from est_desktop import __version__
from est_desktop.resources import resource_path

OSM_TILE_POLICY = "https://operations.osmfoundation.org/policies/tiles/"

# (component, installed distribution or "", licence, where its terms are). Only what ships
# inside the app and asks for a notice; the data the map shows is credited too.
THIRD_PARTY = (
    ("Leaflet", "XStatic-Leaflet", "BSD 2-Clause", "https://github.com/Leaflet/Leaflet"),
    (
        "Leaflet.markercluster",
        "XStatic-Leaflet-MarkerCluster",
        "MIT",
        "https://github.com/Leaflet/Leaflet.markercluster",
    ),
    ("Qt", "", "LGPL v3", "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    ("PySide6 (Qt for Python)", "PySide6", "LGPL v3", "https://doc.qt.io/qtforpython-6/"),
    ("folium", "folium", "MIT", "https://github.com/python-visualization/folium"),
    ("pyproj", "pyproj", "MIT", "https://github.com/pyproj4/pyproj"),
    ("PROJ", "", "MIT", "https://proj.org/about.html"),
)


def _version(distribution: str) -> str:
    if not distribution:
        return ""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def _link(url: str, text: str | None = None) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(text or url)}</a>'


def show_shortcuts(parent: QWidget) -> None:
    rows = [
        ("F1", QCoreApplication.translate("Help", "Snabbguide")),
        ("Ctrl+N", QCoreApplication.translate("Help", "Ny händelse")),
        ("Ctrl+S, Ctrl+Enter", QCoreApplication.translate("Help", "Spara händelsen")),
        (
            "Esc",
            QCoreApplication.translate("Help", "Avbryt en ändring i formuläret, stäng en dialog"),
        ),
        (
            "Alt + " + QCoreApplication.translate("Help", "understruken bokstav"),
            QCoreApplication.translate("Help", "Gå till fältet eller knappen"),
        ),
        ("Ctrl+F", QCoreApplication.translate("Help", "Sök i listan")),
        ("Ctrl+E", QCoreApplication.translate("Help", "Ändra vald händelse")),
        ("Delete", QCoreApplication.translate("Help", "Ta bort vald händelse (i listan)")),
        ("F5", QCoreApplication.translate("Help", "Uppdatera listan")),
        ("Ctrl+Shift+S", QCoreApplication.translate("Help", "Synka nu")),
        ("Ctrl+Shift+A", QCoreApplication.translate("Help", "Visa eller dölj analysen")),
        ("Ctrl+P", QCoreApplication.translate("Help", "Skriv ut sammanfattning")),
        ("Ctrl+Shift+P", QCoreApplication.translate("Help", "Veckans lägesbild")),
        ("↓", QCoreApplication.translate("Help", "Visa alla kategorier i kategorifältet")),
        ("Ctrl+Tab", QCoreApplication.translate("Help", "Nästa flik i en dialog")),
    ]
    table = "".join(
        f"<tr><td><b>{html.escape(key)}</b>&nbsp;&nbsp;</td><td>{html.escape(text)}</td></tr>"
        for key, text in rows
    )
    QMessageBox.information(
        parent, QCoreApplication.translate("Help", "Kortkommandon"), f"<table>{table}</table>"
    )


def about_html(store_path: Path, server_url: str) -> str:
    """The text of "Om EST Desktop": version, where the data is, the server, the licences."""
    server = (
        html.escape(server_url)
        if server_url
        else QCoreApplication.translate("Help", "ingen – arbetar lokalt")
    )
    rows = []
    for name, distribution, licence, url in THIRD_PARTY:
        version = qVersion() if name == "Qt" else _version(distribution)
        rows.append(
            f"<tr><td>{_link(url, name)}&nbsp;</td><td>{html.escape(version)}&nbsp;</td>"
            f"<td>{html.escape(licence)}</td></tr>"
        )
    osm = (
        QCoreApplication.translate(
            "Help",
            "Kartdata © OpenStreetMap contributors, tillgängliga under Open Database License "
            "(ODbL) 1.0: %1. Kartbitarna från OpenStreetMaps servrar används enligt deras "
            "användarvillkor (%2): programmet sparar dem lokalt och hämtar dem inte i mängd.",
        )
        .replace("%1", _link("https://www.openstreetmap.org/copyright"))
        .replace(
            "%2", _link(OSM_TILE_POLICY, QCoreApplication.translate("Help", "policy för kartbitar"))
        )
    )
    lgpl = QCoreApplication.translate(
        "Help",
        "Qt och PySide6 används under GNU LGPL v3: källkoden finns hos The Qt Company och "
        "Qt-biblioteken i programmets mapp får bytas mot andra versioner.",
    )
    facts = (
        (QCoreApplication.translate("Help", "Datalager"), html.escape(str(store_path))),
        (QCoreApplication.translate("Help", "Server"), server),
        ("Qt", f"{qVersion()} (PySide6 {pyside_version})"),
    )
    eupl = QCoreApplication.translate(
        "Help", "EST Desktop är fri programvara under European Union Public Licence (EUPL) 1.2: %1."
    ).replace("%1", _link("https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12"))
    summary = QCoreApplication.translate(
        "Help",
        "Effektiv samordning för trygghet: Borås Stad, Polisen och Bostäder i Borås "
        "registrerar och följer upp otrygghetsskapande händelser.",
    )
    licence = QCoreApplication.translate("Help", "Licens")
    others = QCoreApplication.translate("Help", "Komponenter från andra")
    return (
        f"<h2>EST Desktop {html.escape(__version__)}</h2><p>{summary}</p><table>"
        + "".join(f"<tr><td><b>{key}</b>&nbsp;</td><td>{value}</td></tr>" for key, value in facts)
        + f"</table><h3>{licence}</h3><p>{eupl}</p>"
        + f"<h3>{others}</h3><table>{''.join(rows)}</table>"
        + f"<p>{osm}</p><p>{lgpl}</p>"
    )


class TextDialog(QDialog):
    """A page of rich text with links and a Close button; Enter and Escape close it."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Stäng"))
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 38, em * 34)
        close.setFocus()  # Enter closes; the text scrolls with the arrow keys once clicked


def show_about(parent: QWidget, store_path: Path, server_url: str = "") -> TextDialog:
    dialog = TextDialog(
        QCoreApplication.translate("Help", "Om EST Desktop"),
        about_html(store_path, server_url),
        parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def quick_guide_path(language: str) -> Path:
    """The quick guide in `language`, or the Swedish one."""
    own = resource_path("help", f"snabbguide.{language}.html")
    return own if own.is_file() else resource_path("help", "snabbguide.sv.html")


def show_quick_guide(parent: QWidget, language: str) -> TextDialog:
    """The one-page guide beside the window (not modal: one can follow it while working)."""
    text = quick_guide_path(language).read_text(encoding="utf-8")
    dialog = TextDialog(QCoreApplication.translate("Help", "Snabbguide"), text, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    return dialog
