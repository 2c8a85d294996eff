"""The privacy check of an incident's free-text description.

Incidents describe places and events, not people (DESIGN.md, "Privacy by design"). Before a
description is saved it is checked here; every finding is a span of the text that looks like a
personal identity number, a phone number, an e-mail address or a person's name, so the UI can
highlight it, show `PRIVACY_HINT` and let the user edit the text or confirm it as it is.

The checks are heuristics: they lean towards a warning for identity numbers, phone numbers and
e-mail addresses, and are conservative for names, so that place names and ordinary incident text
(times, dates, house numbers, amounts, registration plates) do not warn.
"""

from __future__ import annotations

import calendar
import itertools
import re
from dataclasses import dataclass
from enum import StrEnum

from est_desktop.domain.common_names import FIRST_NAMES
from est_desktop.domain.language import QT_TRANSLATE_NOOP, translate

PRIVACY_HINT = QT_TRANSLATE_NOOP("Privacy", "Beskriv händelsen och platsen, inte personer")


class FindingKind(StrEnum):
    PERSONAL_IDENTITY_NUMBER = "personal_identity_number"  # personnummer or samordningsnummer
    PHONE_NUMBER = "phone_number"
    EMAIL = "email"
    NAME = "name"


@dataclass(frozen=True)
class PrivacyFinding:
    """A span of the checked text, `text[start:end] == finding.text`."""

    kind: FindingKind
    start: int
    end: int
    text: str


_DESCRIPTIONS = {
    FindingKind.PERSONAL_IDENTITY_NUMBER: QT_TRANSLATE_NOOP(
        "Privacy", "ser ut som ett personnummer"
    ),
    FindingKind.PHONE_NUMBER: QT_TRANSLATE_NOOP("Privacy", "ser ut som ett telefonnummer"),
    FindingKind.EMAIL: QT_TRANSLATE_NOOP("Privacy", "ser ut som en e-postadress"),
    FindingKind.NAME: QT_TRANSLATE_NOOP("Privacy", "ser ut som ett namn på en person"),
}


def describe_finding(finding: PrivacyFinding) -> str:
    """A short explanation of why `finding` was flagged, in the user's language."""
    return translate("Privacy", _DESCRIPTIONS[finding.kind])


def privacy_findings(text: str) -> list[PrivacyFinding]:
    """Everything in `text` that looks like it identifies a person, sorted by start.

    Spans never overlap: where two checks claim the same characters, the first of e-mail,
    identity number, phone number and name wins.
    """
    accepted: list[PrivacyFinding] = []
    for finder in (_emails, _identity_numbers, _phone_numbers, _names):
        for finding in finder(text):
            if all(finding.end <= f.start or finding.start >= f.end for f in accepted):
                accepted.append(finding)
    return sorted(accepted, key=lambda f: f.start)


def _finding(kind: FindingKind, text: str, start: int, end: int) -> PrivacyFinding:
    return PrivacyFinding(kind, start, end, text[start:end])


# --- e-mail ---------------------------------------------------------------------------------

_EMAIL_RE = re.compile(r"(?<![\w.%+-])[\w.%+-]+@(?:[\w-]+\.)+[A-Za-z]{2,}(?![\w-])")


def _emails(text: str) -> list[PrivacyFinding]:
    return [_finding(FindingKind.EMAIL, text, m.start(), m.end()) for m in _EMAIL_RE.finditer(text)]


# --- personnummer and samordningsnummer -----------------------------------------------------

# YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN; never part of a longer run
# of digits (also not one joined by a dash, like an order number "12-850101-1234").
_PIN_RE = re.compile(
    r"(?<!\d)(?<!\d-)"
    r"(?:(?P<century>18|19|20)(?P<date8>\d{6})(?P<sep8>-?)|(?P<date6>\d{6})(?P<sep6>[-+]?))"
    r"(?P<serial>\d{4})(?!\d)(?!-\d)"
)
# Mobile prefixes: an undelimited ten-digit number starting with one of them is a phone number.
_MOBILE_PREFIXES = ("070", "072", "073", "076", "079")


def _luhn_check_digit(nine_digits: str) -> int:
    """The Luhn check digit of the first nine digits of a personnummer (YYMMDDNNN)."""
    total = 0
    for i, ch in enumerate(nine_digits):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


def _valid_birth_date(year: int, month: int, day: int) -> bool:
    if day > 60:  # samordningsnummer: the day of birth plus 60
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _is_identity_number(match: re.Match[str]) -> bool:
    if match["century"]:
        date, centuries = match["date8"], (int(match["century"]),)
    else:
        date = match["date6"]
        if not match["sep6"] and match[0].startswith(_MOBILE_PREFIXES):
            return False
        # "+" is written by those 100 years or older; the century is otherwise not written.
        centuries = (18, 19) if match["sep6"] == "+" else (19, 20)
    ten_digits = date + match["serial"]
    if _luhn_check_digit(ten_digits[:9]) != int(ten_digits[9]):
        return False
    yy, month, day = int(date[:2]), int(date[2:4]), int(date[4:6])
    return any(_valid_birth_date(c * 100 + yy, month, day) for c in centuries)


def _identity_numbers(text: str) -> list[PrivacyFinding]:
    return [
        _finding(FindingKind.PERSONAL_IDENTITY_NUMBER, text, m.start(), m.end())
        for m in _PIN_RE.finditer(text)
        if _is_identity_number(m)
    ]


# --- phone numbers --------------------------------------------------------------------------

# Between two digits: nothing, one space, or a dash with an optional space on either side.
_SEP = r"(?:[ \u00a0]?-[ \u00a0]?|[ \u00a0])?"
# National numbers start with the trunk prefix 0 and have 8 to 10 digits; international ones
# start with +46 or 0046 (optionally "(0)") and have 7 to 9 digits after the country code.
# A number glued to a word, or continuing a date or time ("2026-03-14", "21.40"), is not one.
_PHONE_RE = re.compile(
    rf"(?<![\w+])(?<!\d[-./:])"
    rf"(?:(?:\+|00)46{_SEP}(?:\(0\){_SEP})?[1-9](?:{_SEP}\d){{6,8}}"
    rf"|0[1-9](?:{_SEP}\d){{6,8}})"
    rf"(?!\d)(?![-./:]\d)"
)
# Written like a date ("01-02-2026") or a personnummer ("030229-1232", wrong date or digit).
_NOT_PHONE_RE = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{6}[-+]\d{4}")


def _phone_numbers(text: str) -> list[PrivacyFinding]:
    return [
        _finding(FindingKind.PHONE_NUMBER, text, m.start(), m.end())
        for m in _PHONE_RE.finditer(text)
        if not _NOT_PHONE_RE.fullmatch(m[0])
    ]


# --- names ----------------------------------------------------------------------------------

_UPPER, _LOWER = "A-ZÅÄÖÉÈÜØÆ", "a-zåäöéèüøæß"
_WORD_RE = re.compile(rf"(?<![\w-])[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?(?![\w-])")
_GAP_RE = re.compile(r"[ \t\u00a0]+")  # words on one line with only spaces between them
_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]+(\w+)")

_SURNAME_ENDINGS = (
    "son", "berg", "ström", "qvist", "kvist", "quist", "lund", "gren", "dahl", "stedt", "blom",
    "blad",
)  # fmt: skip
_PLACE_ENDINGS = (
    "gatan", "gata", "vägen", "väg", "gränd", "gränden", "plan", "planen", "torg", "torget",
    "backen", "backe", "stigen", "leden", "platsen", "plats", "parken", "park", "allén", "gången",
    "slingan", "skolan", "skola", "kyrkan", "kyrka", "hallen", "badet", "centrum", "området",
    "gården", "vallen", "ängen", "huset", "bron", "stationen", "gymnasiet", "förskolan",
)  # fmt: skip
# Capitalised words that begin sentences or places, and words of the EST districts themselves.
_NOT_NAMES_TEXT = """
    vid på i mot från till efter före under över bakom utanför innanför nära bredvid intill
    stora lilla norra södra östra västra nya gamla centrala övre nedre yttre inre
    den det de en ett han hon hen vi ni man någon några flera många alla två tre fyra
    kl ca igår idag ikväll inatt imorse sedan och men samt eller även också när där här
    måndag tisdag onsdag torsdag fredag lördag söndag
    polis polisen väktare väktarna vaktbolaget bostäder borås stad kommun
    hulta norrby hässleholmen hässleholmens sjöbo knalleland brämhult göta centrum
"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())


def _is_place_word(word: str) -> bool:
    lower = word.casefold()
    return lower.endswith(_PLACE_ENDINGS) or lower in _NOT_NAMES


def _is_first_name(word: str) -> bool:
    return word.split("-")[0].casefold() in FIRST_NAMES


def _is_surname(word: str) -> bool:
    last = word.split("-")[-1].casefold()
    if last.endswith("s") and len(last) > 3:  # genitive: "Svenssons"
        return last.endswith(_SURNAME_ENDINGS) or last[:-1].endswith(_SURNAME_ENDINGS)
    return len(last) >= 4 and last.endswith(_SURNAME_ENDINGS)


def _looks_like_full_name(first: str, second: str) -> bool:
    if _is_place_word(first) or _is_place_word(second):
        return False
    return _is_first_name(first) or _is_surname(second)


def _followed_by_place_noun(text: str, end: int) -> bool:
    """Whether a place noun comes next, as in "Anna Lindhs plats" or "Gustav Adolfs torg"."""
    match = _NEXT_WORD_RE.match(text, end)
    return bool(match) and match[1].islower() and match[1].endswith(_PLACE_ENDINGS)


def _names(text: str) -> list[PrivacyFinding]:
    words = list(_WORD_RE.finditer(text))
    spans: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(words):
        if not _GAP_RE.fullmatch(text, a.end(), b.start()):
            continue
        if not _looks_like_full_name(a[0], b[0]):
            continue
        if spans and spans[-1][1] == a.end():  # "Anna Maria Svensson": one finding
            spans[-1] = (spans[-1][0], b.end())
        else:
            spans.append((a.start(), b.end()))
    return [
        _finding(FindingKind.NAME, text, start, end)
        for start, end in spans
        if not _followed_by_place_noun(text, end)
    ]
