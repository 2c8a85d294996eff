"""The language the headless commands write in: the one the user chose for the window.

`--language` when given, else the one saved in the settings (which defaults to the system's).
The plain commands load only QtCore for it (no display needed); those that draw (report,
self-test) make their QApplication first and pass it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLocale, QSettings

# Qt needs an application object for its translators; a plain command makes a core one, once.
_CORE_APPLICATION: list[QCoreApplication] = []


def chosen_language(given: str | None) -> str:
    """`given`, else the language of the settings ("sv" or "en")."""
    if given:
        return given
    from est_desktop.ui.preferences import Preferences

    return Preferences(QSettings("EST", "EST Desktop")).language


@contextmanager
def speaking(given: str | None, app: QCoreApplication | None = None) -> Iterator[None]:
    """Inside: texts in the user's language (`given`, else the setting's); afterwards as before,
    for the commands also run inside a test session beside other windows."""
    from est_desktop.ui.languages import install_translations, remove_translations

    app = app or QCoreApplication.instance() or _core_application()
    locale = QLocale()  # the default one, which installing a language changes
    installed = install_translations(app, chosen_language(given))
    try:
        yield
    finally:
        remove_translations(app, installed)
        QLocale.setDefault(locale)


def _core_application() -> QCoreApplication:
    if not _CORE_APPLICATION:
        _CORE_APPLICATION.append(QCoreApplication(["est-desktop"]))
    return _CORE_APPLICATION[0]
