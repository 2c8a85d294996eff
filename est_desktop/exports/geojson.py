"""GeoJSON files (RFC 7946): a FeatureCollection written feature by feature, so an export of a
million incidents never holds the whole document in memory.

UTF-8 without a BOM (the RFC forbids one), WGS84 [lon, lat] positions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def feature(geometry: dict[str, Any] | None, properties: dict[str, Any]) -> dict[str, Any]:
    """A Feature; `geometry` None for one without a place (valid GeoJSON: "unlocated")."""
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def point(lat: float, lon: float, places: int = 6) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(lon, places), round(lat, places)]}


def write_feature_collection(path: Path, features: Iterable[dict[str, Any]]) -> int:
    """Write the features as one FeatureCollection; the number written."""
    written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        for item in features:
            if written:
                handle.write(",\n")
            handle.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
            written += 1
        handle.write("\n]}\n")
    return written
