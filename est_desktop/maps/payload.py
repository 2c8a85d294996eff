"""The incidents as the page receives them: one binary array, not one object per marker.

Layout (little-endian), read by resources/map/est_map.js `loadPoints`:
    uint32 count, uint32 generation,
    float64 lat[count], float64 lon[count], float64 pk[count], uint8 colour[count]
`colour` indexes the legend's groups (page.legend_groups order). 100,000 incidents are 2.5 MB,
made with numpy in a few milliseconds and read by the page without parsing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from est_desktop.analysis.hotspots import Hotspots


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
    codes, inverse = np.unique(np.asarray(categories, dtype=object), return_inverse=True)
    lookup = np.array(
        [position.get(group_of.get(code, ""), unknown) for code in codes], dtype=np.uint8
    )
    return lookup[inverse] if len(codes) else np.zeros(0, dtype=np.uint8)


def hotspot_cells(hotspots: Hotspots) -> list[list[float]]:
    """[south, west, north, east, confidence, count] of each significant cell, for the page."""
    return [[*cell.bounds, cell.confidence, cell.count] for cell in hotspots.cells()]
