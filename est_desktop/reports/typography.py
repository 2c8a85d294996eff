"""Fonts, sizes and colours of the printed documents.

Everything must read in grey-scale print, so colour only ever repeats what text or position
already says. Font families exist on Windows ("Segoe UI") and on most Linux desktops; Qt falls
back to the default sans-serif when none of them is installed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QColor, QFont

FAMILIES = ["Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial"]

INK = QColor("#262626")  # body text: dark grey prints softer than black and stays sharp
MUTED = QColor("#5a5a5a")  # captions, notes, footers
ACCENT = QColor("#1f3a5f")  # dark blue: headings and bars; prints as a dark grey
ACCENT_LIGHT = QColor("#e3e9f0")  # box backgrounds: a faint tint, nearly white in grey-scale
RULE = QColor("#8c8c8c")
ZEBRA = QColor("#f1f1f1")  # every other table row


class Role(Enum):
    """What a piece of text is; its size comes from the document's TypeScale."""

    KICKER = "kicker"
    TITLE = "title"
    SUBTITLE = "subtitle"
    HEADING = "heading"
    SUBHEADING = "subheading"
    BODY = "body"
    TABLE = "table"
    TABLE_HEADER = "table_header"
    CAPTION = "caption"
    FIGURE = "figure"
    NOTE = "note"
    FOOTER = "footer"
    CHART = "chart"


_BOLD = {Role.TITLE, Role.HEADING, Role.SUBHEADING, Role.TABLE_HEADER, Role.FIGURE}


@dataclass(frozen=True, slots=True)
class TypeScale:
    """Point sizes per role. The feedback page uses a larger scale than the analysts' papers."""

    kicker: float = 8.5
    title: float = 20.0
    subtitle: float = 11.5
    heading: float = 13.0
    subheading: float = 10.5
    body: float = 10.0
    table: float = 9.0
    caption: float = 8.5
    figure: float = 20.0
    note: float = 9.0
    footer: float = 7.5
    chart: float = 8.0

    def size(self, role: Role) -> float:
        if role is Role.TABLE_HEADER:
            return self.table
        return getattr(self, role.value)

    def font(self, role: Role) -> QFont:
        font = QFont()
        font.setFamilies(FAMILIES)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSizeF(self.size(role))
        font.setBold(role in _BOLD)
        font.setItalic(role is Role.NOTE)
        if role is Role.KICKER:
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        return font


NORMAL = TypeScale()
LARGE = TypeScale(
    title=26.0,
    subtitle=14.0,
    heading=17.0,
    subheading=14.0,
    body=14.0,
    table=13.0,
    caption=11.0,
    figure=30.0,
    note=12.0,
)
