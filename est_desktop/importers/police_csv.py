"""Police crime exports (CSV) → `ImportRow`s: one per crime, with every quirk of the exports.

Separators `;` or `,`, UTF-8 with or without BOM or Windows-1252, CRLF, decimal commas, times
missing (the day alone is known), from–to ranges, SWEREF 99 TM or WGS84 coordinates, and a case
number carrying several crimes (each its own record, its external id "case:crime").

An export has 100,000 rows but only some hundred distinct days, clock times and crime types: each
distinct cell text is parsed once per file (`_memo`), SWEREF points are projected in one batch,
and each record's draft is built once, when everything about it is known.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Hashable
from datetime import date, datetime, time, timedelta
from operator import itemgetter
from typing import NamedTuple, TypeVar

from est_desktop.domain.incident import (
    LOCAL_TZ,
    IncidentDraft,
    LocationPrecision,
    Source,
    TimePrecision,
)
from est_desktop.domain.language import translate
from est_desktop.domain.validation import (
    MAX_DESCRIPTION,
    MAX_EXTERNAL_ID,
    MAX_PLACE_NAME,
    MUNICIPALITY_CENTRE,
)
from est_desktop.importers.bulk_work import cyclic_gc_paused
from est_desktop.importers.category_map import CategoryMap
from est_desktop.importers.columns import ColumnMapping, missing_columns, recognise_columns
from est_desktop.importers.coordinates import CoordinateSystem, classify, to_wgs84
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

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")
Times = tuple[datetime, datetime | None, TimePrecision]


class _Cells(NamedTuple):
    """The stripped texts of one row, by field (`ColumnMapping`'s names); "" if not mapped."""

    case_number: str
    crime_code: str
    crime_name: str
    date_from: str
    time_from: str
    date_to: str
    time_to: str
    address: str
    municipality: str
    north: str
    east: str
    description: str


class _Crime(NamedTuple):
    """One crime of a row, with what the record takes from it."""

    category: str
    label: str  # "Misshandel (0857)": the start of the record's description
    key: str  # the crime's part of the external id: its code, else its name


class _Record(NamedTuple):
    """A row that will give records, one per crime; a grid point waits for its grid's batch."""

    line: int
    case: str
    crimes: tuple[_Crime, ...]
    times: Times
    cells: _Cells
    position: tuple[float, float] | None  # (lat, lon); None: the point is on `grid`
    grid: tuple[CoordinateSystem, float, float] | None  # (system, northing, easting)
    municipality_only: bool


def csv_headers(data: bytes) -> list[str]:
    """The header row, for the column-mapping dialog."""
    text = decode_text(data)
    return [h.strip() for h in next(csv.reader(io.StringIO(text), delimiter=_delimiter(text)), [])]


@cyclic_gc_paused()
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
        raise ImportFormatError(
            translate("Import", "Filen är ingen läsbar CSV-fil: {error}.").format(error=exc)
        ) from None
    if not any(headers):
        raise ImportFormatError(
            translate("Import", "Filen är tom: den första raden ska ha kolumnnamn.")
        )
    mapping = mapping or recognise_columns(headers)
    if missing := missing_columns(mapping, headers):
        raise MissingColumnsError(missing, headers)
    rows = _RowReader(mapping.indexes(headers), categories or CategoryMap.load())
    entries: list[ImportRow | _Record] = []
    try:
        for cells in reader:
            if "".join(cells).strip():
                entries.append(rows.read(reader.line_num, cells))
    except csv.Error as exc:
        text = translate("Import", "Rad {line} går inte att läsa: {error}.")
        raise ImportFormatError(text.format(line=reader.line_num, error=exc)) from None
    return ParsedImport(ImportFormat.POLICE_CSV, tuple(_finish(entries)), len(entries))


def _delimiter(text: str) -> str:
    """From the header line only: data rows carry decimal commas."""
    header = next((line for line in io.StringIO(text) if line.strip()), "")  # lazily: 1 line
    return max((";", ",", "\t"), key=header.count)


def _memo(function: Callable[[Key], Value]) -> Callable[[Key], Value]:
    """`function` with its results kept for the file being read (a plain dict: one lookup)."""
    results: dict[Key, Value] = {}

    def cached(key: Key) -> Value:
        try:
            return results[key]
        except KeyError:
            results[key] = value = function(key)
            return value

    return cached


class _RowReader:
    """Reads the rows of one file into rejections or `_Record`s."""

    def __init__(self, columns: dict[str, int], categories: CategoryMap) -> None:
        self._categories = categories
        # Unmapped fields read the "" appended to every row (index -1).
        self._pick = itemgetter(*(columns.get(name, -1) for name in _Cells._fields))
        self._width = max(columns.values(), default=0) + 1
        self._day = _memo(parse_date)
        self._clock = _memo(parse_time)
        self._clock_in_date = _memo(time_in_date_cell)
        self._crimes = _memo(self._crimes_of)
        self._is_ours = _memo(is_municipality)

    def read(self, line: int, cells: list[str]) -> ImportRow | _Record:
        if len(cells) < self._width:
            cells.extend([""] * (self._width - len(cells)))
        cells.append("")
        c = _Cells._make(map(str.strip, self._pick(cells)))
        case = c.case_number
        if not case:
            return ImportRow(line, reason=translate("Import", "Ärendenummer saknas."))
        crimes = self._crimes((c.crime_code, c.crime_name))
        if not crimes:
            text = translate("Import", "Ärende {case}: brottskod och brottsbenämning saknas.")
            return ImportRow(line, reason=text.format(case=case))
        times = self._times(c)
        if isinstance(times, str):
            text = translate("Import", "Ärende {case}: {problem}")
            return ImportRow(line, reason=text.format(case=case, problem=times))
        if c.municipality and not self._is_ours(c.municipality):
            return ImportRow(line, outside=True)
        if not c.north and not c.east:
            if c.municipality:  # only the municipality is known: counted there, not on the map
                return _Record(line, case, crimes, times, c, MUNICIPALITY_CENTRE, None, True)
            text = translate("Import", "Ärende {case}: koordinater saknas.")
            return ImportRow(line, reason=text.format(case=case))
        north, east = parse_number(c.north), parse_number(c.east)
        if north is None or east is None:
            text = translate("Import", "Ärende {case}: koordinaterna {north}, {east} är inga tal.")
            return ImportRow(
                line, reason=text.format(case=case, north=repr(c.north), east=repr(c.east))
            )
        known = classify(north, east)
        if known is None:
            text = translate(
                "Import",
                "Ärende {case}: koordinaterna {north}, {east} är varken SWEREF 99 TM, "
                "RT90 eller WGS84 inom Sverige.",
            )
            return ImportRow(line, reason=text.format(case=case, north=c.north, east=c.east))
        if known[0] is CoordinateSystem.WGS84:
            return _Record(line, case, crimes, times, c, known[1:], None, False)
        return _Record(line, case, crimes, times, c, None, known, False)

    def _crimes_of(self, texts: tuple[str, str]) -> tuple[_Crime, ...]:
        """Each crime of the row: a cell may list several ("0857, 1201")."""
        code_text, name_text = texts
        codes = re.findall(r"\d+", code_text) if _CODE_LIST.fullmatch(code_text) else [code_text]
        names = [n.strip() for n in re.split(r"[|\n]", name_text)]
        if len(codes) == len(names):
            pairs = list(zip(codes, names, strict=True))
        elif len(codes) > 1:
            pairs = [(code, "") for code in codes]
        else:
            pairs = [(codes[0], name) for name in names]
        return tuple(
            _Crime(
                self._categories.for_crime(code, name),
                (f"{name} ({code})" if code else name) if name else f"Brottskod {code}",
                code or name,
            )
            for code, name in pairs
            if code or name
        )

    def _times(self, c: _Cells) -> Times | str:
        """(occurred_at, occurred_until, precision), or what is wrong (in the user's language)."""
        start_day = self._day(c.date_from)
        if start_day is None:
            if c.date_from:
                text = translate("Import", "datumet {date} känns inte igen (skriv ÅÅÅÅ-MM-DD).")
                return text.format(date=repr(c.date_from))
            return translate("Import", "datum saknas.")
        start_time, problem = self._time_of(c.time_from, c.date_from)
        if problem:
            return problem
        precision = TimePrecision.DATE if start_time is None else TimePrecision.EXACT
        start = _at(start_day, start_time or time(0, 0))
        until_day = self._day(c.date_to) if c.date_to else start_day
        if until_day is None:
            text = translate("Import", "slutdatumet {date} känns inte igen (skriv ÅÅÅÅ-MM-DD).")
            return text.format(date=repr(c.date_to))
        until_time, problem = self._time_of(c.time_to, c.date_to)
        if problem:
            return problem
        if until_time is None and not c.date_to:
            return start, None, precision  # no range at all
        if until_time is None:
            until_time = _END_OF_DAY  # "until that day": all of it
        elif not c.date_to and start_time is not None and until_time < start_time:
            until_day = start_day + timedelta(days=1)  # 22:00–02:00 runs past midnight
        until = _at(until_day, until_time)
        if until == start or (
            precision is TimePrecision.DATE and until_day == start_day and until_time == _END_OF_DAY
        ):
            return start, None, precision  # a "range" of one moment or one whole day
        return start, until, precision

    def _time_of(self, text: str, date_text: str) -> tuple[time | None, str]:
        if not text:
            return self._clock_in_date(date_text), ""
        parsed = self._clock(text)
        if parsed is None:
            problem = translate("Import", "klockslaget {time} känns inte igen (skriv TT:MM).")
            return None, problem.format(time=repr(text))
        return parsed, ""


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=LOCAL_TZ)


def _finish(entries: list[ImportRow | _Record]) -> list[ImportRow]:
    """Make one row per crime, in file order, with the grid points projected in batches."""
    projected = _projected(entries)
    rows = []
    for index, entry in enumerate(entries):
        if isinstance(entry, ImportRow):
            rows.append(entry)
            continue
        lat, lon = entry.position or projected[index]
        occurred_at, until, precision = entry.times
        description, place_name = entry.cells.description, entry.cells.address[:MAX_PLACE_NAME]
        precision_of_place = (
            LocationPrecision.MUNICIPALITY if entry.municipality_only else LocationPrecision.EXACT
        )
        for crime in entry.crimes:
            text = f"{crime.label}. {description}" if description else crime.label
            draft = IncidentDraft(
                occurred_at=occurred_at,
                category=crime.category,
                lat=lat,
                lon=lon,
                time_precision=precision,
                occurred_until=until,
                description=text[:MAX_DESCRIPTION],
                place_name=place_name,
                location_precision=precision_of_place,
                source=Source.POLICE,
                external_id=f"{entry.case}:{crime.key}"[:MAX_EXTERNAL_ID],
            )
            rows.append(ImportRow(entry.line, draft))
    return rows


def _projected(entries: list[ImportRow | _Record]) -> dict[int, tuple[float, float]]:
    """(lat, lon) of each entry with a grid point, by its index: one pyproj call per grid."""
    waiting: dict[CoordinateSystem, list[int]] = {}
    for index, entry in enumerate(entries):
        if isinstance(entry, _Record) and entry.grid is not None:
            waiting.setdefault(entry.grid[0], []).append(index)
    found: dict[int, tuple[float, float]] = {}
    for system, indexes in waiting.items():
        points = [entries[i].grid[1:] for i in indexes]  # type: ignore[union-attr]
        found.update(zip(indexes, to_wgs84(system, points), strict=True))
    return found
