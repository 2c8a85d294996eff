"""Numbers, dates and statuses as they are written on paper, in the user's language."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from est_desktop.domain import language
from est_desktop.domain.language import decimal_number, whole_number

NO_VALUE = "—"  # shown where a number is withheld (police records the reader may not see)

_STATUS = {
    "planned": QT_TRANSLATE_NOOP("ReportWording", "Planerad"),
    "ongoing": QT_TRANSLATE_NOOP("ReportWording", "Pågår"),
    "done": QT_TRANSLATE_NOOP("ReportWording", "Avslutad"),
}


def whole(n: float) -> str:
    """12345 → "12 345" (Swedish groups thousands with a non-breaking space) or "12,345"."""
    return whole_number(round(n)).replace(" ", "\u00a0")


def share(part: int, total: int) -> str:
    """A share as a whole percent ("34 %"), "<1 %" for a small non-zero share."""
    if total <= 0:
        return NO_VALUE
    percent = 100.0 * part / total
    if 0 < percent < 0.5:
        return language.percent("<1")
    return language.percent(str(round(percent)))


def day(value: date) -> str:
    """ISO dates, as Swedish forms and minutes write them: 2026-11-26."""
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def decimal(value: float) -> str:
    """One decimal, thousands grouped: 1234.5 → "1 234,5" in Swedish, "1,234.5" in English."""
    return decimal_number(value, 1).replace(" ", "\u00a0")


def day_and_time(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def date_span(start: date | None, end: date | None) -> str:
    """A measure's time: "2026-10-01–2026-12-31", "från 2026-10-01", "till 2026-12-31"."""
    if start and end:
        return f"{day(start)}–{day(end)}"
    if start:
        return QCoreApplication.translate("ReportWording", "från {day}").format(day=day(start))
    if end:
        return QCoreApplication.translate("ReportWording", "till {day}").format(day=day(end))
    return ""


def measure_status(status: str) -> str:
    label = _STATUS.get(status)
    return QCoreApplication.translate("ReportWording", label) if label else status
