"""Named places: the shipped list, loading, and type-ahead search."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from est_desktop.domain.text_search import fold
from est_desktop.geo.district_lookup import OUTSIDE_DISTRICTS, DistrictLookup
from est_desktop.geo.places import KINDS, NamedPlace, PlaceIndex, load_places


@pytest.fixture(scope="module")
def places() -> list[NamedPlace]:
    return load_places()


@pytest.fixture(scope="module")
def index(places) -> PlaceIndex:
    return PlaceIndex(places)


def place(name: str, kind: str = "other") -> NamedPlace:
    return NamedPlace(name, kind, 57.72, 12.94, None)


# --- the shipped list ----------------------------------------------------------------------


def test_shipped_list_has_40_to_60_places_of_known_kinds(places):
    assert 40 <= len(places) <= 60
    assert {p.kind for p in places} <= KINDS


def test_every_place_lies_in_its_district(places):
    lookup = DistrictLookup.default()
    for p in places:
        assert lookup.district_at(p.lat, p.lon) == (p.district or OUTSIDE_DISTRICTS), p.name


def test_every_district_has_places(places):
    codes = {d.code for d in DistrictLookup.default().districts()}
    assert {p.district or OUTSIDE_DISTRICTS for p in places} == codes


# --- loading -------------------------------------------------------------------------------


def write(tmp_path, data) -> str:
    path = tmp_path / "places.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_load_places_reads_a_given_file(tmp_path):
    path = write(tmp_path, [{"name": "X", "kind": "park", "lat": 1, "lon": 2, "district": None}])
    assert load_places(path) == [NamedPlace("X", "park", 1.0, 2.0, None)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "X"}, "list"),
        ([{"name": "", "kind": "park", "lat": 1, "lon": 2}], "'name'"),
        ([{"name": "X", "kind": "castle", "lat": 1, "lon": 2}], "'kind'"),
        ([{"name": "X", "kind": "park", "lat": "1", "lon": 2}], "'lat'"),
        ([{"name": "X", "kind": "park", "lat": 1, "lon": 2, "district": 3}], "'district'"),
        (
            [
                {"name": "X", "kind": "park", "lat": 1, "lon": 2},
                {"name": "x", "kind": "park", "lat": 1, "lon": 2},
            ],
            "more than once",
        ),
    ],
)
def test_malformed_places_file_is_a_value_error(tmp_path, data, message):
    with pytest.raises(ValueError, match=message):
        load_places(write(tmp_path, data))


# --- search --------------------------------------------------------------------------------


def test_search_ignores_case_and_diacritics(index):
    assert "Hässleholmens centrum" in [p.name for p in index.search("hassle")]
    assert "Hässleholmens centrum" in [p.name for p in index.search("HÄSSLEHOLMENS")]
    assert "Sjöbo torg" in [p.name for p in index.search("sjobo t")]


def test_torg_finds_every_place_named_torg(index, places):
    found = {p.name for p in index.search("torg", limit=100)}
    assert found == {p.name for p in places if "torg" in fold(p.name)}
    assert {"Hulta torg", "Sjöbo torg", "Hässle torg", "Stora torget", "Södra torget"} <= found


def test_word_prefix_matches_rank_before_substring_matches():
    idx = PlaceIndex([place("Krokshallstorget"), place("Torghuset"), place("Hulta torg")])
    assert [p.name for p in idx.search("torg")] == ["Hulta torg", "Torghuset", "Krokshallstorget"]


def test_matches_of_equal_rank_are_alphabetical():
    idx = PlaceIndex([place("Östra parken"), place("Alby park"), place("Berg park")])
    assert [p.name for p in idx.search("park")] == ["Alby park", "Berg park", "Östra parken"]


def test_search_respects_the_limit_and_ignores_blank_text(index):
    assert len(index.search("a", limit=3)) == 3
    assert index.search("   ") == []
    assert index.search("torg", limit=0) == []
    assert index.search("zzzz") == []


@given(st.text(alphabet="abcdeghijklmnorstuvåäö ", max_size=6), st.integers(0, 15))
def test_search_returns_only_matches_within_the_limit(text, limit):
    idx = PlaceIndex(load_places())
    results = idx.search(text, limit)
    assert len(results) <= limit
    assert all(fold(text) in fold(p.name) for p in results)
    assert len(set(results)) == len(results)


def test_by_name_is_exact_and_case_insensitive(index):
    found = index.by_name("hulta TORG")
    assert found is not None and found.name == "Hulta torg" and found.district == "hulta"
    assert index.by_name("hulta") is None
    assert index.by_name("Hassle torg") is None  # exact: diacritics count


# --- nearest -------------------------------------------------------------------------------


def at_point(name: str, lat: float, lon: float) -> NamedPlace:
    return NamedPlace(name, "other", lat, lon, None)


def test_nearest_is_the_closest_place_within_reach():
    idx = PlaceIndex([at_point("Norr", 57.7210, 12.94), at_point("Söder", 57.7185, 12.94)])
    # 0.001° of latitude is about 111 m: Norr lies 111 m away, Söder 167 m.
    found = idx.nearest(57.7200, 12.94)
    assert found is not None and found.name == "Norr"


def test_nearest_measures_longitude_shrunk_by_the_latitude():
    # At Borås 0.003° east is about 178 m, 0.002° north about 222 m: east is nearer.
    idx = PlaceIndex([at_point("Öster", 57.72, 12.943), at_point("Norr", 57.722, 12.94)])
    found = idx.nearest(57.72, 12.94)
    assert found is not None and found.name == "Öster"


def test_nothing_is_nearest_beyond_the_given_distance():
    idx = PlaceIndex([at_point("Norr", 57.7220, 12.94)])  # about 222 m away
    assert idx.nearest(57.72, 12.94) is not None
    assert idx.nearest(57.72, 12.94, within_m=200) is None
    assert PlaceIndex([]).nearest(57.72, 12.94) is None


def test_a_shipped_place_is_nearest_to_itself(index, places):
    for p in places:
        found = index.nearest(p.lat, p.lon, within_m=1)
        assert found is not None and (found.lat, found.lon) == (p.lat, p.lon)
