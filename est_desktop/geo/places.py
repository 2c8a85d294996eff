"""Named places (squares, schools, stops...) and the type-ahead search over them."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from est_desktop.resources import resource_path

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
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"{where} ({name!r}): {key!r} must be a number, not {value!r}")
        coords.append(float(value))
    if district is not None and not isinstance(district, str):
        raise ValueError(f"{where} ({name!r}): 'district' must be a code string or null")
    return NamedPlace(name, kind, coords[0], coords[1], district)


def fold(text: str) -> str:
    """Case- and diacritics-insensitive form: "Hässleholmen" -> "hassleholmen"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


_WORD_START = re.compile(r"(?<![0-9a-z])")  # positions not preceded by a letter or digit


class PlaceIndex:
    """Type-ahead over named places: word-prefix matches first, then substring matches."""

    def __init__(self, places: Iterable[NamedPlace]) -> None:
        self._entries = sorted(((fold(p.name), p) for p in places), key=lambda e: (e[0], e[1].name))
        self._word_starts = [
            frozenset(m.start() for m in _WORD_START.finditer(key)) for key, _ in self._entries
        ]
        self._by_name: dict[str, NamedPlace] = {}
        for _, place in self._entries:
            self._by_name.setdefault(place.name.casefold(), place)

    def search(self, text: str, limit: int = 10) -> list[NamedPlace]:
        """Places whose name contains `text`; those where it starts a word come first."""
        query = fold(text)
        if not query or limit <= 0:
            return []
        prefix: list[NamedPlace] = []
        inner: list[NamedPlace] = []
        for (key, place), starts in zip(self._entries, self._word_starts, strict=True):
            at = key.find(query)
            if at < 0:
                continue
            while at >= 0 and at not in starts:
                at = key.find(query, at + 1)
            (prefix if at >= 0 else inner).append(place)
            if len(prefix) >= limit:
                break  # entries are alphabetical, so nothing later can rank higher
        return (prefix + inner)[:limit]

    def by_name(self, name: str) -> NamedPlace | None:
        """The place with exactly this name, ignoring case."""
        return self._by_name.get(name.strip().casefold())
