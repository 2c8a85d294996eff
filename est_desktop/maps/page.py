"""The map page: a folium-built Leaflet map whose every asset is served from this PC.

folium writes the page (map, base layer, scale); its CDN links are replaced by local ones
(`assets.py`), and `resources/map/est_map.js` does the rest in the page: clusters, outlines,
hotspots, legend and the link back to the app. No Qt here: plain data in, HTML out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import folium
from branca.element import MacroElement
from jinja2 import Template

from est_desktop.maps import assets

SCHEME = "estmap"
PAGE_URL = f"{SCHEME}://app/index.html"
TILE_URL = f"{SCHEME}://tiles/{{z}}/{{x}}/{{y}}.png"
MIN_ZOOM, MAX_ZOOM = 9, 19

# Colour of each category group (Paul Tol's colour-blind safe "vibrant" set, plus two); a group
# the server adds later takes the next of FALLBACK_COLOURS.
GROUP_COLOURS = {
    "skadegorelse": "#CC3311",
    "brand": "#EE7733",
    "ordning": "#EE3377",
    "narkotika": "#009988",
    "inbrott_stold": "#0077BB",
    "trafik": "#33BBEE",
    "fysisk_miljo": "#AA9A22",
    "ovrigt": "#666666",
}
FALLBACK_COLOURS = ("#332288", "#882255", "#44AA99", "#999933")


def asset_url(path: str) -> str:
    return f"{SCHEME}://app/{path}"


@dataclass(frozen=True, slots=True)
class LegendGroup:
    code: str
    label: str
    colour: str


def legend_groups(groups: Sequence[tuple[str, str]]) -> list[LegendGroup]:
    """(code, label) of each category group → its colour, in the taxonomy's order."""
    spare = iter(FALLBACK_COLOURS * (len(groups) // len(FALLBACK_COLOURS) + 1))
    return [
        LegendGroup(code, label, GROUP_COLOURS.get(code) or next(spare)) for code, label in groups
    ]


@dataclass(frozen=True)
class MapPage:
    """What the page needs to know when it loads; the points come later (payload.py)."""

    groups: Sequence[LegendGroup]
    districts: Mapping[str, Any]  # GeoJSON FeatureCollection (properties code, name)
    district_labels: Sequence[tuple[str, float, float]]  # (name, lat, lon)
    bounds: tuple[float, float, float, float]  # south, west, north, east: all districts
    texts: Mapping[str, str]  # the page's words, already in the user's language
    attribution: str
    center: tuple[float, float] | None = None  # None (or zoom None): fit `bounds`
    zoom: int | None = None
    hidden_layers: frozenset[str] = field(default_factory=frozenset)
    controls: bool = True  # zoom buttons; off for a picture on paper

    def config(self) -> dict[str, Any]:
        return {
            "groups": [{"code": g.code, "label": g.label, "colour": g.colour} for g in self.groups],
            "districts": self.districts,
            "districtLabels": [
                {"name": name, "lat": lat, "lon": lon} for name, lat, lon in self.district_labels
            ],
            "bounds": list(self.bounds),
            "texts": dict(self.texts),
            "zoom": self.zoom if self.center is not None else None,
            "hidden": sorted(self.hidden_layers),
        }


class _Start(MacroElement):
    """Hands the folium map to est_map.js once folium has made it."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "EstMap.init({{ this._parent.get_name() }}, {{ this.config_json }});"
        "{% endmacro %}"
    )

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        self._name = "EstStart"
        # "</" would end the <script> element early if a name contained it.
        self.config_json = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")


def build_page(page: MapPage) -> str:
    """The page's HTML. Every URL in it is an `estmap://` one (a test checks)."""
    south, west, north, east = page.bounds
    center = page.center or ((south + north) / 2, (west + east) / 2)
    fmap = folium.Map(
        location=list(center),
        zoom_start=page.zoom if page.center is not None and page.zoom else 13,
        tiles=None,
        min_zoom=MIN_ZOOM,
        max_zoom=MAX_ZOOM,
        prefer_canvas=True,  # 100,000 circle markers draw on one canvas, not as DOM nodes
        zoom_control=page.controls,
        control_scale=False,  # est_map.js adds a metric-only one
    )
    # folium's defaults load Leaflet, jQuery, Bootstrap and Font Awesome from CDNs: none of it
    # may be fetched, and only Leaflet is needed.
    fmap.default_js = [
        ("leaflet", asset_url(assets.LEAFLET_JS)),
        ("markercluster", asset_url(assets.MARKERCLUSTER_JS)),
        ("qwebchannel", asset_url(assets.QWEBCHANNEL_JS)),
        ("est_map_controls", asset_url(assets.EST_MAP_CONTROLS_JS)),
        ("est_map", asset_url(assets.EST_MAP_JS)),
        ("est_draw", asset_url(assets.EST_DRAW_JS)),
    ]
    fmap.default_css = [
        ("leaflet_css", asset_url(assets.LEAFLET_CSS)),
        *((f"markercluster_css_{i}", asset_url(p)) for i, p in enumerate(assets.MARKERCLUSTER_CSS)),
        ("est_map_css", asset_url(assets.EST_MAP_CSS)),
    ]
    folium.TileLayer(
        tiles=TILE_URL,
        attr=page.attribution,
        name="base",
        min_zoom=MIN_ZOOM,
        max_zoom=MAX_ZOOM,
        max_native_zoom=MAX_ZOOM,
        control=False,
    ).add_to(fmap)
    fmap.add_child(_Start(page.config()))
    return fmap.get_root().render()
