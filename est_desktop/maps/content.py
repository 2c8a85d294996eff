"""What the map shows, in the form the page takes it: the page's set-up (`map_page`) and the
data for one filter (`map_data`). Plain data in; no Qt, no SQL: the interactive map
(ui/map_panel.py) and the snapshots for printed summaries (snapshot.py) both use it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from est_desktop.analysis.hotspots import hotspots
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.language import QT_TRANSLATE_NOOP
from est_desktop.domain.language import translate as translate_text
from est_desktop.domain.measure import Measure
from est_desktop.geo.district_lookup import OUTSIDE_DISTRICTS, DistrictLookup
from est_desktop.maps.page import MapPage, legend_groups
from est_desktop.maps.payload import colour_indexes, hotspot_cells, measure_shapes, points_payload

# The page's words, in Swedish; `page_texts` hands them through the user's language.
PAGE_TEXTS = {
    "legendTitle": QT_TRANSLATE_NOOP("MapPage", "Kategorigrupper"),
    "hot99": QT_TRANSLATE_NOOP("MapPage", "Hotspot, 99 % säkerhet"),
    "hot95": QT_TRANSLATE_NOOP("MapPage", "Hotspot, 95 % säkerhet"),
    "hotExplained": QT_TRANSLATE_NOOP(
        "MapPage",
        "Här och runt omkring finns fler händelser än slumpen skulle ge. 99 %: mindre än 1 % "
        "risk att mönstret är en slump; 95 %: mindre än 5 %.",
    ),
    "offline": QT_TRANSLATE_NOOP(
        "MapPage", "Bakgrundskartan kan inte visas utan nätverk. Distrikt och händelser visas ändå."
    ),
    "loading": QT_TRANSLATE_NOOP("MapPage", "Hämtar…"),
    "gone": QT_TRANSLATE_NOOP("MapPage", "Händelsen finns inte längre."),
    "draft": QT_TRANSLATE_NOOP("MapPage", "Den nya händelsens plats – dra för att flytta"),
}
LABEL_OFFSET_DEG = 0.0007  # about 80 m
MIN_HOTSPOT_POINTS = 30  # fewer incidents than this say nothing about clustering


class Points(Protocol):
    """Incidents as arrays (store.incident_filters.MapPoints is one)."""

    pk: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    category: np.ndarray

    def __len__(self) -> int: ...


@dataclass(frozen=True, slots=True)
class MapData:
    """What the page gets for one filter: the points (payload.py), hotspots and measures."""

    generation: int
    payload: bytes
    count: int
    left_out: int  # matched by the filter, but with only the municipality as their place
    hotspots: list[list[float]]
    measures: list[dict[str, Any]]


def page_texts(
    translate: Callable[[str], str] = lambda text: translate_text("MapPage", text),
    *,
    offline_note: bool = True,
) -> dict[str, str]:
    """The page's words in the user's language; no offline note on a picture for print."""
    texts = {key: translate(text) for key, text in PAGE_TEXTS.items()}
    if not offline_note:
        texts["offline"] = ""
    return texts


def map_page(
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    *,
    texts: Mapping[str, str],
    attribution: str,
    center: tuple[float, float] | None = None,
    zoom: int | None = None,
    hidden_layers: frozenset[str] = frozenset(),
    language: str | None = None,  # None: the user's
) -> MapPage:
    """The page's set-up; no `center`/`zoom` fits all districts in the view."""
    shown = [d for d in districts.districts() if d.code != OUTSIDE_DISTRICTS]
    return MapPage(
        groups=legend_groups([(g.code, g.label(language)) for g in taxonomy.groups]),
        districts=districts.to_geojson(),
        district_labels=[(d.name, *_label_point(districts, d.code)) for d in shown],
        bounds=districts.bounds(),
        texts=texts,
        attribution=attribution,
        center=center,
        zoom=zoom,
        hidden_layers=hidden_layers,
    )


def map_data(
    points: Points,
    taxonomy: Taxonomy,
    *,
    left_out: int = 0,
    measures: Sequence[Measure] = (),
    describe_measure: Callable[[Measure], str] = lambda m: m.draft.title,
    generation: int = 0,
) -> MapData:
    """The points coloured by category group, packed for the page, with their hotspots."""
    groups = [g.code for g in taxonomy.groups]
    group_of = {c.code: c.group for c in taxonomy.categories()}
    colours = colour_indexes(points.category, group_of, groups)
    payload = points_payload(points.lat, points.lon, points.pk, colours, generation)
    cells: list[list[float]] = []
    if len(points) >= MIN_HOTSPOT_POINTS:
        cells = hotspot_cells(hotspots(points.lat, points.lon))
    shapes = measure_shapes(measures, describe_measure)
    return MapData(generation, payload, len(points), left_out, cells, shapes)


def _label_point(districts: DistrictLookup, code: str) -> tuple[float, float]:
    """Just above the district's top edge: a name in the middle would sit on its incidents."""
    north = districts.bounds(code)[2]
    return north + LABEL_OFFSET_DEG, districts.centroid(code)[1]
