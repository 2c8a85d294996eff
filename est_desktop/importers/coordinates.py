"""Police coordinates to WGS84: SWEREF 99 TM (EPSG:3006) or WGS84, told apart by their size.

Exports label axes inconsistently (Swedish geodesy calls northing "X"), so a pair is recognised
by its values: in Sweden a SWEREF northing is in the millions and its easting is not, and a
latitude is larger than a longitude. The projection itself is pyproj's, never a formula here.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from enum import StrEnum
from functools import cache

from pyproj import Transformer

_NORTHING = (6_000_000.0, 7_800_000.0)  # SWEREF 99 TM across Sweden
_EASTING = (180_000.0, 1_000_000.0)
_LAT = (54.0, 70.0)
_LON = (9.0, 26.0)


class CoordinateSystem(StrEnum):
    WGS84 = "wgs84"
    SWEREF99TM = "sweref99tm"


def classify(a: float, b: float) -> tuple[CoordinateSystem, float, float] | None:
    """(system, north, east) of a pair given in either order, or None if it is neither system."""
    for north, east in ((a, b), (b, a)):
        if _within(north, _NORTHING) and _within(east, _EASTING):
            return CoordinateSystem.SWEREF99TM, north, east
        if _within(north, _LAT) and _within(east, _LON):
            return CoordinateSystem.WGS84, north, east
    return None


def sweref_to_wgs84(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """(northing, easting) pairs → (lat, lon), in one pyproj call for the whole batch."""
    if not points:
        return []
    northings = [north for north, _ in points]
    eastings = [east for _, east in points]
    lons, lats = _projection_thread().submit(_transform, eastings, northings).result()
    return [(round(lat, 6), round(lon, 6)) for lat, lon in zip(lats, lons, strict=True)]


@cache
def _projection_thread() -> ThreadPoolExecutor:
    """pyproj's one thread. PROJ keeps a context per OS thread but frees it with the Python
    thread state, and Qt's pool gives a reused OS thread a new one for every task: a second
    transform there crashes the process. One long-lived thread of our own avoids that."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="pyproj")


def _transform(eastings: list[float], northings: list[float]) -> tuple[list[float], ...]:
    return _to_wgs84().transform(eastings, northings)


@cache
def _to_wgs84() -> Transformer:
    return Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)


def _within(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]
