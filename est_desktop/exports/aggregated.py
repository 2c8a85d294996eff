"""The aggregated export, for sharing beyond the three partners: counts per district or grid
cell and per month or ISO week, optionally per category group, with small counts suppressed.

Nothing in it points at one incident:
- places are districts or cells of `cell_m` metres (250 m by default, at least 200 m: coarser
  than the 100 m analysis grid) on the hotspot grid's fixed anchor, so a cell is the same
  ground in every export; no coordinate finer than a cell, no free text, no ids;
- periods are whole calendar months or whole ISO weeks: the chosen days are narrowed to the
  whole units inside them, since "1–20 January" next to "1–31 January" would give away the
  incidents of the last eleven days by subtraction;
- counts go through `suppression.protect` (see there: "<3", secondary "X", no sums across
  areas or periods).

Incidents placed only at the municipality have no district and no cell: they are left out and
counted in `AggregateTable.unplaced`. Pure numpy; no Qt, no SQL.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

from est_desktop.analysis.breakdown import MONTHS, UNKNOWN_GROUP, UNKNOWN_GROUP_LABEL
from est_desktop.analysis.hotspots import Grid
from est_desktop.analysis.results import IncidentSample
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LocationPrecision, Source
from est_desktop.domain.language import translate
from est_desktop.domain.periods import start_of_day
from est_desktop.domain.validation import LAT_RANGE, LON_RANGE
from est_desktop.exports.suppression import MIN_THRESHOLD, protect
from est_desktop.geo.district_lookup import DistrictLookup

DEFAULT_CELL_M = 250.0
MIN_CELL_M = 200.0
ALL_GROUPS = "Alla kategorigrupper"
BY_CHOICES = ("district", "cell")
UNIT_CHOICES = ("month", "week")


class NoWholePeriodError(ValueError):
    """The chosen days hold no whole month (week)."""


@dataclass(frozen=True, slots=True)
class Area:
    """A district or a grid cell; `centre` (lat, lon) only for cells."""

    code: str
    name: str
    geometry: dict[str, Any] | None  # GeoJSON geometry; None for "Övriga Borås"
    centre: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A whole month or ISO week: `first`..`last`, both included."""

    first: date
    last: date
    label: str


@dataclass(frozen=True, slots=True)
class AggregateRow:
    area: Area
    span: Span
    group: str  # a category group's label, or ALL_GROUPS for the total
    count: int | None  # None when suppressed
    shown: str  # "12", "0", "<3" or "X"


@dataclass(frozen=True, slots=True)
class AggregateTable:
    by: str
    unit: str
    cell_m: float
    threshold: int
    by_group: bool
    first: date  # the whole units actually counted
    last: date
    rows: tuple[AggregateRow, ...]
    unplaced: int  # incidents known only to the municipality: not counted


def aggregate(
    sample: IncidentSample,
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    *,
    first: date,
    last: date,
    by: str = "district",
    unit: str = "month",
    cell_m: float = DEFAULT_CELL_M,
    threshold: int = MIN_THRESHOLD,
    by_group: bool = False,
    include_police: bool = False,
    district_codes: Collection[str] = (),
) -> AggregateTable:
    """Counts of `sample` per area, whole unit within `first`..`last` and (with `by_group`)
    category group, each with its protected shown form; police records only with
    `include_police`.

    Rows: every district of `district_codes` (empty: all), or every cell holding an incident
    (with `district_codes`: the cells whose centre lies in one of them, with all their
    incidents, whatever district the sample says); per area every span; per span the groups
    (all of the taxonomy's) and then the total, or the total alone. For cells, pass a sample
    not filtered by district. ValueError (NoWholePeriodError) on bad choices.
    """
    if by not in BY_CHOICES:
        raise ValueError(f"by must be 'district' or 'cell', not {by!r}")
    if not math.isfinite(cell_m) or cell_m < MIN_CELL_M:
        raise ValueError(f"cell size must be at least {MIN_CELL_M:g} m, not {cell_m:g}")
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"threshold must be at least {MIN_THRESHOLD}, not {threshold}")
    spans = whole_spans(first, last, unit)
    keep = sample.location_precision != LocationPrecision.MUNICIPALITY.value
    unplaced = int(np.count_nonzero(~keep & _sources(sample, include_police)))
    keep &= _sources(sample, include_police)
    edges = np.array(
        [int(start_of_day(s.first).timestamp()) for s in spans]
        + [int(start_of_day(spans[-1].last + timedelta(days=1)).timestamp())],
        dtype=np.int64,
    )
    span_index = np.searchsorted(edges, sample.occurred_at, side="right") - 1
    keep &= (span_index >= 0) & (span_index < len(spans))
    if by == "district":
        areas, area_index = _district_areas(sample, districts, district_codes)
    else:
        areas, area_index = _cell_areas(sample, keep, cell_m, districts, district_codes)
    keep &= area_index >= 0
    group_codes, group_labels, group_index = _groups(sample, taxonomy)
    counts = np.zeros((len(areas), len(spans), len(group_codes)), dtype=np.int64)
    np.add.at(counts, (area_index[keep], span_index[keep], group_index[keep]), 1)
    rows = list(_rows(areas, spans, group_labels, counts, threshold, by_group))
    return AggregateTable(
        by, unit, cell_m, threshold, by_group, spans[0].first, spans[-1].last, tuple(rows), unplaced
    )


def whole_spans(first: date, last: date, unit: str) -> list[Span]:
    """The whole months or ISO weeks (Monday–Sunday) inside `first`..`last`."""
    if unit not in UNIT_CHOICES:
        raise ValueError(f"unit must be 'month' or 'week', not {unit!r}")
    spans: list[Span] = []
    if unit == "month":
        start = first if first.day == 1 else _next_month(first)
        while (end := _next_month(start) - timedelta(days=1)) <= last:
            spans.append(Span(start, end, f"{MONTHS[start.month - 1]} {start.year}"))
            start = end + timedelta(days=1)
    else:
        start = first + timedelta(days=(7 - first.weekday()) % 7)
        while (end := start + timedelta(days=6)) <= last:
            year, week, _ = start.isocalendar()
            spans.append(Span(start, end, f"v. {week} {year}"))
            start = end + timedelta(days=1)
    if not spans:
        if unit == "month":
            text = translate("Export", "{first}–{last} rymmer ingen hel månad")
        else:
            text = translate("Export", "{first}–{last} rymmer ingen hel vecka (måndag–söndag)")
        raise NoWholePeriodError(text.format(first=first, last=last))
    return spans


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _sources(sample: IncidentSample, include_police: bool) -> np.ndarray:
    if include_police:
        return np.ones(len(sample), dtype=bool)
    return sample.source != Source.POLICE.value


def _district_areas(
    sample: IncidentSample, districts: DistrictLookup, chosen: Collection[str]
) -> tuple[list[Area], np.ndarray]:
    outlines = {
        feature["properties"]["code"]: feature["geometry"]
        for feature in districts.to_geojson()["features"]
    }
    codes = list(chosen) or [d.code for d in districts.districts()]
    if not chosen:  # codes the outlines do not know (a newer server list) still count
        codes += sorted(set(sample.district.tolist()) - set(codes) - {""})
    position = {code: i for i, code in enumerate(codes)}
    index = np.fromiter((position.get(c, -1) for c in sample.district), np.int64, len(sample))
    areas = [Area(code, districts.name_of(code), outlines.get(code)) for code in codes]
    return areas, index


def _cell_areas(
    sample: IncidentSample,
    keep: np.ndarray,
    cell_m: float,
    districts: DistrictLookup,
    chosen: Collection[str],
) -> tuple[list[Area], np.ndarray]:
    """The cells holding a kept incident (with `chosen`: whose centre lies in one of those
    districts, all their incidents counted) and each incident's cell index, -1 for none."""
    grid = Grid(cell_m, 0, 0, 0, 0)  # anchored at the service area's corner, as hotspots are
    rows = np.floor((sample.lat - LAT_RANGE[0]) / grid.cell_lat).astype(np.int64)
    cols = np.floor((sample.lon - LON_RANGE[0]) / grid.cell_lon).astype(np.int64)
    index = np.full(len(sample), -1, dtype=np.int64)
    if not keep.any():
        return [], index
    cells, inverse = np.unique(
        np.stack([rows[keep], cols[keep]], axis=1), axis=0, return_inverse=True
    )
    areas: list[Area] = []
    renumber = np.full(len(cells), -1, dtype=np.int64)
    for i, (row, col) in enumerate(cells.tolist()):
        south, west, north, east = grid.bounds(row, col)
        centre = ((south + north) / 2, (west + east) / 2)
        if chosen and districts.district_at(*centre) not in chosen:
            continue
        renumber[i] = len(areas)
        ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
        areas.append(
            Area(
                f"{cell_m:g}m-N{row}-E{col}",
                f"Ruta {cell_m:g} m N{row} E{col}",
                {"type": "Polygon", "coordinates": [[[round(x, 6) for x in p] for p in ring]]},
                centre,
            )
        )
    index[keep] = renumber[inverse.reshape(-1)]
    return areas, index


def _groups(sample: IncidentSample, taxonomy: Taxonomy) -> tuple[list[str], list[str], np.ndarray]:
    """Group codes and labels (the taxonomy's order, then unknown codes' group if any) and
    each incident's group index."""
    codes = [g.code for g in taxonomy.groups]
    labels = [g.label_sv for g in taxonomy.groups]
    found, inverse = np.unique(sample.category, return_inverse=True)
    of_category = []
    for code in found.tolist():
        category = taxonomy.category(code)
        group = category.group if category else UNKNOWN_GROUP
        if group not in codes:
            codes.append(group)
            labels.append(UNKNOWN_GROUP_LABEL if group == UNKNOWN_GROUP else group)
        of_category.append(codes.index(group))
    return codes, labels, np.asarray(of_category, dtype=np.int64)[inverse.reshape(-1)]


def _rows(
    areas: list[Area],
    spans: list[Span],
    group_labels: list[str],
    counts: np.ndarray,
    threshold: int,
    by_group: bool,
) -> Iterator[AggregateRow]:
    for a, area in enumerate(areas):
        for s, span in enumerate(spans):
            block = [int(n) for n in counts[a, s]]
            # Protected as groups and total even when only the total is shown: the total must
            # be hidden exactly when a grouped export of the same data hides it.
            protected = protect(block, threshold)
            if by_group:
                for g, label in enumerate(group_labels):
                    yield AggregateRow(
                        area, span, label, protected.value(g, block[g]), protected.shown[g]
                    )
            total = sum(block)
            shown = protected.total_shown
            yield AggregateRow(area, span, ALL_GROUPS, total if shown.isdigit() else None, shown)
