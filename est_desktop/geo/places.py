"""Named places (squares, schools, stops...) and the type-ahead search over them."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from est_desktop.domain.text_search import TypeAhead, fold
from est_desktop.resources import resource_path

EARTH_RADIUS_M = 6_371_000.0
KINDS = frozenset({"square", "shopping", "school", "stop", "park", "sports", "other"})


@dataclass(frozen=True)
class NamedPlace:
    name: str
    kind: str
    lat: float
    lon: float
    district: str | None  # a district code, or None outside the outlines


def load_places(path: Path | str | None = None) -> list[NamedPlace]:
    """Read a places file (default resources/places.json); ValueError says which entry is bad."""
    source = Path(path) if path is not None else resource_path("places.json")
    with source.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    if not isinstance(raw, list):
        raise ValueError(f"{source}: expected a JSON list of places")
    places = [_parse_place(f"{source} entry {i}", entry) for i, entry in enumerate(raw)]
    seen: set[str] = set()
    for place in places:
        key = place.name.casefold()
        if key in seen:
            raise ValueError(f"{source}: place name {place.name!r} occurs more than once")
        seen.add(key)
    return places


def _parse_place(where: str, entry: Any) -> NamedPlace:
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: expected an object")
    name, kind, district = entry.get("name"), entry.get("kind"), entry.get("district")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: 'name' must be a non-empty string")
    if kind not in KINDS:
        raise ValueError(f"{where} ({name!r}): 'kind' must be one of {sorted(KINDS)}, not {kind!r}")
    coords = []
    for key in ("lat", "lon"):
        value = entry.get(key)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValueError(f"{where} ({name!r}): {key!r} must be a number, not {value!r}")
        coords.append(float(value))
    if district is not None and not isinstance(district, str):
        raise ValueError(f"{where} ({name!r}): 'district' must be a code string or null")
    return NamedPlace(name, kind, coords[0], coords[1], district)


class PlaceIndex:
    """Type-ahead over named places: word-prefix matches first, each group alphabetical."""

    def __init__(self, places: Iterable[NamedPlace]) -> None:
        ordered = sorted(places, key=lambda p: (fold(p.name), p.name))
        self._type_ahead = TypeAhead((p, p.name) for p in ordered)
        self._places = ordered
        self._by_name: dict[str, NamedPlace] = {}
        for place in ordered:
            self._by_name.setdefault(place.name.casefold(), place)

    def search(self, text: str, limit: int = 10) -> list[NamedPlace]:
        """Places whose name contains `text`; nothing for empty text."""
        if not fold(text) or limit <= 0:
            return []
        return self._type_ahead.search(text, limit)

    def by_name(self, name: str) -> NamedPlace | None:
        """The place with exactly this name, ignoring case."""
        return self._by_name.get(name.strip().casefold())

    def nearest(self, lat: float, lon: float, within_m: float = 250.0) -> NamedPlace | None:
        """The named place closest to (lat, lon), if one lies within `within_m` metres.

        Equirectangular distance: at town scale it is off by far less than a place's size.
        A linear scan, as the list holds tens of places.
        """
        best, best_m = None, within_m
        for place in self._places:
            if (metres := _distance_m(lat, lon, place.lat, place.lon)) <= best_m:
                best, best_m = place, metres
        return best


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return EARTH_RADIUS_M * math.hypot(x, y)
