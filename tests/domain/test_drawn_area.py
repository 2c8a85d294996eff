"""The rules for an area drawn on the map, and its round trip through GeoJSON."""

from __future__ import annotations

import pytest

from est_desktop.domain.drawn_area import (
    OUTSIDE_SERVICE_AREA,
    RADIUS_NOT_POSITIVE,
    SELF_CROSSING,
    TOO_FEW_CORNERS,
    DrawnArea,
    check_area_geometry,
    check_drawn_area,
    crosses_itself,
)

SQUARE = ((57.72, 12.96), (57.72, 12.97), (57.73, 12.97), (57.73, 12.96))


def test_a_square_in_borås_is_fine_and_survives_geojson_both_ways():
    area = DrawnArea(corners=SQUARE)
    assert check_drawn_area(area) == []
    geometry = area.geometry()
    assert geometry["coordinates"][0][0] == geometry["coordinates"][0][-1] == [12.96, 57.72]
    assert DrawnArea.from_geometry(geometry) == area
    # 0.01° × 0.01° at 57.7°: about 1113 m × 595 m.
    assert area.square_metres() == pytest.approx(1113.2 * 594.6, rel=0.01)


def test_a_bow_tie_crosses_itself_and_is_refused():
    bow_tie = (SQUARE[0], SQUARE[2], SQUARE[1], SQUARE[3])
    assert crosses_itself(bow_tie)
    assert check_drawn_area(DrawnArea(corners=bow_tie)) == [SELF_CROSSING]
    assert not crosses_itself(SQUARE)


def test_a_concave_outline_does_not_count_as_crossing():
    arrow = ((57.72, 12.96), (57.72, 12.98), (57.725, 12.97), (57.73, 12.98), (57.73, 12.96))
    assert not crosses_itself(arrow)


@pytest.mark.parametrize(
    "corners",
    [SQUARE[:2], (SQUARE[0], SQUARE[1], SQUARE[0]), (SQUARE[0], SQUARE[1], (57.72, 12.98))],
    ids=["two corners", "a corner twice", "all on one line"],
)
def test_fewer_than_three_corners_or_no_surface_is_not_an_area(corners):
    assert check_drawn_area(DrawnArea(corners=corners)) == [TOO_FEW_CORNERS]


def test_an_area_or_circle_reaching_outside_the_service_area_is_refused():
    stockholm = tuple((lat + 1.6, lon + 5.1) for lat, lon in SQUARE)
    assert check_drawn_area(DrawnArea(corners=stockholm)) == [OUTSIDE_SERVICE_AREA]
    near_edge = DrawnArea.circle(57.56, 12.96, 100)
    assert check_drawn_area(near_edge) == []
    assert check_drawn_area(DrawnArea.circle(57.56, 12.96, 2_000)) == [OUTSIDE_SERVICE_AREA]
    assert check_drawn_area(DrawnArea.circle(57.72, 12.96, 0)) == [RADIUS_NOT_POSITIVE]


def test_the_page_circle_and_a_broken_geometry():
    circle = DrawnArea.from_geometry({"type": "Circle", "center": [57.72, 12.96], "radius": 80})
    assert (circle.centre, circle.radius_m, circle.geometry()) == ((57.72, 12.96), 80.0, None)
    with pytest.raises(ValueError):
        DrawnArea.from_geometry({"type": "Polygon", "coordinates": "no"})
    assert check_area_geometry(None) == []
    assert check_area_geometry({"type": "Point", "coordinates": [12.9, 57.7]}) == [TOO_FEW_CORNERS]
