"""The user's language for the layers that do not import Qt (domain, analysis, store, sync).

Their words are Swedish source texts marked for Qt's `pyside6-lupdate`: `translate(...)` for text
built when needed, `QT_TRANSLATE_NOOP(...)` for tables built at import (translated when shown).
The app installs Qt's translate function and the language code at start (ui/languages.py); until
then (tests, the server, the command-line tools) every text stays in Swedish, the source language.
"""

from __future__ import annotations

from collections.abc import Callable

SOURCE_LANGUAGE = "sv"

Translate = Callable[[str, str, str | None, int], str]


def _source_text(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text.replace("%n", str(n)) if n >= 0 else text  # as Qt does without a translation


_installed: dict[str, object] = {"translate": _source_text, "code": SOURCE_LANGUAGE}


def install(translate_function: Translate, code: str) -> None:
    """Use `translate_function` (Qt's `QCoreApplication.translate`) and language `code`."""
    _installed["translate"] = translate_function
    _installed["code"] = code


def uninstall() -> None:
    """Back to the Swedish source texts (for tests that installed a language)."""
    install(_source_text, SOURCE_LANGUAGE)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the user's language; `%n` becomes `n` in the plural form that fits it."""
    function: Translate = _installed["translate"]  # type: ignore[assignment]
    return function(context, text, disambiguation, n)


def current_language() -> str:
    """The code of the user's language: "sv" or "en"."""
    return str(_installed["code"])


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate (which looks for this very name) in `context`; translate it
    with the same context when shown."""
    return text


# How numbers are written: (thousands separator, decimal sign).
_NUMBER_SIGNS = {"sv": (" ", ","), "en": (",", ".")}

MONTH_ABBREVIATIONS = (
    QT_TRANSLATE_NOOP("Months", "jan"),
    QT_TRANSLATE_NOOP("Months", "feb"),
    QT_TRANSLATE_NOOP("Months", "mar"),
    QT_TRANSLATE_NOOP("Months", "apr"),
    QT_TRANSLATE_NOOP("Months", "maj"),
    QT_TRANSLATE_NOOP("Months", "jun"),
    QT_TRANSLATE_NOOP("Months", "jul"),
    QT_TRANSLATE_NOOP("Months", "aug"),
    QT_TRANSLATE_NOOP("Months", "sep"),
    QT_TRANSLATE_NOOP("Months", "okt"),
    QT_TRANSLATE_NOOP("Months", "nov"),
    QT_TRANSLATE_NOOP("Months", "dec"),
)


def whole_number(n: float) -> str:
    """`n` rounded half up to a whole number, thousands grouped as the user's language does."""
    separator, _ = _NUMBER_SIGNS.get(current_language(), _NUMBER_SIGNS[SOURCE_LANGUAGE])
    rounded = int(n + 0.5) if n >= 0 else -int(-n + 0.5)
    return f"{rounded:,}".replace(",", separator)


def decimal_number(value: float, decimals: int = 1) -> str:
    """`value` with `decimals` decimals, in the user's language ("1 234,5" or "1,234.5")."""
    separator, point = _NUMBER_SIGNS.get(current_language(), _NUMBER_SIGNS[SOURCE_LANGUAGE])
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", point).replace("\x00", separator)


def month_abbreviation(month: int) -> str:
    """The short name of `month` (1–12) in the user's language: "maj" or "May"."""
    return translate("Months", MONTH_ABBREVIATIONS[month - 1])


def percent(text: str) -> str:
    """`text` (a number) as a percentage: "34 %" in Swedish (a no-break space), "34%" in
    English."""
    return f"{text}%" if current_language() == "en" else f"{text}\u00a0%"
