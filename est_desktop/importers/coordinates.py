"""Police coordinates to WGS84: SWEREF 99 TM (EPSG:3006), RT90 2.5 gon V (EPSG:3021, in older
exports) or WGS84, told apart by their size.

Exports label axes inconsistently (Swedish geodesy calls northing "X"), so a pair is recognised
by its values: in Sweden a grid northing is in the millions, a SWEREF easting below a million and
an RT90 easting (1,500,000 at its central meridian) above it, and a latitude is larger than a
longitude. The projections themselves are pyproj's, never a formula here.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from enum import StrEnum
from functools import cache

import numpy as np
from pyproj import Transformer

_NORTHING = (6_000_000.0, 7_800_000.0)  # SWEREF 99 TM and RT90 across Sweden
_EASTING = (180_000.0, 1_000_000.0)
_RT90_EASTING = (1_150_000.0, 1_950_000.0)
_LAT = (54.0, 70.0)
_LON = (9.0, 26.0)


class CoordinateSystem(StrEnum):
    WGS84 = "wgs84"
    SWEREF99TM = "sweref99tm"
    RT90 = "rt90"  # RT90 2.5 gon V


_EPSG = {CoordinateSystem.SWEREF99TM: "EPSG:3006", CoordinateSystem.RT90: "EPSG:3021"}


def classify(a: float, b: float) -> tuple[CoordinateSystem, float, float] | None:
    """(system, north, east) of a pair given in either order, or None if it is no system here."""
    for north, east in ((a, b), (b, a)):
        if _within(north, _NORTHING):
            if _within(east, _EASTING):
                return CoordinateSystem.SWEREF99TM, north, east
            if _within(east, _RT90_EASTING):
                return CoordinateSystem.RT90, north, east
        if _within(north, _LAT) and _within(east, _LON):
            return CoordinateSystem.WGS84, north, east
    return None


def to_wgs84(
    system: CoordinateSystem, points: Sequence[tuple[float, float]]
) -> list[tuple[float, float]]:
    """(northing, easting) pairs of a grid `system` → (lat, lon), in one pyproj call (over
    arrays) for the whole batch."""
    if not points:
        return []
    northings, eastings = np.array(points, dtype=np.float64).T
    lons, lats = _projection_thread().submit(_transform, system, eastings, northings).result()
    return list(zip(np.round(lats, 6).tolist(), np.round(lons, 6).tolist(), strict=True))


@cache
def _projection_thread() -> ThreadPoolExecutor:
    """pyproj's one thread. PROJ keeps a context per OS thread but frees it with the Python
    thread state, and Qt's pool gives a reused OS thread a new one for every task: a second
    transform there crashes the process. One long-lived thread of our own avoids that."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="pyproj")


def _transform(
    system: CoordinateSystem, eastings: np.ndarray, northings: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    return _to_wgs84(system).transform(eastings, northings)


@cache
def _to_wgs84(system: CoordinateSystem) -> Transformer:
    return Transformer.from_crs(_EPSG[system], "EPSG:4326", always_xy=True)


def _within(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]
