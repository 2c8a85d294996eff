"""An area drawn on the map: a circle or a polygon, as a measure (PROTOCOL.md, "Measure") or a
follow-up's control area keeps it, and the rules a drawn area must meet.

A circle is a measure's `lat`, `lon` and `radius_m`; a polygon its `area`, a GeoJSON Polygon
geometry ([lon, lat], one closed ring). Distances and areas are planar on an equirectangular
projection, as `geo.places` measures: exact enough at the scale of a town.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from est_desktop.domain.validation import LAT_RANGE, LON_RANGE

EARTH_RADIUS_M = 6_371_000.0
MAX_CORNERS = 10_000  # as many points as a measure's area may carry
# Checking every pair of edges for a crossing is quadratic: done up to this many corners
# (a few tens of milliseconds), which is more than a hand ever draws.
MAX_CROSSING_CHECK = 300

# Problem codes (the UI words them).
TOO_FEW_CORNERS = "too_few_corners"
TOO_MANY_CORNERS = "too_many_corners"
SELF_CROSSING = "self_crossing"
OUTSIDE_SERVICE_AREA = "outside_service_area"
RADIUS_NOT_POSITIVE = "radius_not_positive"


@dataclass(frozen=True, slots=True)
class DrawnArea:
    """A circle (`centre` and `radius_m`) or a polygon (`corners`, not closed), in WGS84."""

    corners: tuple[tuple[float, float], ...] = ()  # (lat, lon)
    centre: tuple[float, float] | None = None  # (lat, lon) of a circle
    radius_m: float | None = None

    @property
    def is_circle(self) -> bool:
        return self.centre is not None

    @classmethod
    def circle(cls, lat: float, lon: float, radius_m: float) -> DrawnArea:
        return cls(centre=(lat, lon), radius_m=radius_m)

    @classmethod
    def from_geometry(cls, geometry: Mapping[str, Any]) -> DrawnArea:
        """From a GeoJSON Polygon (its outer ring) or the page's {"type": "Circle", "center":
        [lat, lon], "radius": metres}; ValueError if it is neither."""
        kind = geometry.get("type")
        try:
            if kind == "Circle":
                lat, lon = (float(v) for v in geometry["center"])
                return cls.circle(lat, lon, float(geometry["radius"]))
            if kind == "Polygon":
                ring = [(float(p[1]), float(p[0])) for p in geometry["coordinates"][0]]
                if len(ring) > 1 and ring[0] == ring[-1]:
                    ring.pop()
                return cls(corners=tuple(ring))
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise ValueError(f"not a drawn area: {geometry!r}") from exc
        raise ValueError(f"not a drawn area: {geometry!r}")

    def geometry(self) -> dict[str, Any] | None:
        """The polygon as a GeoJSON Polygon geometry (closed ring); None for a circle."""
        if self.is_circle:
            return None
        ring = [[lon, lat] for lat, lon in self.corners]
        return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}

    def page_shape(self) -> dict[str, Any]:
        """How the map page takes it to edit: {"area": geometry} or {"circle": [lat, lon, r]}."""
        if self.is_circle and self.centre is not None:
            return {"circle": [*self.centre, self.radius_m or 0.0]}
        return {"area": self.geometry()}

    def middle(self) -> tuple[float, float]:
        """(lat, lon): a circle's centre, a polygon's mean corner (where its district is read)."""
        if self.centre is not None:
            return self.centre
        lats, lons = zip(*self.corners, strict=True)
        return sum(lats) / len(lats), sum(lons) / len(lons)

    def square_metres(self) -> float:
        if self.centre is not None:
            return math.pi * (self.radius_m or 0.0) ** 2
        points = _planar(self.corners)
        twice = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in _edges(points))
        return abs(twice) / 2


def check_drawn_area(area: DrawnArea) -> list[str]:
    """The problem codes of `area`; empty when it may be kept."""
    if area.centre is not None:
        radius = area.radius_m or 0.0
        if radius <= 0:
            return [RADIUS_NOT_POSITIVE]
        lat, lon = area.centre
        dlat = math.degrees(radius / EARTH_RADIUS_M)
        dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
        box = [(lat - dlat, lon - dlon), (lat + dlat, lon + dlon)]
        return [] if _inside_service_area(box) else [OUTSIDE_SERVICE_AREA]
    if len(set(area.corners)) < 3:
        return [TOO_FEW_CORNERS]
    if len(area.corners) > MAX_CORNERS:
        return [TOO_MANY_CORNERS]
    problems = []
    if len(area.corners) <= MAX_CROSSING_CHECK and crosses_itself(area.corners):
        problems.append(SELF_CROSSING)
    elif area.square_metres() == 0:  # every corner on one line (a crossing can also cancel)
        return [TOO_FEW_CORNERS]
    if not _inside_service_area(area.corners):
        problems.append(OUTSIDE_SERVICE_AREA)
    return problems


def check_area_geometry(geometry: Mapping[str, Any] | None) -> list[str]:
    """The problem codes of a measure's `area` field (None: no area, no problem)."""
    if geometry is None:
        return []
    try:
        return check_drawn_area(DrawnArea.from_geometry(geometry))
    except ValueError:
        return [TOO_FEW_CORNERS]


def crosses_itself(corners: tuple[tuple[float, float], ...]) -> bool:
    """Whether two edges of the closed ring through `corners` cross (neighbouring edges, which
    share a corner, do not count)."""
    edges = _edges(_planar(corners))
    n = len(edges)
    for i in range(n - 2):
        (ax, ay), (bx, by) = edges[i]
        for j in range(i + 2, n if i > 0 else n - 1):  # edge n-1 shares corner 0 with edge 0
            (cx, cy), (dx, dy) = edges[j]
            if (
                _side(ax, ay, bx, by, cx, cy) * _side(ax, ay, bx, by, dx, dy) < 0
                and _side(cx, cy, dx, dy, ax, ay) * _side(cx, cy, dx, dy, bx, by) < 0
            ):
                return True
    return False


Point = tuple[float, float]


def _edges(points: list[Point]) -> list[tuple[Point, Point]]:
    return list(zip(points, points[1:] + points[:1], strict=True))


def _side(x1: float, y1: float, x2: float, y2: float, px: float, py: float) -> float:
    """Which side of the line (x1, y1)→(x2, y2) the point (px, py) lies on (the sign)."""
    return (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1)


def _planar(corners: tuple[tuple[float, float], ...]) -> list[Point]:
    """(east, north) in metres from the first corner."""
    lat0, lon0 = corners[0]
    scale = math.cos(math.radians(sum(lat for lat, _ in corners) / len(corners)))
    return [
        (
            math.radians(lon - lon0) * EARTH_RADIUS_M * scale,
            math.radians(lat - lat0) * EARTH_RADIUS_M,
        )
        for lat, lon in corners
    ]


def _inside_service_area(points: Any) -> bool:
    (lat_low, lat_high), (lon_low, lon_high) = LAT_RANGE, LON_RANGE
    return all(lat_low <= lat <= lat_high and lon_low <= lon <= lon_high for lat, lon in points)
