"""The three partners of EST: the codes the server knows them by, and their names.

A user's organisation travels as its code (PROTOCOL.md). A measure's responsible organisation
is free text (another body may be responsible, too), kept as the partner's Swedish name when
one of the partners is picked, so the record reads the same on every PC; it is shown in the
user's language.
"""

from __future__ import annotations

from est_desktop.domain.language import QT_TRANSLATE_NOOP, translate

CONTEXT = "Organisations"
PARTNERS: tuple[tuple[str, str], ...] = (
    ("boras_stad", QT_TRANSLATE_NOOP("Organisations", "Borås Stad")),
    ("polisen", QT_TRANSLATE_NOOP("Organisations", "Polisen")),
    ("bostader", QT_TRANSLATE_NOOP("Organisations", "Bostäder i Borås")),
)
PARTNER_CODES = tuple(code for code, _ in PARTNERS)
PARTNER_NAMES = tuple(name for _, name in PARTNERS)


def organisation_name(code: str) -> str:
    """The readable name of an organisation code; the code itself when unknown."""
    return next((translate(CONTEXT, name) for known, name in PARTNERS if known == code), code)


def responsible_label(stored: str) -> str:
    """A measure's responsible organisation as shown: a partner's name in the user's language,
    anything else as it was written."""
    return translate(CONTEXT, stored) if stored in PARTNER_NAMES else stored
