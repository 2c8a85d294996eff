"""The languages the app speaks, and installing one at start.

Swedish is the source language: the texts in the code are Swedish, so it needs no translation
of its own beyond the plural forms (`est_sv.qm`, built with `lupdate -pluralonly`). English comes
from `resources/translations/est_en.qm`, built by `make translations`. A change of language takes
effect at the next start: widgets take their texts once, when they are built.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from est_desktop.domain import language as domain_language
from est_desktop.resources import resource_path

DEFAULT_LANGUAGE = domain_language.SOURCE_LANGUAGE


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # "sv", "en": the value of Preferences.language
    name: str  # in the language itself, so it can be found whatever the UI speaks
    locale: QLocale.Language
    territory: QLocale.Country  # dates and numbers as written there


# en_GB: English words with a 24-hour clock and day-month order, as an office in Sweden expects.
LANGUAGES: tuple[Language, ...] = (
    Language("sv", "Svenska", QLocale.Language.Swedish, QLocale.Country.Sweden),
    Language("en", "English", QLocale.Language.English, QLocale.Country.UnitedKingdom),
)


def available_languages() -> list[Language]:
    """The languages one may choose (for the settings dialog), Swedish first."""
    return list(LANGUAGES)


def language(code: str) -> Language:
    """The language of `code`; Swedish for an unknown code (e.g. a setting from a newer version)."""
    return next((lang for lang in LANGUAGES if lang.code == code), LANGUAGES[0])


def system_language(system: QLocale | None = None) -> str:
    """The system's language (or `system`'s) when the app speaks it, else Swedish."""
    spoken = (system or QLocale.system()).language()
    return next((lang.code for lang in LANGUAGES if lang.locale == spoken), DEFAULT_LANGUAGE)


def locale_of(code: str) -> QLocale:
    chosen = language(code)
    return QLocale(chosen.locale, chosen.territory)


def install_translations(app: QCoreApplication, code: str) -> list[QTranslator]:
    """Make `code` the language of texts, dates and numbers, for Qt and the layers below the UI.

    Returns the translators installed (kept alive by `app` as their parent).
    """
    chosen = language(code)
    locale = locale_of(chosen.code)
    QLocale.setDefault(locale)
    installed = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt's own words (standard buttons, context menus), then ours.
    for name, folder in (("qtbase", qt_folder), ("est", str(resource_path("translations")))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    if os.environ.get(PSEUDO_TRANSLATION):
        pseudo = PseudoTranslator(list(installed), app)
        app.installTranslator(pseudo)
        installed.append(pseudo)
    domain_language.install(QCoreApplication.translate, chosen.code)
    return installed


def remove_translations(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo `install_translations` but for the default locale (tests switch languages within
    one application and put back the locale they found)."""
    for translator in translators:
        app.removeTranslator(translator)
    domain_language.uninstall()


# A developer's check for clipped labels (as vorta does): EST_PSEUDO_TRANSLATION=1 make run
# shows every text about 40 % longer than the language installed.
PSEUDO_TRANSLATION = "EST_PSEUDO_TRANSLATION"
_KEPT = re.compile(r"(<[^>]*>|&[a-z]+;|&|%L?\d|%L?n|\{\w*\})")  # markup, mnemonic, placeholders
_VOWEL = re.compile(r"([aeiouyåäöAEIOUYÅÄÖ])")


def stretched(text: str) -> str:
    """`text` with every vowel doubled, markup and placeholders intact: "&Spara" → "&Spaaraa"."""
    parts = _KEPT.split(text)
    return "".join(part if i % 2 else _VOWEL.sub(r"\1\1", part) for i, part in enumerate(parts))


class PseudoTranslator(QTranslator):
    """The texts of the translators below it (or the source), stretched."""

    def __init__(self, below: list[QTranslator], parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._below = below

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        for translator in reversed(self._below):  # the last installed is asked first, as Qt does
            if text := translator.translate(context, source, disambiguation, n):
                return stretched(text)
        return stretched(source)

    def isEmpty(self) -> bool:
        return False
