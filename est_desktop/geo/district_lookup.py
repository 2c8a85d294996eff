"""Which district a point lies in: the one place that does point-in-polygon lookup.

Pure Python on purpose (no shapely): five small outlines need no compiled dependency, and a
bounding-box prefilter keeps a lookup to a few comparisons for most points. Coordinates in the
GeoJSON are WGS84 in (lon, lat) order; the public API takes and returns (lat, lon).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from est_desktop.domain.language import QT_TRANSLATE_NOOP, translate
from est_desktop.resources import resource_path

OUTSIDE_DISTRICTS = "ovriga"  # code for points outside every outline
OUTSIDE_DISTRICTS_NAME = QT_TRANSLATE_NOOP("Districts", "Övriga Borås")

Ring = tuple[tuple[float, float], ...]  # closed ring of (lon, lat)
BBox = tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat


@dataclass(frozen=True)
class District:
    code: str
    name: str


@dataclass(frozen=True)
class _Polygon:
    exterior: Ring
    holes: tuple[Ring, ...]
    bbox: BBox

    def contains(self, lon: float, lat: float) -> bool:
        if not _in_bbox(self.bbox, lon, lat) or not _ring_contains(self.exterior, lon, lat):
            return False
        return not any(_ring_contains(hole, lon, lat) for hole in self.holes)


@dataclass(frozen=True)
class _Area:
    district: District
    polygons: tuple[_Polygon, ...]
    bbox: BBox

    def contains(self, lon: float, lat: float) -> bool:
        return _in_bbox(self.bbox, lon, lat) and any(p.contains(lon, lat) for p in self.polygons)


class DistrictLookup:
    """District outlines and the lookup of a point's district."""

    def __init__(self, areas: Sequence[_Area]) -> None:
        self._areas = tuple(areas)
        self._by_code = {area.district.code: area for area in self._areas}

    @classmethod
    def from_geojson(cls, collection: dict) -> DistrictLookup:
        """Build from a GeoJSON FeatureCollection; ValueError says which feature is wrong."""
        if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
            raise ValueError("district outlines: expected a GeoJSON FeatureCollection object")
        features = collection.get("features")
        if not isinstance(features, list) or not features:
            raise ValueError("district outlines: 'features' must be a non-empty list")
        areas: list[_Area] = []
        seen: set[str] = set()
        for index, feature in enumerate(features):
            area = _parse_feature(index, feature)
            if area.district.code in seen:
                raise ValueError(f"district feature {index}: duplicate code {area.district.code!r}")
            seen.add(area.district.code)
            areas.append(area)
        return cls(areas)

    @classmethod
    def default(cls) -> DistrictLookup:
        """The outlines shipped in resources/districts.geojson (read once per process)."""
        return _default_lookup()

    def district_at(self, lat: float, lon: float) -> str:
        """The code of the district at (lat, lon), or OUTSIDE_DISTRICTS."""
        for area in self._areas:
            if area.contains(lon, lat):
                return area.district.code
        return OUTSIDE_DISTRICTS

    def districts(self) -> list[District]:
        """The districts in file order, then the catch-all 'Övriga Borås'."""
        return [area.district for area in self._areas] + [
            District(OUTSIDE_DISTRICTS, translate("Districts", OUTSIDE_DISTRICTS_NAME))
        ]

    def name_of(self, code: str | None) -> str:
        """Display name of a code; an unknown code is shown as itself, None as ""."""
        if code is None:
            return ""
        if code == OUTSIDE_DISTRICTS:
            return translate("Districts", OUTSIDE_DISTRICTS_NAME)
        area = self._by_code.get(code)
        return area.district.name if area else code

    def centroid(self, code: str) -> tuple[float, float]:
        """A representative (lat, lon) inside the district: its centroid when that lies inside,
        otherwise a point on the widest inner stretch of the centroid's latitude."""
        area = self._area(code)
        lon, lat = _centroid(area.polygons)
        if not area.contains(lon, lat):
            lon, lat = _point_on_surface(area, lat)
        return lat, lon

    def bounds(self, code: str | None = None) -> tuple[float, float, float, float]:
        """(south, west, north, east) of one district, or of all of them."""
        areas = [self._area(code)] if code else self._areas
        west, south, east, north = _union_bbox(area.bbox for area in areas)
        return south, west, north, east

    def to_geojson(self) -> dict[str, Any]:
        """The outlines as a GeoJSON FeatureCollection (properties "code" and "name"), e.g. for
        drawing them on the map."""
        return {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"code": area.district.code, "name": area.district.name},
                    "geometry": {
                        "type": "MultiPolygon",
                        "coordinates": [
                            [[list(p) for p in ring] for ring in (poly.exterior, *poly.holes)]
                            for poly in area.polygons
                        ],
                    },
                }
                for area in self._areas
            ],
        }

    def contains(self, code: str, lat: float, lon: float) -> bool:
        """Whether (lat, lon) lies in the district `code` (OUTSIDE_DISTRICTS: in none)."""
        if code == OUTSIDE_DISTRICTS:
            return self.district_at(lat, lon) == OUTSIDE_DISTRICTS
        return self._area(code).contains(lon, lat)

    def _area(self, code: str) -> _Area:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"unknown district code {code!r}") from None


@cache
def _default_lookup() -> DistrictLookup:
    path = resource_path("districts.geojson")
    with path.open(encoding="utf-8") as handle:
        return DistrictLookup.from_geojson(json.load(handle))


# --- parsing -------------------------------------------------------------------------------


def _parse_feature(index: int, feature: Any) -> _Area:
    where = f"district feature {index}"
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValueError(f"{where}: expected an object with type 'Feature'")
    props = feature.get("properties")
    if not isinstance(props, dict):
        raise ValueError(f"{where}: 'properties' must be an object with 'code' and 'name'")
    code, name = props.get("code"), props.get("name")
    if not isinstance(code, str) or not code.strip():
        raise ValueError(f"{where}: property 'code' must be a non-empty string")
    where = f"district feature {index} ({code!r})"
    if code == OUTSIDE_DISTRICTS:
        raise ValueError(f"{where}: code {OUTSIDE_DISTRICTS!r} is reserved for outside points")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: property 'name' must be a non-empty string")
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        raise ValueError(f"{where}: 'geometry' must be a Polygon or MultiPolygon object")
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [_parse_polygon(where, coords)]
    elif kind == "MultiPolygon":
        if not isinstance(coords, list) or not coords:
            raise ValueError(f"{where}: MultiPolygon needs a non-empty list of polygons")
        polygons = [_parse_polygon(f"{where} polygon {i}", c) for i, c in enumerate(coords)]
    else:
        raise ValueError(f"{where}: geometry type must be Polygon or MultiPolygon, not {kind!r}")
    return _Area(District(code, name), tuple(polygons), _union_bbox(p.bbox for p in polygons))


def _parse_polygon(where: str, coords: Any) -> _Polygon:
    if not isinstance(coords, list) or not coords:
        raise ValueError(f"{where}: a polygon needs a list of rings (exterior first)")
    rings = [_parse_ring(f"{where} ring {i}", ring) for i, ring in enumerate(coords)]
    return _Polygon(rings[0], tuple(rings[1:]), _ring_bbox(rings[0]))


def _parse_ring(where: str, ring: Any) -> Ring:
    if not isinstance(ring, list) or len(ring) < 4:
        raise ValueError(f"{where}: a ring needs at least 4 positions (first repeated last)")
    points: list[tuple[float, float]] = []
    for i, pos in enumerate(ring):
        if (
            not isinstance(pos, list | tuple)
            or len(pos) < 2
            or not all(_is_number(v) for v in pos[:2])
        ):
            raise ValueError(f"{where} position {i}: expected [lon, lat] numbers, got {pos!r}")
        lon, lat = float(pos[0]), float(pos[1])
        if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
            raise ValueError(f"{where} position {i}: [{lon}, {lat}] is not WGS84 [lon, lat]")
        points.append((lon, lat))
    if points[0] != points[-1]:
        raise ValueError(f"{where}: ring is not closed (first and last position differ)")
    return tuple(points)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


# --- geometry (planar in lon/lat: fine at the scale of a town) -----------------------------


def _ring_bbox(ring: Ring) -> BBox:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return min(lons), min(lats), max(lons), max(lats)


def _union_bbox(boxes: Any) -> BBox:
    boxes = list(boxes)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _in_bbox(bbox: BBox, lon: float, lat: float) -> bool:
    return bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3]


def _ring_contains(ring: Ring, lon: float, lat: float) -> bool:
    """Even-odd ray casting towards +lon."""
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside


def _ring_moments(ring: Ring) -> tuple[float, float, float]:
    """Signed area and the first moments (shoelace), for the centroid."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in pairwise(ring):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return area / 2.0, cx / 6.0, cy / 6.0


def _centroid(polygons: Sequence[_Polygon]) -> tuple[float, float]:
    total = mx = my = 0.0
    for polygon in polygons:
        for index, ring in enumerate((polygon.exterior, *polygon.holes)):
            area, cx, cy = _ring_moments(ring)
            # Orientation varies between files: count exteriors positive and holes negative.
            sign = (1.0 if area >= 0 else -1.0) * (1.0 if index == 0 else -1.0)
            total += sign * area
            mx += sign * cx
            my += sign * cy
    if total == 0.0:
        lon, lat = polygons[0].exterior[0]
        return lon, lat
    return mx / total, my / total


def _point_on_surface(area: _Area, lat: float) -> tuple[float, float]:
    """Midpoint of the widest inside stretch of the line at `lat` (or at mid-height)."""
    for y in (lat, (area.bbox[1] + area.bbox[3]) / 2.0):
        crossings: list[float] = []
        for polygon in area.polygons:
            for ring in (polygon.exterior, *polygon.holes):
                for (x1, y1), (x2, y2) in pairwise(ring):
                    if (y1 > y) != (y2 > y):
                        crossings.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
        crossings.sort()
        stretches = [(b - a, (a + b) / 2.0) for a, b in pairwise(crossings)]
        for _, mid in sorted(stretches, reverse=True):
            if area.contains(mid, y):
                return mid, y
    lon, lat0 = area.polygons[0].exterior[0]
    return lon, lat0
