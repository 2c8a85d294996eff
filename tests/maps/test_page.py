"""The map page as folium builds it: every URL local, every asset it names there."""

from __future__ import annotations

import json
import re

import pytest

from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.maps import assets
from est_desktop.maps.page import (
    FALLBACK_COLOURS,
    GROUP_COLOURS,
    MapPage,
    build_page,
    legend_groups,
)


def page(**changes) -> MapPage:
    districts = DistrictLookup.default()
    values = {
        "groups": legend_groups([("brand", "Brand"), ("trafik", "Trafik")]),
        "districts": districts.to_geojson(),
        "district_labels": [("Hulta", 57.73, 12.97)],
        "bounds": districts.bounds(),
        "texts": {"legendTitle": "Kategorigrupper", "offline": "Ingen bakgrundskarta"},
        "attribution": "© OpenStreetMap contributors",
    } | changes
    return MapPage(**values)


def urls(html: str) -> list[str]:
    return re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)


def test_every_url_in_the_page_is_served_by_the_app():
    html = build_page(page())
    found = urls(html)
    assert found, "the page names its scripts and styles"
    for url in found:
        assert url.startswith("estmap://app/"), url
        path = url.removeprefix("estmap://app/")
        assert path == assets.QWEBCHANNEL_JS or assets.asset_file(path) is not None, url
    assert not re.search(r"https?://", html), "no CDN or other web URL"


def test_the_base_layer_asks_the_app_for_tiles_and_credits_the_source():
    html = build_page(page(attribution="© Borås Stad, Lantmäteriet"))
    assert "estmap://tiles/{z}/{x}/{y}.png" in html
    assert json.dumps("© Borås Stad, Lantmäteriet") in html


def test_the_page_starts_est_map_with_its_configuration():
    html = build_page(page(center=(57.72, 12.95), zoom=15, hidden_layers=frozenset({"hotspots"})))
    match = re.search(r"EstMap\.init\((\w+), (\{.*\})\);", html)
    assert match, "EstMap.init is called with the folium map"
    config = json.loads(match.group(2))
    assert config["zoom"] == 15
    assert config["hidden"] == ["hotspots"]
    assert [g["code"] for g in config["groups"]] == ["brand", "trafik"]
    assert {f["properties"]["code"] for f in config["districts"]["features"]} >= {"hulta"}


def test_a_name_cannot_end_the_script_early():
    html = build_page(page(district_labels=[("</script><script>alert(1)", 57.7, 12.9)]))
    assert "</script><script>alert(1)" not in html


def test_without_a_remembered_view_the_page_fits_the_districts():
    html = build_page(page())
    config = json.loads(re.search(r"EstMap\.init\(\w+, (\{.*\})\);", html).group(1))
    assert config["zoom"] is None
    assert config["bounds"] == list(DistrictLookup.default().bounds())


def test_groups_keep_their_colours_and_new_groups_get_distinct_ones():
    groups = legend_groups([("brand", "Brand"), ("ny1", "Ny 1"), ("ny2", "Ny 2")])
    assert groups[0].colour == GROUP_COLOURS["brand"]
    assert [g.colour for g in groups[1:]] == list(FALLBACK_COLOURS[:2])


@pytest.mark.parametrize(
    "path",
    [
        "../../etc/passwd",
        "static/../../pyproject.toml",
        "leaflet/../../../x",
        "nope/leaflet.js",
        "",
    ],
)
def test_asset_paths_cannot_leave_their_folders(path):
    assert assets.asset_file(path) is None


def test_assets_come_from_the_installed_packages_and_resources():
    assert assets.asset_file(assets.LEAFLET_JS).name == "leaflet.js"
    assert assets.asset_file(assets.MARKERCLUSTER_JS).name == "leaflet.markercluster.js"
    assert assets.asset_file("leaflet/images/marker-icon.png") is not None
    assert assets.asset_file(assets.EST_MAP_JS).parent.name == "map"
    assert assets.content_type("x/leaflet.css") == "text/css"
