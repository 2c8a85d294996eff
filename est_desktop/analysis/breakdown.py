"""Counting a sample of incidents: periods, trends, time of day, categories, places, sources.

Every function is pure: an `IncidentSample` (parallel arrays) in, result values out. Days,
weeks and hours are those of the wall clock in Borås (Europe/Stockholm), DST included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import numpy as np
import numpy.typing as npt

from est_desktop.analysis.hotspots import Grid, cell_counts, grid_for
from est_desktop.analysis.results import (
    Bucket,
    CategoryCount,
    GroupCount,
    IncidentSample,
    Period,
    PlaceCount,
    SourceCounts,
    WeekdayHour,
)
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ, LocationPrecision, Source, TimePrecision
from est_desktop.domain.language import QT_TRANSLATE_NOOP, month_abbreviation, translate
from est_desktop.domain.periods import day_bounds, start_of_day
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import PlaceIndex

# Month names in exported files, which stay Swedish; the UI uses domain.language.
MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
UNKNOWN_GROUP = "okand"  # the group of category codes the taxonomy does not know
UNKNOWN_GROUP_LABEL = QT_TRANSLATE_NOOP("Breakdown", "Okänd kategori")
WEEKS_AT_MOST = 16  # longer periods trend by month: more weekly bars than a page reads well
CELL_NAME_WITHIN_M = 300.0  # a cell is named after a named place this close to its centre

Mask = npt.NDArray[np.bool_]

# -- periods ------------------------------------------------------------------------------


def period(start_day: date, end_day: date) -> Period:
    """The days `start_day`..`end_day`, both included, as [local midnight, local midnight)."""
    if end_day < start_day:
        raise ValueError(f"a period cannot end ({end_day}) before it starts ({start_day})")
    start, end = day_bounds(start_day, end_day)
    return Period(start, end, _period_label(start_day, end_day))


def previous_period(p: Period) -> Period:
    """The period of as many days just before `p`."""
    days = (p.last_day - p.first_day).days + 1
    return period(p.first_day - timedelta(days=days), p.first_day - timedelta(days=1))


def year_before(p: Period) -> Period:
    """The same calendar dates a year earlier (29 February becomes the 28th)."""
    return period(_year_earlier(p.first_day), _year_earlier(p.last_day))


def in_period(sample: IncidentSample, p: Period) -> Mask:
    """Which incidents happened in `p` (start included, end excluded)."""
    start, end = int(p.start.timestamp()), int(p.end.timestamp())
    return (sample.occurred_at >= start) & (sample.occurred_at < end)


def _period_label(first: date, last: date) -> str:
    if first == last:
        return _day_label(first, with_year=True)
    if first.year != last.year:
        return f"{_day_label(first, with_year=True)}–{_day_label(last, with_year=True)}"
    if first.month != last.month:
        return f"{_day_label(first, with_year=False)}–{_day_label(last, with_year=True)}"
    return f"{first.day}–{_day_label(last, with_year=True)}"


def _day_label(day: date, *, with_year: bool) -> str:
    label = f"{day.day} {month_abbreviation(day.month)}"
    return f"{label} {day.year}" if with_year else label


def _year_earlier(day: date) -> date:
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


# -- time ---------------------------------------------------------------------------------


def auto_unit(p: Period) -> str:
    """ "week" for periods up to about 16 weeks, otherwise "month"."""
    days = (p.last_day - p.first_day).days + 1
    return "week" if days <= WEEKS_AT_MOST * 7 else "month"


def trend(sample: IncidentSample, p: Period, unit: str) -> tuple[Bucket, ...]:
    """Incidents per ISO week (Monday–Sunday) or calendar month over `p`, empty ones included;
    the first and last bucket are clipped to the period."""
    if unit not in ("week", "month"):
        raise ValueError(f"unit must be 'week' or 'month', not {unit!r}")
    spans = list(_weeks(p) if unit == "week" else _months(p))
    edges = [int(start_of_day(first).timestamp()) for first, _, _ in spans]
    edges.append(int(p.end.timestamp()))
    # Counting by binary search over the sorted times: one pass whatever the number of bars.
    found = np.searchsorted(np.sort(sample.occurred_at), edges, side="left")
    counts = np.diff(found)
    return tuple(
        Bucket(start_of_day(first), start_of_day(following), label, int(count))
        for (first, following, label), count in zip(spans, counts, strict=True)
    )


def _weeks(p: Period) -> Iterator[tuple[date, date, str]]:
    """(first day, day after, label) of each ISO week touching `p`, clipped to it."""
    monday = p.first_day - timedelta(days=p.first_day.weekday())
    while monday <= p.last_day:
        following = monday + timedelta(days=7)
        label = translate("Breakdown", "v. {week}").format(week=monday.isocalendar().week)
        yield max(monday, p.first_day), min(following, p.last_day + timedelta(days=1)), label
        monday = following


def _months(p: Period) -> Iterator[tuple[date, date, str]]:
    """(first day, day after, label) of each month touching `p`, clipped to it."""
    first = p.first_day.replace(day=1)
    while first <= p.last_day:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        label = f"{month_abbreviation(first.month)} {first.year}"
        yield max(first, p.first_day), min(following, p.last_day + timedelta(days=1)), label
        first = following


def weekday_hour(sample: IncidentSample) -> WeekdayHour:
    """Incidents by local weekday and hour; those known only to the day go to `no_time`."""
    weekday, hour = local_weekday_hour(sample)
    timed = hour >= 0
    counts = np.bincount(weekday[timed] * 24 + hour[timed], minlength=7 * 24).reshape(7, 24)
    return WeekdayHour(counts, int(len(timed) - np.count_nonzero(timed)))


def local_weekday_hour(sample: IncidentSample) -> tuple[npt.NDArray[np.int64], ...]:
    """Each incident's weekday (Monday 0) and hour in Stockholm; hour -1 when only the day
    is known."""
    local = local_seconds(sample.occurred_at)
    weekday = (local // 86_400 + 3) % 7  # 1 January 1970 was a Thursday: Monday is 0
    hour = np.where(sample.time_precision != TimePrecision.DATE.value, local % 86_400 // 3_600, -1)
    return weekday, hour


def local_seconds(epoch: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Epoch seconds shifted by Stockholm's UTC offset at that moment: the wall clock, as if
    it were UTC. Stockholm's clock changes on whole UTC hours, so one offset per distinct
    hour is exact — and far fewer zone look-ups than incidents."""
    epoch = np.asarray(epoch, dtype=np.int64)
    if len(epoch) == 0:
        return epoch
    hours, which = np.unique(epoch // 3_600, return_inverse=True)
    offsets = np.fromiter((_utc_offset(int(h) * 3_600) for h in hours), np.int64, len(hours))
    return epoch + offsets[which]


def _utc_offset(epoch: int) -> int:
    offset = datetime.fromtimestamp(epoch, LOCAL_TZ).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


# -- categories ---------------------------------------------------------------------------


def categories(sample: IncidentSample, taxonomy: Taxonomy) -> tuple[CategoryCount, ...]:
    """Incidents per category, largest first (ties in the taxonomy's order)."""
    order = {c.code: i for i, c in enumerate(taxonomy.categories())}
    codes, counts = _tally(sample.category)
    found = [
        CategoryCount(code, taxonomy.label(code), n) for code, n in zip(codes, counts, strict=True)
    ]
    return tuple(sorted(found, key=lambda c: (-c.count, order.get(c.code, len(order)), c.code)))


def groups(sample: IncidentSample, taxonomy: Taxonomy) -> tuple[GroupCount, ...]:
    """Incidents per category group, largest first, each with its categories that occur.
    Codes the taxonomy does not know (retired, or from a newer list) form a group of their
    own, so every incident is counted somewhere."""
    by_group: dict[str, list[CategoryCount]] = defaultdict(list)
    for count in categories(sample, taxonomy):
        category = taxonomy.category(count.code)
        by_group[category.group if category else UNKNOWN_GROUP].append(count)
    order = {g.code: i for i, g in enumerate(taxonomy.groups)}
    found = [
        GroupCount(
            code,
            group.label()
            if (group := taxonomy.group(code))
            else translate("Breakdown", UNKNOWN_GROUP_LABEL),
            sum(c.count for c in members),
            tuple(members),
        )
        for code, members in by_group.items()
    ]
    return tuple(sorted(found, key=lambda g: (-g.count, order.get(g.code, len(order)))))


# -- places and sources -------------------------------------------------------------------


def top_places(
    sample: IncidentSample, places: PlaceIndex, districts: DistrictLookup, limit: int = 8
) -> tuple[PlaceCount, ...]:
    """The places with most incidents, largest first: named places by their name, and for
    incidents without one, the 100 m cells of the hotspot grid. Incidents placed only at the
    municipality say nothing about where and are left out."""
    placed = sample.location_precision != LocationPrecision.MUNICIPALITY.value
    named = placed & (sample.place_name != "")
    found = [
        *_named_places(sample, named, places),
        *_busiest_cells(
            sample.lat[placed & ~named], sample.lon[placed & ~named], limit, places, districts
        ),
    ]
    return tuple(sorted(found, key=lambda p: (-p.count, not p.named, p.name))[:limit])


def _named_places(sample: IncidentSample, mask: Mask, places: PlaceIndex) -> list[PlaceCount]:
    """Incidents per place name; a name not in the list of places sits at its incidents' mean."""
    names, inverse, counts = _tally_with_inverse(sample.place_name[mask])
    mean_lat = np.bincount(inverse, weights=sample.lat[mask], minlength=len(names)) / counts
    mean_lon = np.bincount(inverse, weights=sample.lon[mask], minlength=len(names)) / counts
    found = []
    for name, count, lat, lon in zip(names, counts, mean_lat, mean_lon, strict=True):
        known = places.by_name(name)
        at = (known.lat, known.lon) if known else (float(lat), float(lon))
        found.append(PlaceCount(name, int(count), *at, named=True))
    return found


def _busiest_cells(
    lats: npt.NDArray[np.float64],
    lons: npt.NDArray[np.float64],
    limit: int,
    places: PlaceIndex,
    districts: DistrictLookup,
) -> list[PlaceCount]:
    """The `limit` fullest cells of the hotspot grid (ties by position); only these are
    named, as naming a cell looks up places and districts."""
    grid = grid_for(lats, lons)
    counts = cell_counts(grid, lats, lons)
    rows, cols = np.nonzero(counts)
    order = np.lexsort((cols, rows, -counts[rows, cols]))[:limit]
    return [
        cell_place(
            grid, int(rows[i]), int(cols[i]), int(counts[rows[i], cols[i]]), places, districts
        )
        for i in order
    ]


def cell_place(
    grid: Grid, row: int, col: int, count: int, places: PlaceIndex, districts: DistrictLookup
) -> PlaceCount:
    """A grid cell as a place: "Ruta vid <named place within 300 m>", else "Ruta i <district>"."""
    south, west, north, east = grid.bounds(row, col)
    lat, lon = (south + north) / 2, (west + east) / 2
    if near := places.nearest(lat, lon, within_m=CELL_NAME_WITHIN_M):
        name = f"Ruta vid {near.name}"
    else:
        name = f"Ruta i {districts.name_of(districts.district_at(lat, lon))}"
    return PlaceCount(name, count, lat, lon, named=False)


def sources(sample: IncidentSample, include_police: bool) -> SourceCounts:
    """Staff reports and police records; police None when the reader may not see them."""
    staff = int(np.count_nonzero(sample.source == Source.STAFF.value))
    police = int(np.count_nonzero(sample.source == Source.POLICE.value))
    return SourceCounts(staff, police if include_police else None)


def _tally(values: npt.NDArray[np.object_]) -> tuple[list[str], list[int]]:
    found, _, counts = _tally_with_inverse(values)
    return found, [int(n) for n in counts]


def _tally_with_inverse(
    values: npt.NDArray[np.object_],
) -> tuple[list[str], npt.NDArray[np.intp], npt.NDArray[np.int64]]:
    """Distinct values, each value's index among them, and how often each occurs."""
    if len(values) == 0:
        return [], np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.int64)
    found, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    return [str(v) for v in found], inverse, counts
