"""Where a measure's follow-up counts: its area and its control area, as masks over a sample.

The measure's area is its drawn polygon, else the circle around its point, else its whole
district; the control is the rest of the measure's district or a polygon the analyst picks
(`follow_up` then takes the measure's own area out of it). The geometry is planar in lon/lat,
like geo.district_lookup: fine at the scale of a town.

Pure: plain data in, boolean masks out; safe on any thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from est_desktop.analysis.results import IncidentSample
from est_desktop.domain.language import translate
from est_desktop.domain.measure import DEFAULT_RADIUS_M, MeasureDraft
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import EARTH_RADIUS_M

Mask = npt.NDArray[np.bool_]
Control = Literal["district"] | Mapping[str, Any] | None


def district_of(draft: MeasureDraft, lookup: DistrictLookup) -> str | None:
    """The measure's district: as given, else the one its point lies in, else the one the
    mean of its area's outer corners lies in."""
    if draft.district:
        return draft.district
    if draft.lat is not None and draft.lon is not None:
        return lookup.district_at(draft.lat, draft.lon)
    if draft.area is not None:
        ring = np.asarray(_rings(draft.area)[0], dtype=np.float64)
        return lookup.district_at(float(ring[:-1, 1].mean()), float(ring[:-1, 0].mean()))
    return None


def area_mask(sample: IncidentSample, draft: MeasureDraft, district: str | None) -> Mask:
    """Which incidents lie in the measure's area: its polygon, else the circle around its
    point, else its whole `district`; ValueError, in Swedish, when it has none of them."""
    if draft.area is not None:
        return polygon_contains(draft.area, sample.lat, sample.lon)
    if draft.lat is not None and draft.lon is not None:
        radius = draft.radius_m or DEFAULT_RADIUS_M
        return distance_m(draft.lat, draft.lon, sample.lat, sample.lon) <= radius
    if district is None:
        raise ValueError(
            translate(
                "FollowUp",
                "Åtgärden har varken yta, punkt eller område: det finns inget att räkna.",
            )
        )
    return np.asarray(sample.district == district, dtype=bool)


def control_mask(
    sample: IncidentSample,
    draft: MeasureDraft,
    control: Control,
    district: str | None,
    lookup: DistrictLookup,
) -> tuple[Mask | None, str]:
    """(mask, label) of the control area, the measure's own area still in it; (None, "")
    without a control. ValueError, in Swedish, when "district" has no rest to compare with."""
    if control is None:
        return None, ""
    if isinstance(control, str) and control == "district":
        if district is None:
            raise ValueError(
                translate(
                    "FollowUp",
                    "Åtgärden hör inte till något område: välj ett kontrollområde på kartan.",
                )
            )
        if draft.area is None and (draft.lat is None or draft.lon is None):
            raise ValueError(
                translate(
                    "FollowUp",
                    "Åtgärden gäller hela området, så det finns ingen rest av området att "
                    "jämföra med: välj ett kontrollområde på kartan.",
                )
            )
        mask = np.asarray(sample.district == district, dtype=bool)
        rest = translate("FollowUp", "resten av {district}")
        return mask, rest.format(district=lookup.name_of(district))
    if isinstance(control, Mapping):
        chosen = translate("FollowUp", "valt kontrollområde")
        return polygon_contains(control, sample.lat, sample.lon), chosen
    raise ValueError(f"control must be 'district', a GeoJSON polygon or None, not {control!r}")


# -- geometry -----------------------------------------------------------------------------


def polygon_contains(geometry: Mapping[str, Any], lat: npt.ArrayLike, lon: npt.ArrayLike) -> Mask:
    """Which points lie in a GeoJSON Polygon or MultiPolygon ([lon, lat], holes allowed).

    Even-odd ray casting over all rings at once (a hole's crossings cancel its exterior's),
    vectorised over the points, one pass per edge, after a bounding-box prefilter: a measure's
    area is small, so few points reach the edges. Points on an edge may fall either way.
    """
    lat = np.asarray(lat, dtype=np.float64)
    lon = np.asarray(lon, dtype=np.float64)
    inside = np.zeros(lat.shape, dtype=bool)
    rings = [np.asarray(ring, dtype=np.float64)[:, :2] for ring in _rings(geometry)]
    corners = np.concatenate(rings)
    (west, south), (east, north) = corners.min(axis=0), corners.max(axis=0)
    candidates = np.flatnonzero((lon >= west) & (lon <= east) & (lat >= south) & (lat <= north))
    y, x = lat[candidates], lon[candidates]
    hit = np.zeros(len(candidates), dtype=bool)
    for ring in rings:
        for (x1, y1), (x2, y2) in pairwise(ring.tolist()):
            crosses = (y1 > y) != (y2 > y)
            if y1 == y2 or not crosses.any():
                continue
            hit ^= crosses & (x < x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    inside[candidates] = hit
    return inside


def distance_m(
    lat0: float, lon0: float, lat: npt.ArrayLike, lon: npt.ArrayLike
) -> npt.NDArray[np.float64]:
    """Metres from (lat0, lon0) to each point: equirectangular, as `geo.places` measures."""
    lat = np.asarray(lat, dtype=np.float64)
    lon = np.asarray(lon, dtype=np.float64)
    x = np.radians(lon - lon0) * np.cos(np.radians((lat + lat0) / 2))
    return EARTH_RADIUS_M * np.hypot(x, np.radians(lat - lat0))


def _rings(geometry: Mapping[str, Any]) -> list[list[list[float]]]:
    """All rings of a Polygon or MultiPolygon geometry; ValueError if it is neither."""
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else None
    rings = (
        [ring for polygon in polygons for ring in polygon]
        if isinstance(polygons, list) and all(isinstance(p, list) for p in polygons)
        else []
    )
    if not rings or not all(
        isinstance(ring, list) and len(ring) >= 4 and ring[0] == ring[-1] for ring in rings
    ):
        raise ValueError(
            translate(
                "FollowUp",
                "Ytan ska vara en GeoJSON-polygon: slutna ringar av minst fyra [lon, lat]-punkter.",
            )
        )
    return rings
