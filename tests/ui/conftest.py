"""Fixtures for the widget tests: private preferences and the real main window on a fresh store.

The `store` fixture (a new store file per test, closed afterwards) comes from tests/conftest.py.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists
# The map's web view: Chromium cannot sandbox or use a GPU on a headless test machine, and
# QWidget.grab() of a web view needs Qt Quick's software renderer there.
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt

from est_desktop.app import build_service, build_window
from est_desktop.maps.scheme import register_scheme
from est_desktop.store.database import Store
from est_desktop.store.incident_service import IncidentService
from est_desktop.ui.main_window import MainWindow
from est_desktop.ui.preferences import Preferences

register_scheme()  # as the app does, before pytest-qt makes the QApplication
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


@pytest.fixture
def prefs_path(tmp_path: Path) -> Path:
    return tmp_path / "prefs.ini"


@pytest.fixture
def prefs(prefs_path: Path) -> Preferences:
    """Preferences in a temporary ini file, so no test reads or writes the user's settings."""
    return Preferences(QSettings(str(prefs_path), QSettings.Format.IniFormat))


@pytest.fixture
def app_service(store: Store, prefs: Preferences) -> IncidentService:
    """The service as the app builds it (real clock, real districts), e.g. to seed the list."""
    return build_service(store, prefs)


@pytest.fixture
def make_window(qtbot, store: Store, prefs: Preferences) -> Callable[..., MainWindow]:
    """Builds the real main window, shown (offscreen) and active so shortcuts and popups work.
    Without the map unless asked: a web view per test would only slow the other tests down."""

    def make(*, with_map: bool = False, with_analysis: bool = False) -> MainWindow:
        window = build_window(store, prefs, with_map=with_map, with_analysis=with_analysis)
        qtbot.addWidget(window)  # closed and deleted after the test
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitActive(window)
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()
