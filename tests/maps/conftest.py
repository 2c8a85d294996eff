"""The map's web view in tests: the scheme registered before pytest-qt makes the QApplication."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ.setdefault("QT_QUICK_BACKEND", "software")  # QWidget.grab() of a web view, headless

from PySide6.QtCore import QCoreApplication, Qt

from est_desktop.maps.scheme import register_scheme

register_scheme()
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
