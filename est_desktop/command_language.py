"""The language the headless commands write in: the one the user chose for the window.

`--language` when given, else the one saved in the settings (which defaults to the system's).

Two ways in, because Qt allows one application object per process, of one kind:
- `speaking`: our own texts (`domain.language.translate`) from the `.qm` file, with no Qt
  application at all. For reading the command line (before it is known whether the command
  will make a QApplication) and for the plain commands, whose texts are all ours.
- `speaking_with(app, …)`: Qt's translators installed on the QApplication of a command that
  draws with Qt (report, self-test), so Qt's own words follow too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator


def chosen_language(given: str | None) -> str:
    """`given`, else the language of the settings ("sv" or "en")."""
    if given:
        return given
    from est_desktop.ui.preferences import Preferences

    return Preferences(QSettings("EST", "EST Desktop")).language


@contextmanager
def speaking(given: str | None) -> Iterator[None]:
    """Inside: our texts in the user's language (`given`, else the setting's); afterwards the
    source texts again (the commands also run inside a test session, beside other windows)."""
    from est_desktop.domain import language as domain_language
    from est_desktop.resources import resource_path
    from est_desktop.ui.languages import language, locale_of

    code = language(chosen_language(given)).code
    translator = QTranslator()
    translator.load(locale_of(code), "est", "_", str(resource_path("translations")))

    def translated(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        found = translator.translate(context, text, disambiguation, n)
        return found or (text.replace("%n", str(n)) if n >= 0 else text)  # as Qt falls back

    domain_language.install(translated, code)
    try:
        yield
    finally:
        domain_language.uninstall()


@contextmanager
def speaking_with(app: QCoreApplication, given: str | None) -> Iterator[None]:
    """Inside: Qt's and our texts, numbers and dates in the user's language, installed on
    `app`; afterwards as before."""
    from est_desktop.ui.languages import install_translations, remove_translations

    locale = QLocale()  # the default one, which installing a language changes
    installed = install_translations(app, chosen_language(given))
    try:
        yield
    finally:
        remove_translations(app, installed)
        QLocale.setDefault(locale)
