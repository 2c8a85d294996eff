"""District lookup: the shipped outlines, and the geometry on small hand-made collections."""

from __future__ import annotations

import copy
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from est_desktop.geo.district_lookup import (
    OUTSIDE_DISTRICTS,
    OUTSIDE_DISTRICTS_NAME,
    District,
    DistrictLookup,
)
from est_desktop.resources import resource_path

CODES = ["hassleholmen", "hulta", "norrby", "sjobo", "centrum"]

# Borås town and surroundings, wider than all five outlines.
LAT_MIN, LAT_MAX, LON_MIN, LON_MAX = 57.700, 57.780, 12.890, 13.020


@pytest.fixture(scope="module")
def lookup() -> DistrictLookup:
    return DistrictLookup.default()


@pytest.fixture(scope="module")
def collection() -> dict:
    with resource_path("districts.geojson").open(encoding="utf-8") as handle:
        return json.load(handle)


def square(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


def feature(code: str, geometry: dict, name: str | None = None) -> dict:
    return {
        "type": "Feature",
        "properties": {"code": code, "name": name or code.title()},
        "geometry": geometry,
    }


def fc(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


# --- the shipped outlines ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "lat", "lon"),
    [
        ("centrum", 57.7210, 12.9401),  # Stora torget
        ("norrby", 57.7305, 12.9480),
        ("hassleholmen", 57.7405, 12.9725),
        ("hulta", 57.7290, 12.9790),
        ("sjobo", 57.7497, 12.9441),  # Sjöbo torg
    ],
)
def test_known_point_in_each_district_gives_its_code(lookup, code, lat, lon):
    assert lookup.district_at(lat, lon) == code
    assert lookup.contains(code, lat, lon)


def test_point_in_hulta_is_hulta(lookup):
    assert lookup.district_at(57.7290, 12.9790) == "hulta"


@pytest.mark.parametrize(("lat", "lon"), [(57.60, 13.10), (57.7330, 12.9378), (57.70, 12.94)])
def test_point_outside_every_outline_is_ovriga(lookup, lat, lon):
    assert lookup.district_at(lat, lon) == OUTSIDE_DISTRICTS
    assert lookup.contains(OUTSIDE_DISTRICTS, lat, lon)


def test_districts_lists_the_five_in_file_order_then_ovriga(lookup):
    assert lookup.districts() == [
        District("hassleholmen", "Hässleholmen"),
        District("hulta", "Hulta"),
        District("norrby", "Norrby"),
        District("sjobo", "Sjöbo"),
        District("centrum", "Centrum"),
        District(OUTSIDE_DISTRICTS, OUTSIDE_DISTRICTS_NAME),
    ]


def test_outlines_do_not_overlap_on_a_dense_grid(lookup):
    steps = 160
    for i in range(steps + 1):
        lat = LAT_MIN + (LAT_MAX - LAT_MIN) * i / steps
        for j in range(steps + 1):
            lon = LON_MIN + (LON_MAX - LON_MIN) * j / steps
            hits = [code for code in CODES if lookup.contains(code, lat, lon)]
            assert len(hits) <= 1, (lat, lon, hits)


@given(
    st.floats(LAT_MIN, LAT_MAX, allow_nan=False),
    st.floats(LON_MIN, LON_MAX, allow_nan=False),
)
def test_district_at_agrees_with_contains_and_is_unique(lat, lon):
    lookup = DistrictLookup.default()
    hits = [code for code in CODES if lookup.contains(code, lat, lon)]
    assert len(hits) <= 1
    assert lookup.district_at(lat, lon) == (hits[0] if hits else OUTSIDE_DISTRICTS)


def test_each_outline_has_10_to_30_vertices_and_is_1_to_3_km_across(collection):
    for feat in collection["features"]:
        ring = feat["geometry"]["coordinates"][0]
        assert 10 <= len(ring) - 1 <= 30, feat["properties"]["code"]
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        mid_lat = math.radians(sum(lats) / len(lats))
        height_km = (max(lats) - min(lats)) * 111.2
        width_km = (max(lons) - min(lons)) * 111.2 * math.cos(mid_lat)
        assert 0.7 <= max(height_km, width_km) <= 3.0, feat["properties"]["code"]


def test_each_centroid_lies_inside_its_district(lookup):
    for code in CODES:
        lat, lon = lookup.centroid(code)
        assert lookup.district_at(lat, lon) == code


def test_name_of_gives_display_names_and_falls_back_to_the_code(lookup):
    assert lookup.name_of("sjobo") == "Sjöbo"
    assert lookup.name_of(OUTSIDE_DISTRICTS) == OUTSIDE_DISTRICTS_NAME
    assert lookup.name_of("atlantis") == "atlantis"
    assert lookup.name_of(None) == ""


def test_default_is_read_once(lookup):
    assert DistrictLookup.default() is lookup


def test_unknown_code_in_centroid_or_contains_is_a_key_error(lookup):
    with pytest.raises(KeyError, match="atlantis"):
        lookup.centroid("atlantis")
    with pytest.raises(KeyError, match="atlantis"):
        lookup.contains("atlantis", 57.72, 12.94)


# --- geometry on hand-made collections -----------------------------------------------------


@pytest.fixture
def holed() -> DistrictLookup:
    # "ring": a 10x10 square with a 4x4 hole; "island": a MultiPolygon of the hole's inner part
    # and a separate square far east.
    return DistrictLookup.from_geojson(
        fc(
            feature(
                "ring",
                {"type": "Polygon", "coordinates": [square(0, 0, 10, 10), square(3, 3, 7, 7)]},
            ),
            feature(
                "island",
                {
                    "type": "MultiPolygon",
                    "coordinates": [[square(4, 4, 6, 6)], [square(20, 0, 22, 2)]],
                },
            ),
        )
    )


def test_point_in_a_hole_is_not_in_the_polygon(holed):
    assert holed.district_at(lat=3.5, lon=3.5) == OUTSIDE_DISTRICTS
    assert holed.district_at(lat=1, lon=1) == "ring"


def test_every_part_of_a_multipolygon_belongs_to_its_district(holed):
    assert holed.district_at(lat=5, lon=5) == "island"
    assert holed.district_at(lat=1, lon=21) == "island"
    assert holed.district_at(lat=1, lon=15) == OUTSIDE_DISTRICTS


def test_centroid_of_a_ring_shaped_district_lies_inside_it(holed):
    lat, lon = holed.centroid("ring")
    assert holed.district_at(lat, lon) == "ring"


def test_concave_district_centroid_falls_back_to_a_point_inside():
    u_shape = [[0, 0], [9, 0], [9, 9], [6, 9], [6, 3], [3, 3], [3, 9], [0, 9], [0, 0]]
    lookup = DistrictLookup.from_geojson(
        fc(feature("u", {"type": "Polygon", "coordinates": [u_shape]}))
    )
    lat, lon = lookup.centroid("u")
    assert lookup.contains("u", lat, lon)


@given(st.floats(0.01, 9.99), st.floats(0.01, 9.99))
def test_point_in_holed_square_matches_arithmetic(lat, lon):
    lookup = DistrictLookup.from_geojson(
        fc(
            feature(
                "sq", {"type": "Polygon", "coordinates": [square(0, 0, 10, 10), square(3, 3, 7, 7)]}
            )
        )
    )
    in_hole = 3 <= lat <= 7 and 3 <= lon <= 7
    on_hole_edge = lat in (3, 7) or lon in (3, 7)
    if not on_hole_edge:
        assert lookup.contains("sq", lat, lon) is not in_hole


def test_ring_orientation_does_not_matter():
    clockwise = list(reversed(square(0, 0, 2, 2)))
    lookup = DistrictLookup.from_geojson(
        fc(feature("cw", {"type": "Polygon", "coordinates": [clockwise]}))
    )
    assert lookup.district_at(1, 1) == "cw"
    assert lookup.centroid("cw") == pytest.approx((1.0, 1.0))


# --- malformed input -----------------------------------------------------------------------


def good() -> dict:
    return fc(feature("a", {"type": "Polygon", "coordinates": [square(0, 0, 1, 1)]}))


def broken(mutate) -> dict:
    collection = copy.deepcopy(good())
    mutate(collection)
    return collection


@pytest.mark.parametrize(
    ("collection", "message"),
    [
        ([], "FeatureCollection"),
        ({"type": "Feature"}, "FeatureCollection"),
        ({"type": "FeatureCollection", "features": []}, "non-empty"),
        (broken(lambda c: c["features"][0].update(type="Point")), "feature 0"),
        (broken(lambda c: c["features"][0]["properties"].pop("code")), "'code'"),
        (broken(lambda c: c["features"][0]["properties"].update(name="")), "'name'"),
        (broken(lambda c: c["features"][0]["properties"].update(code="ovriga")), "reserved"),
        (broken(lambda c: c["features"][0].update(geometry=None)), "'geometry'"),
        (broken(lambda c: c["features"][0]["geometry"].update(type="LineString")), "LineString"),
        (broken(lambda c: c["features"][0]["geometry"].update(coordinates=[])), "rings"),
        (broken(lambda c: c["features"][0]["geometry"]["coordinates"][0].pop()), "closed"),
        (
            broken(lambda c: c["features"][0]["geometry"].update(coordinates=[[[0, 0]] * 3])),
            "at least 4",
        ),
        (
            broken(
                lambda c: c["features"][0]["geometry"]["coordinates"][0].__setitem__(1, ["x", 0])
            ),
            "position 1",
        ),
        (
            broken(
                lambda c: c["features"][0]["geometry"]["coordinates"][0].__setitem__(1, [57.7, 200])
            ),
            "WGS84",
        ),
        (
            broken(lambda c: c["features"].append(copy.deepcopy(c["features"][0]))),
            "duplicate code 'a'",
        ),
    ],
)
def test_malformed_geojson_is_a_value_error_naming_the_problem(collection, message):
    with pytest.raises(ValueError, match=message):
        DistrictLookup.from_geojson(collection)


def test_error_names_the_feature_and_its_code():
    collection = fc(
        feature("a", {"type": "Polygon", "coordinates": [square(0, 0, 1, 1)]}),
        feature("b", {"type": "MultiPolygon", "coordinates": [[square(2, 2, 3, 3)], "oops"]}),
    )
    with pytest.raises(ValueError, match=r"feature 1 \('b'\) polygon 1"):
        DistrictLookup.from_geojson(collection)
