"""CSV as Swedish Excel opens it with a double click: `;` between fields, UTF-8 with a BOM,
CRLF line ends, dates YYYY-MM-DD and decimal commas.

Excel picks the encoding from the BOM (without it, å/ä/ö arrive as mojibake) and the separator
from the locale's list separator, which is `;` where the decimal separator is a comma. Fields
holding `;`, `"` or a line break are quoted and inner quotes doubled (the csv module's minimal
quoting), which Excel and `csv.reader(..., delimiter=";")` both read back unchanged.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from est_desktop.domain.incident import LOCAL_TZ

DELIMITER = ";"
ENCODING = "utf-8-sig"  # writes the BOM
LINE_END = "\r\n"

# A cell starting with one of these is taken for a formula by Excel, LibreOffice and Google
# Sheets: "=HYPERLINK(...)" or "=cmd|' /C calc'!A0" typed into a description would run or
# phone home when the recipient opens the file ("CSV injection", OWASP). A leading apostrophe
# makes the spreadsheet show the text as text; tab and carriage return are on OWASP's list too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """`value`, with a leading `'` when a spreadsheet would read it as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def decimal(value: float, places: int) -> str:
    """A number with a decimal comma, as Swedish Excel reads numbers: 57,720312."""
    return f"{value:.{places}f}".replace(".", ",")


def swedish_date(day: date | datetime) -> str:
    """YYYY-MM-DD; an aware time is first turned into Borås local time."""
    if isinstance(day, datetime):
        day = day.astimezone(LOCAL_TZ).date()
    return day.isoformat()


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Write `header` and `rows` (every cell already a string); the number of data rows.

    Every cell passes `safe_cell`, so no caller can forget the formula guard.
    """
    written = 0
    with open(path, "w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle, delimiter=DELIMITER, lineterminator=LINE_END)
        writer.writerow([safe_cell(cell) for cell in header])
        for row in rows:
            writer.writerow([safe_cell(cell) for cell in row])
            written += 1
    return written
