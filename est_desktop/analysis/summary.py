"""The district summary: one period of chosen districts and categories, against its past."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np

from est_desktop.analysis.breakdown import (
    auto_unit,
    groups,
    in_period,
    previous_period,
    sources,
    top_places,
    trend,
    weekday_hour,
    year_before,
)
from est_desktop.analysis.comparison import compare
from est_desktop.analysis.results import (
    DistrictSummary,
    IncidentSample,
    MeasureLine,
    Period,
)
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import Source
from est_desktop.domain.language import QT_TRANSLATE_NOOP, translate
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import PlaceIndex

ALL_DISTRICTS = QT_TRANSLATE_NOOP("Summary", "Alla distrikt")


def sample_windows(p: Period) -> list[tuple[datetime, datetime]]:
    """The spans `summarise` reads: the period, the one before it and the same dates a year
    earlier (a sample of just these gives the same summary as one of `sample_bounds`)."""
    return [(q.start, q.end) for q in (p, previous_period(p), year_before(p))]


def sample_bounds(p: Period) -> tuple[datetime, datetime]:
    """The span the sample given to `summarise` must cover: back to the earlier of the
    previous period and the same dates a year before (a period longer than a year reaches
    further back with the first)."""
    return min(previous_period(p).start, year_before(p).start), p.end


def summarise(
    sample: IncidentSample,
    p: Period,
    *,
    districts: tuple[str, ...],
    categories: tuple[str, ...],
    taxonomy: Taxonomy,
    places: PlaceIndex,
    district_lookup: DistrictLookup,
    include_police: bool,
    measures: Sequence[MeasureLine] = (),
) -> DistrictSummary:
    """The summary of `p` for the `districts` and `categories` (empty: all).

    `sample` must cover `sample_bounds(p)`; it may hold more, in time and otherwise: it is
    filtered here. Without `include_police`, police records count nowhere, not even in totals.
    """
    chosen = sample.select(_matching(sample, districts, categories, include_police))
    current = chosen.select(in_period(chosen, p))
    total = len(current)
    unit = auto_unit(p)
    return DistrictSummary(
        period=p,
        districts=districts,
        district_label=", ".join(district_lookup.name_of(c) for c in districts)
        or translate("Summary", ALL_DISTRICTS),
        categories=categories,
        total=total,
        previous=compare(total, int(np.count_nonzero(in_period(chosen, previous_period(p))))),
        year_before=compare(total, int(np.count_nonzero(in_period(chosen, year_before(p))))),
        trend=trend(current, p, unit),
        trend_unit=unit,
        weekday_hour=weekday_hour(current),
        groups=groups(current, taxonomy),
        places=top_places(current, places, district_lookup),
        sources=sources(current, include_police),
        police_notified=int(np.count_nonzero(current.police_notified)),
        measures=tuple(measures),
    )


def _matching(
    sample: IncidentSample,
    districts: tuple[str, ...],
    categories: tuple[str, ...],
    include_police: bool,
) -> np.ndarray:
    keep = np.ones(len(sample), dtype=bool)
    if districts:
        keep &= np.isin(sample.district, list(districts))
    if categories:
        keep &= np.isin(sample.category, list(categories))
    if not include_police:
        keep &= sample.source != Source.POLICE.value
    return keep
