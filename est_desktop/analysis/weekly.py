"""Veckans lägesbild: the last 7 days, district by district, against the 4 weeks before."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

import numpy as np

from est_desktop.analysis.breakdown import categories, cell_place, in_period, period
from est_desktop.analysis.comparison import compare
from est_desktop.analysis.hotspots import Hotspots, hotspots
from est_desktop.analysis.results import (
    DistrictWeek,
    IncidentSample,
    MeasureLine,
    NotifiedIncident,
    Period,
    PlaceCount,
    WeeklyPicture,
)
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ, LocationPrecision, Source
from est_desktop.geo.district_lookup import District, DistrictLookup
from est_desktop.geo.places import PlaceIndex

REFERENCE_WEEKS = 4
TOP_CATEGORIES = 3
# A week's few incidents make a lone one "significant" against an almost empty grid: a new
# hotspot must hold a handful itself, and the list stays short enough to act on.
MIN_NEW_HOTSPOT_INCIDENTS = 3
MAX_NEW_HOTSPOTS = 5


def weekly_periods(last_day: date) -> tuple[Period, Period]:
    """The 7 days ending on `last_day`, and the 4 weeks just before them. The sample given to
    `weekly_picture` must cover both: from the second's start to the first's end."""
    first_day = last_day - timedelta(days=6)
    week = period(first_day, last_day)
    reference = period(first_day - timedelta(weeks=REFERENCE_WEEKS), first_day - timedelta(days=1))
    return week, reference


def weekly_picture(
    sample: IncidentSample,
    last_day: date,
    *,
    district_lookup: DistrictLookup,
    taxonomy: Taxonomy,
    places: PlaceIndex,
    include_police: bool,
    measures: Sequence[MeasureLine] = (),
) -> WeeklyPicture:
    """The week ending on `last_day`: each district's count against the mean of the 4 weeks
    before, the municipality's total likewise, the cells that turned hot this week, and the
    week's incidents the police were told of. Without `include_police`, police records count
    nowhere."""
    if not include_police:
        sample = sample.select(sample.source != Source.POLICE.value)
    week_days, reference_days = weekly_periods(last_day)
    week = sample.select(in_period(sample, week_days))
    reference = sample.select(in_period(sample, reference_days))
    return WeeklyPicture(
        period=week_days,
        reference=reference_days,
        districts=tuple(
            _district_week(district, week, reference, taxonomy)
            for district in district_lookup.districts()
        ),
        total=compare(len(week), len(reference), REFERENCE_WEEKS),
        new_hotspots=_new_hotspots(week, reference, places, district_lookup),
        notified=_notified(week, taxonomy, district_lookup),
        measures=tuple(measures),
    )


def _district_week(
    district: District, week: IncidentSample, reference: IncidentSample, taxonomy: Taxonomy
) -> DistrictWeek:
    here = week.district == district.code
    before = int(np.count_nonzero(reference.district == district.code))
    return DistrictWeek(
        district.code,
        district.name,
        compare(int(np.count_nonzero(here)), before, REFERENCE_WEEKS),
        categories(week.select(here), taxonomy)[:TOP_CATEGORIES],
    )


def _new_hotspots(
    week: IncidentSample,
    reference: IncidentSample,
    places: PlaceIndex,
    district_lookup: DistrictLookup,
) -> tuple[PlaceCount, ...]:
    """Cells hot this week that were not hot over the 4 weeks before, strongest first.

    The grid is anchored at the service area's corner, so a cell is the same ground in both
    periods: compare them by their absolute position. A cell hot only through its neighbours
    (none of the week's incidents in it) is left out: the list names where things happened;
    so is one with fewer than MIN_NEW_HOTSPOT_INCIDENTS.
    """
    now, before = _hotspots(week), _hotspots(reference)
    hot_before = {
        (before.grid.row0 + cell.row, before.grid.col0 + cell.col) for cell in before.cells()
    }
    found: dict[str, PlaceCount] = {}  # by name: neighbouring cells share one
    for cell in now.cells():
        absolute = (now.grid.row0 + cell.row, now.grid.col0 + cell.col)
        if cell.count < MIN_NEW_HOTSPOT_INCIDENTS or absolute in hot_before:
            continue
        place = cell_place(now.grid, cell.row, cell.col, cell.count, places, district_lookup)
        if place.name not in found or found[place.name].count < place.count:
            found[place.name] = place
    ranked = sorted(found.values(), key=lambda place: -place.count)
    return tuple(ranked[:MAX_NEW_HOTSPOTS])


def _hotspots(sample: IncidentSample) -> Hotspots:
    placed = sample.location_precision != LocationPrecision.MUNICIPALITY.value
    return hotspots(sample.lat[placed], sample.lon[placed])


def _notified(
    week: IncidentSample, taxonomy: Taxonomy, district_lookup: DistrictLookup
) -> tuple[NotifiedIncident, ...]:
    """The week's incidents the police were told of, newest first."""
    told = np.flatnonzero(week.police_notified)
    newest_first = told[np.lexsort((-week.pk[told], -week.occurred_at[told]))]
    return tuple(
        NotifiedIncident(
            datetime.fromtimestamp(int(week.occurred_at[i]), LOCAL_TZ),
            taxonomy.label(str(week.category[i])),
            district_lookup.name_of(str(week.district[i])),
            str(week.place_name[i]),
        )
        for i in newest_first
    )
