"""The incidents as the page receives them: one binary array, not one object per marker.

Layout (little-endian), read by resources/map/est_map.js `loadPoints`:
    uint32 count, uint32 generation,
    float64 lat[count], float64 lon[count], float64 pk[count], uint8 colour[count]
`colour` indexes the legend's groups (page.legend_groups order). 100,000 incidents are 2.5 MB,
made with numpy in a few milliseconds and read by the page without parsing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from est_desktop.analysis.hotspots import Hotspots
from est_desktop.domain.measure import DEFAULT_RADIUS_M, Measure, MeasureStatus


def points_payload(
    lat: np.ndarray,
    lon: np.ndarray,
    pk: np.ndarray,
    colour: np.ndarray,
    generation: int,
) -> bytes:
    count = len(lat)
    head = np.array([count, generation & 0xFFFFFFFF], dtype="<u4")
    parts = (
        head,
        np.asarray(lat, dtype="<f8"),
        np.asarray(lon, dtype="<f8"),
        np.asarray(pk, dtype="<f8"),
        np.asarray(colour, dtype="u1"),
    )
    return b"".join(part.tobytes() for part in parts)


def colour_indexes(
    categories: np.ndarray, group_of: Mapping[str, str], groups: Sequence[str]
) -> np.ndarray:
    """Per point, the index in `groups` of its category's group (the last group when unknown)."""
    position = {code: i for i, code in enumerate(groups)}
    unknown = max(len(groups) - 1, 0)
    index_of = {category: position.get(group, unknown) for category, group in group_of.items()}
    # A dict lookup per point: ten times faster than sorting 100,000 strings with np.unique.
    found = (index_of.get(category, unknown) for category in categories.tolist())
    return np.fromiter(found, dtype=np.uint8, count=len(categories))


def hotspot_cells(hotspots: Hotspots) -> list[list[float]]:
    """[south, west, north, east, confidence, count] of each significant cell, for the page."""
    return [[*cell.bounds, cell.confidence, cell.count] for cell in hotspots.cells()]


def measure_shapes(
    measures: Sequence[Measure], describe: Callable[[Measure], str]
) -> list[dict[str, Any]]:
    """The measures that have a place, as the page draws them: a drawn area, else a circle
    around a point. `describe` gives the text shown on hover (title, status, period)."""
    shapes = []
    for measure in measures:
        draft = measure.draft
        shape: dict[str, Any] = {
            "text": describe(measure),
            "done": draft.status is MeasureStatus.DONE,
        }
        if draft.area is not None:
            shape["area"] = draft.area
        elif draft.lat is not None and draft.lon is not None:
            shape["circle"] = [draft.lat, draft.lon, draft.radius_m or DEFAULT_RADIUS_M]
        else:
            continue  # a district-wide measure: the district outline already shows where
        shapes.append(shape)
    return shapes
