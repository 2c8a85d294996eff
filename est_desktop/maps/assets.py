"""The files the map page loads, all from this PC: Leaflet and Leaflet.markercluster from their
installed xstatic packages, our own script and style from `resources/map/`.

The page asks for them under `estmap://app/<prefix>/<file>`; `asset_file` maps such a path to a
file, refusing anything that would climb out of the folders named here.
"""

from __future__ import annotations

import mimetypes
from functools import cache
from pathlib import Path

import xstatic.pkg.leaflet as leaflet
import xstatic.pkg.leaflet_markercluster as markercluster

from est_desktop.resources import resource_path

# URL path prefix → folder. Keep the prefixes short: they appear in the page's <head>.
_FOLDERS = {
    "leaflet": Path(leaflet.BASE_DIR),
    "markercluster": Path(markercluster.BASE_DIR),
    "static": resource_path("map"),
}
_TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}

LEAFLET_JS = "leaflet/leaflet.js"
LEAFLET_CSS = "leaflet/leaflet.css"
MARKERCLUSTER_JS = "markercluster/leaflet.markercluster.js"
MARKERCLUSTER_CSS = ("markercluster/MarkerCluster.css", "markercluster/MarkerCluster.Default.css")
EST_MAP_CONTROLS_JS = "static/est_map_controls.js"  # legend, notes, cluster bubbles
EST_MAP_JS = "static/est_map.js"
EST_DRAW_JS = "static/est_draw.js"  # drawing an area (a measure's, a control area)
EST_MAP_CSS = "static/est_map.css"
QWEBCHANNEL_JS = "qwebchannel.js"  # Qt's own, served from Qt's resources by the scheme handler


@cache
def asset_file(path: str) -> Path | None:
    """The file for a page path such as "leaflet/images/layers.png", or None."""
    prefix, _, rest = path.strip("/").partition("/")
    folder = _FOLDERS.get(prefix)
    if folder is None or not rest:
        return None
    root = folder.resolve()
    candidate = (root / rest).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def content_type(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return _TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
