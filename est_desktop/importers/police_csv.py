"""Police crime exports (CSV) → `ImportRow`s: one per crime, with every quirk of the exports.

Separators `;` or `,`, UTF-8 with or without BOM or Windows-1252, CRLF, decimal commas, times
missing (the day alone is known), from–to ranges, SWEREF 99 TM or WGS84 coordinates, and a case
number carrying several crimes (each its own record, its external id "case:crime").
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from est_desktop.domain.incident import (
    LOCAL_TZ,
    IncidentDraft,
    LocationPrecision,
    Source,
    TimePrecision,
)
from est_desktop.domain.validation import MAX_DESCRIPTION, MAX_EXTERNAL_ID, MUNICIPALITY_CENTRE
from est_desktop.importers.category_map import CategoryMap
from est_desktop.importers.columns import ColumnMapping, missing_columns, recognise_columns
from est_desktop.importers.coordinates import CoordinateSystem, classify, sweref_to_wgs84
from est_desktop.importers.errors import ImportFormatError, MissingColumnsError
from est_desktop.importers.rows import ImportFormat, ImportRow, ParsedImport, is_municipality
from est_desktop.importers.values import (
    decode_text,
    parse_date,
    parse_number,
    parse_time,
    time_in_date_cell,
)

_CODE_LIST = re.compile(r"\d+(?:\s*[,;/|+]\s*\d+)+")
_END_OF_DAY = time(23, 59, 59)

Cell = Callable[[str], str]


@dataclass(slots=True)
class _Pending:
    """A row read but not yet projected: SWEREF points are converted in one batch."""

    line: int
    draft: IncidentDraft
    crimes: list[tuple[str, str]]
    sweref: tuple[float, float] | None = None  # (northing, easting)


def csv_headers(data: bytes) -> list[str]:
    """The header row, for the column-mapping dialog."""
    text = decode_text(data)
    return [h.strip() for h in next(csv.reader(io.StringIO(text), delimiter=_delimiter(text)), [])]


def read_police_csv(
    data: bytes, *, mapping: ColumnMapping | None = None, categories: CategoryMap | None = None
) -> ParsedImport:
    """Parse an export; `MissingColumnsError` if required columns are not recognised (then ask
    the user for a `ColumnMapping` and call again), `ImportFormatError` if it is no CSV at all."""
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        headers = [h.strip() for h in next(reader, [])]
    except csv.Error as exc:
        raise ImportFormatError(f"Filen är ingen läsbar CSV-fil: {exc}.") from None
    if not any(headers):
        raise ImportFormatError("Filen är tom: den första raden ska ha kolumnnamn.")
    mapping = mapping or recognise_columns(headers)
    if missing := missing_columns(mapping, headers):
        raise MissingColumnsError(missing, headers)
    categories = categories or CategoryMap.load()
    columns = mapping.indexes(headers)
    rows: list[ImportRow] = []
    pending: list[_Pending] = []
    read = 0
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            read += 1

            def cell(name: str, cells: list[str] = cells) -> str:
                index = columns.get(name)
                return cells[index].strip() if index is not None and index < len(cells) else ""

            result = _read_row(reader.line_num, cell)
            if isinstance(result, ImportRow):
                rows.append(result)
            else:
                pending.append(result)
    except csv.Error as exc:
        raise ImportFormatError(f"Rad {reader.line_num} går inte att läsa: {exc}.") from None
    rows.extend(_finish(pending, categories))
    rows.sort(key=lambda row: row.line)
    return ParsedImport(ImportFormat.POLICE_CSV, tuple(rows), read)


def _delimiter(text: str) -> str:
    """From the header line only: data rows carry decimal commas."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return max((";", ",", "\t"), key=header.count)


def _read_row(line: int, cell: Cell) -> ImportRow | _Pending:
    case = cell("case_number")
    if not case:
        return ImportRow(line, reason="Ärendenummer saknas.")
    crimes = _crimes(cell("crime_code"), cell("crime_name"))
    if not crimes:
        return ImportRow(line, reason=f"Ärende {case}: brottskod och brottsbenämning saknas.")
    times = _times(cell)
    if isinstance(times, str):
        return ImportRow(line, reason=f"Ärende {case}: {times}")
    occurred_at, until, precision = times
    municipality = cell("municipality")
    if municipality and not is_municipality(municipality):
        return ImportRow(line, outside=True)
    draft = IncidentDraft(
        occurred_at=occurred_at,
        occurred_until=until,
        time_precision=precision,
        place_name=cell("address")[:200],
        description=cell("description"),
        source=Source.POLICE,
        external_id=case,
    )
    north_text, east_text = cell("north"), cell("east")
    if not north_text and not east_text:
        if municipality:  # only the municipality is known: counted there, not on the map
            lat, lon = MUNICIPALITY_CENTRE
            return _Pending(
                line,
                replace(draft, lat=lat, lon=lon, location_precision=LocationPrecision.MUNICIPALITY),
                crimes,
            )
        return ImportRow(line, reason=f"Ärende {case}: koordinater saknas.")
    north, east = parse_number(north_text), parse_number(east_text)
    if north is None or east is None:
        return ImportRow(
            line, reason=f"Ärende {case}: koordinaterna {north_text!r}, {east_text!r} är inga tal."
        )
    known = classify(north, east)
    if known is None:
        return ImportRow(
            line,
            reason=f"Ärende {case}: koordinaterna {north_text}, {east_text} är varken SWEREF 99 TM "
            "eller WGS84 inom Sverige.",
        )
    system, north, east = known
    if system is CoordinateSystem.SWEREF99TM:
        return _Pending(line, draft, crimes, sweref=(north, east))
    return _Pending(line, replace(draft, lat=north, lon=east), crimes)


def _crimes(code_text: str, name_text: str) -> list[tuple[str, str]]:
    """(code, name) of each crime in the row: a cell may list several ("0857, 1201")."""
    codes = re.findall(r"\d+", code_text) if _CODE_LIST.fullmatch(code_text) else [code_text]
    names = [n.strip() for n in re.split(r"[|\n]", name_text)]
    if len(codes) == len(names):
        pairs = list(zip(codes, names, strict=True))
    elif len(codes) > 1:
        pairs = [(code, "") for code in codes]
    else:
        pairs = [(codes[0], name) for name in names]
    return [(code, name) for code, name in pairs if code or name]


def _times(cell: Cell) -> tuple[datetime, datetime | None, TimePrecision] | str:
    """(occurred_at, occurred_until, precision), or what is wrong (Swedish)."""
    date_text = cell("date_from")
    start_day = parse_date(date_text)
    if start_day is None:
        return (
            f"datumet {date_text!r} känns inte igen (skriv ÅÅÅÅ-MM-DD)."
            if date_text
            else ("datum saknas.")
        )
    start_time, problem = _time_of(cell("time_from"), date_text)
    if problem:
        return problem
    precision = TimePrecision.DATE if start_time is None else TimePrecision.EXACT
    start = _at(start_day, start_time or time(0, 0))
    until_date_text, until_time_text = cell("date_to"), cell("time_to")
    until_day = parse_date(until_date_text) if until_date_text else start_day
    if until_day is None:
        return f"slutdatumet {until_date_text!r} känns inte igen (skriv ÅÅÅÅ-MM-DD)."
    until_time, problem = _time_of(until_time_text, until_date_text)
    if problem:
        return problem
    if until_time is None and not until_date_text:
        return start, None, precision  # no range at all
    if until_time is None:
        until_time = _END_OF_DAY  # "until that day": all of it
    elif not until_date_text and start_time is not None and until_time < start_time:
        until_day = start_day + timedelta(days=1)  # 22:00–02:00 runs past midnight
    until = _at(until_day, until_time)
    if until == start or (
        precision is TimePrecision.DATE and until_day == start_day and until_time == _END_OF_DAY
    ):
        return start, None, precision  # a "range" of one moment or one whole day
    return start, until, precision


def _time_of(text: str, date_text: str) -> tuple[time | None, str]:
    if not text:
        return time_in_date_cell(date_text), ""
    parsed = parse_time(text)
    if parsed is None:
        return None, f"klockslaget {text!r} känns inte igen (skriv TT:MM)."
    return parsed, ""


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=LOCAL_TZ)


def _finish(pending: list[_Pending], categories: CategoryMap) -> list[ImportRow]:
    """Project the SWEREF points in one batch, then make one row per crime."""
    projected = iter(sweref_to_wgs84([p.sweref for p in pending if p.sweref is not None]))
    rows = []
    for item in pending:
        draft = item.draft
        if item.sweref is not None:
            lat, lon = next(projected)
            draft = replace(draft, lat=lat, lon=lon)
        for code, name in item.crimes:
            crime = (f"{name} ({code})" if code else name) if name else f"Brottskod {code}"
            text = f"{crime}. {draft.description}" if draft.description else crime
            rows.append(
                ImportRow(
                    item.line,
                    replace(
                        draft,
                        category=categories.for_crime(code, name),
                        description=text[:MAX_DESCRIPTION],
                        external_id=f"{draft.external_id}:{code or name}"[:MAX_EXTERNAL_ID],
                    ),
                )
            )
    return rows
