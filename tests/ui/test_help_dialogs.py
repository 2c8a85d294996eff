"""Hjälp: the quick guide on F1, "Om EST Desktop" with where the data is and every notice the
licences of what ships inside the app ask for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from est_desktop import __version__
from est_desktop.ui.help_dialogs import TextDialog, about_html, quick_guide_path, show_about


def test_about_says_which_version_where_the_data_is_and_which_server(tmp_path):
    text = about_html(tmp_path / "est.sqlite", "https://est.boras.se")
    assert f"EST Desktop {__version__}" in text
    assert str(tmp_path / "est.sqlite") in text
    assert "https://est.boras.se" in text
    assert "arbetar lokalt" in about_html(tmp_path / "est.sqlite", "")


@pytest.mark.parametrize(
    "notice",
    [
        "Leaflet</a>&nbsp;</td><td>1.9",  # with the version that ships
        "BSD 2-Clause",
        "Leaflet.markercluster",
        "© OpenStreetMap contributors",
        "Open Database License (ODbL) 1.0",
        "https://operations.osmfoundation.org/policies/tiles/",
        "LGPL v3",
        "folium",
        "pyproj",
        "PROJ",
        "EUPL) 1.2",
    ],
)
def test_about_carries_the_licence_notices(tmp_path, notice):
    assert notice in about_html(tmp_path / "est.sqlite", "")


def test_about_closes_with_escape(qtbot, tmp_path):
    dialog = show_about(None, Path(tmp_path / "est.sqlite"))
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # still here to look at

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert not dialog.isVisible()


def test_f1_opens_the_swedish_quick_guide_beside_the_window(qtbot, window):
    [guide] = [a for a in window.findChildren(QAction) if a.text() == "&Snabbguide"]
    assert guide.shortcut().toString() == "F1"

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)  # from the entry form

    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, TextDialog)]
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for heading in (
        "Registrera en händelse",
        "Lista och karta",
        "Synka",
        "Analys",
        "Skriva ut",
    ):
        assert heading in text
    assert not dialog.isModal()  # one can follow it while working in the window
    dialog.close()


def test_a_language_without_its_own_guide_gets_the_swedish_one():
    assert quick_guide_path("fi").name == "snabbguide.sv.html"
    assert quick_guide_path("sv").is_file()
    assert quick_guide_path("en").name == "snabbguide.en.html"
