"""Hand-made incident samples and a small map for the analysis tests.

The map is made up here (two square districts, a few named places), so the tests do not move
when the shipped outlines or place list change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import NamedPlace, PlaceIndex
from est_desktop.store.incident_samples import IncidentSampleArrays

HULTA_TORG = (57.7290, 12.9790)
NEAR_HULTA_TORG = (57.7295, 12.9800)  # about 80 m away, no name given
FAR_IN_HULTA = (57.7215, 12.9620)  # inside Hulta, over 800 m from any named place
OUTSIDE = (57.7000, 12.9000)  # in no district, far from every named place


def _square(code: str, name: str, south: float, west: float, north: float, east: float) -> dict:
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {
        "type": "Feature",
        "properties": {"code": code, "name": name},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


DISTRICTS = DistrictLookup.from_geojson(
    {
        "type": "FeatureCollection",
        "features": [
            _square("hulta", "Hulta", 57.720, 12.960, 57.735, 12.995),
            _square("norrby", "Norrby", 57.726, 12.940, 57.735, 12.955),
        ],
    }
)
PLACES = PlaceIndex(
    [
        NamedPlace("Hulta torg", "square", *HULTA_TORG, "hulta"),
        NamedPlace("Norrbyhuset", "other", 57.7308, 12.9478, "norrby"),
    ]
)


def local(
    year: int, month: int, day: int, hour: int = 12, minute: int = 0, *, fold: int = 0
) -> datetime:
    """A wall-clock time in Borås; `fold=1` picks the second of a repeated autumn hour."""
    return datetime(year, month, day, hour, minute, tzinfo=LOCAL_TZ, fold=fold)


@dataclass(frozen=True)
class Event:
    """One incident of a test sample; only what a test cares about needs saying."""

    at: datetime
    category: str = "klotter"
    district: str = "hulta"
    source: str = "staff"
    place: str = ""
    lat: float = HULTA_TORG[0]
    lon: float = HULTA_TORG[1]
    location: str = "exact"
    time: str = "exact"
    notified: bool = False


def sample_of(events: Iterable[Event]) -> IncidentSampleArrays:
    """The events as the store would hand them over (pk from 1, in the given order)."""
    return IncidentSampleArrays.from_rows(
        (
            pk,
            int(e.at.timestamp()),
            e.time,
            e.category,
            e.district,
            e.source,
            e.place,
            e.lat,
            e.lon,
            e.location,
            e.notified,
        )
        for pk, e in enumerate(events, start=1)
    )
