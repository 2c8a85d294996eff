"""The server's reference data (categories, districts), cached so the app works offline with it.

The cache is the `GET /reference` answer as JSON, replaced atomically (temp file + os.replace),
so a crash leaves the old copy or the new one, never half of either.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup

log = logging.getLogger(__name__)

CACHE_FILE = "reference.json"


class ReferenceCache:
    """One cached reference answer in `data_dir`. Any thread."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / CACHE_FILE

    def save(self, reference: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as file:
            json.dump(reference, file, ensure_ascii=False)
            file.flush()
            os.fsync(file.fileno())
        os.replace(tmp, self.path)

    def load(self) -> dict | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("reference cache %s unreadable, ignored: %s", self.path, exc)
            return None
        return data if isinstance(data, dict) else None

    def version(self) -> str | None:
        reference = self.load()
        return None if reference is None else str(reference.get("version") or "") or None

    def age_seconds(self) -> float | None:
        """How long ago the cache was written, or None when there is none."""
        try:
            return max(0.0, time.time() - self.path.stat().st_mtime)
        except OSError:
            return None

    def taxonomy(self) -> Taxonomy | None:
        """The cached categories as a Taxonomy, or None (no cache, or a broken one)."""
        reference = self.load()
        if reference is None:
            return None
        try:
            return Taxonomy.from_dict(_taxonomy_shape(reference))
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("cached categories unusable: %s", exc)
            return None

    def districts(self) -> DistrictLookup | None:
        reference = self.load()
        if reference is None:
            return None
        try:
            return DistrictLookup.from_geojson(reference["districts"])
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("cached districts unusable: %s", exc)
            return None


def _taxonomy_shape(reference: dict[str, Any]) -> dict[str, Any]:
    """The reference's flat category list in categories.json's grouped shape.

    Group labels come from the answer's optional `groups` list, else from the bundled
    taxonomy (same codes), else the group's code stands for itself.
    """
    labels = {str(g["code"]): g for g in reference.get("groups") or [] if isinstance(g, dict)}
    bundled = Taxonomy.load()
    groups: dict[str, dict[str, Any]] = {}
    for item in reference["categories"]:
        code = str(item["group"])
        if code not in groups:
            known = bundled.group(code)
            label = labels.get(code) or {
                "label_sv": known.label_sv if known else code,
                "label_en": known.label_en if known else code,
            }
            groups[code] = {
                "code": code,
                "label_sv": label["label_sv"],
                "label_en": label["label_en"],
                "categories": [],
            }
        groups[code]["categories"].append(item)
    return {"version": reference.get("version", ""), "groups": list(groups.values())}


def reference_data(data_dir: Path | None) -> tuple[Taxonomy, DistrictLookup]:
    """Categories and districts: the server's cached copy when there is one, else the bundled.
    No Qt: the headless commands use it too."""
    taxonomy, districts = None, None
    if data_dir is not None:
        cache = ReferenceCache(data_dir)
        try:
            taxonomy, districts = cache.taxonomy(), cache.districts()
        except Exception:  # a damaged cache must not stop the app: the bundled copy serves
            log.exception("cached reference data unusable; using the bundled copy")
    return taxonomy or Taxonomy.load(), districts or DistrictLookup.default()
