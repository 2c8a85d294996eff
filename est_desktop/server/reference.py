"""The reference data answer: categories and district outlines, from the project's resources.

Built once per process from the same sources the desktop app reads (the category list through
Taxonomy, the outlines from resources/districts.geojson), so client and server cannot disagree.
`version` is a short hash of the content: it changes exactly when the content does.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.resources import resource_path


@dataclass(frozen=True, slots=True)
class ReferenceData:
    version: str
    body: bytes  # the whole 200 answer, JSON


def build_reference(taxonomy: Taxonomy, districts_path: Path | None = None) -> ReferenceData:
    content = {
        # Not in PROTOCOL.md's minimum: the group labels, so a client can show groups too.
        "groups": [
            {"code": g.code, "label_sv": g.label_sv, "label_en": g.label_en}
            for g in taxonomy.groups
        ],
        "categories": [
            {
                "code": c.code,
                "group": c.group,
                "label_sv": c.label_sv,
                "label_en": c.label_en,
                "active": c.active,
                "entry": c.entry,  # not in the minimum either: hides "Omappad" when recording
            }
            for c in taxonomy.categories()
        ],
        "districts": _district_outlines(districts_path or resource_path("districts.geojson")),
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    version = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
    body = json.dumps({"version": version, **content}, ensure_ascii=False, separators=(",", ":"))
    return ReferenceData(version, body.encode("utf-8"))


def _district_outlines(path: Path) -> dict[str, Any]:
    """The outlines as a FeatureCollection with only `code` and `name` as properties.

    Checked with the client's own parser first, so what is served is what a client can load.
    """
    with path.open(encoding="utf-8") as handle:
        collection = json.load(handle)
    DistrictLookup.from_geojson(collection)
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "code": feature["properties"]["code"],
                    "name": feature["properties"]["name"],
                },
                "geometry": feature["geometry"],
            }
            for feature in collection["features"]
        ],
    }
