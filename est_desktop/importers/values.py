"""Text cells of police files as numbers, dates and times, the way Swedish exports write them.

Pure functions; each returns None for text it cannot read, so the caller can name the bad cell.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone

from est_desktop.domain.language import translate
from est_desktop.importers.errors import ImportFormatError

_SPACES = re.compile(r"[\s\u00a0\u202f']+")  # thousands separators: space, NBSP, thin space, '
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_PLAIN_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y", "%d/%m/%Y")
_TIME = re.compile(r"(\d{1,2})(?:[:.]?(\d{2}))?(?:[:.](\d{2}))?")
_FEED_TIME = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{1,2}:?\d{2})?"
)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252: what Excel and police systems write."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportFormatError(
            translate(
                "Import",
                "Filen går inte att läsa som text (varken UTF-8 eller Windows-1252). "
                "Spara den som CSV (UTF-8) och försök igen.",
            )
        ) from None


def parse_number(text: str) -> float | None:
    """'57,7210', '6 401 234,5', '1.234,5' and '12.94' alike; None if it is no number."""
    if _PLAIN_NUMBER.fullmatch(text):  # the common case, one match: "57,7210" or "6401234.5"
        return float(text.replace(",", "."))
    cleaned = _SPACES.sub("", text.strip())
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        # Both present: the one that comes last is the decimal mark.
        thousands = "." if cleaned.rfind(",") > cleaned.rfind(".") else ","
        cleaned = cleaned.replace(thousands, "")
    cleaned = cleaned.replace(",", ".").replace("\u2212", "-")  # Unicode minus from Excel
    if not _NUMBER.fullmatch(cleaned):
        return None
    return float(cleaned)


def parse_date(text: str) -> date | None:
    """A day in the formats exports use (ISO first); a trailing time is ignored here."""
    cleaned = text.strip().split(" ")[0].split("T")[0]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def parse_time(text: str) -> time | None:
    """'18:50', '18.50', '1850', '8:05', '18', '18:50:00'; None if empty or no time of day."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute, second = (int(part) if part else 0 for part in match.groups())
    if hour == 24 and minute == 0 and second == 0:
        return time(23, 59, 59)  # some exports write midnight at the end of a day as 24:00
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def time_in_date_cell(text: str) -> time | None:
    """The time of a combined cell such as '2025-06-07 18:50', if it carries one."""
    parts = text.strip().replace("T", " ").split(None, 1)
    return parse_time(parts[1]) if len(parts) == 2 else None


def parse_feed_datetime(text: str) -> datetime | None:
    """The events feed's `datetime`: '2025-06-07 7:32:06 +02:00' (unpadded hour, a space before
    the offset), or ISO 8601. Aware; None if unreadable or without an offset."""
    match = _FEED_TIME.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups()[:6])
    offset = match.group(7)
    if offset is None:
        return None
    try:
        if offset == "Z":
            zone = UTC
        else:
            sign = -1 if offset[0] == "-" else 1
            digits = offset[1:].replace(":", "").zfill(4)
            delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            zone = timezone(sign * delta)
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None
