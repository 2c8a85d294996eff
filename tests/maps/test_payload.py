"""The incidents as one binary array, laid out as est_map.js reads it."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from est_desktop.analysis.hotspots import hotspots
from est_desktop.domain.measure import DEFAULT_RADIUS_M
from est_desktop.maps.payload import (
    colour_indexes,
    hotspot_cells,
    measure_shapes,
    points_payload,
)


def read_payload(blob: bytes) -> tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What the page does with a DataView over the bytes, in numpy."""
    count, generation = np.frombuffer(blob, dtype="<u4", count=2)
    n = int(count)
    lat = np.frombuffer(blob, dtype="<f8", count=n, offset=8)
    lon = np.frombuffer(blob, dtype="<f8", count=n, offset=8 + 8 * n)
    pk = np.frombuffer(blob, dtype="<f8", count=n, offset=8 + 16 * n)
    colour = np.frombuffer(blob, dtype="u1", count=n, offset=8 + 24 * n)
    assert len(blob) == 8 + 25 * n
    return int(generation), lat, lon, pk, colour


@given(
    st.lists(
        st.tuples(
            st.floats(57.6, 57.9), st.floats(12.7, 13.2), st.integers(1, 2**40), st.integers(0, 9)
        ),
        max_size=50,
    ),
    st.integers(0, 2**32 - 1),
)
def test_the_payload_round_trips(points, generation):
    lat = np.array([p[0] for p in points], dtype=float)
    lon = np.array([p[1] for p in points], dtype=float)
    pk = np.array([p[2] for p in points], dtype=np.int64)
    colour = np.array([p[3] for p in points], dtype=np.uint8)
    got = read_payload(points_payload(lat, lon, pk, colour, generation))
    assert got[0] == generation
    assert np.array_equal(got[1], lat) and np.array_equal(got[2], lon)
    assert np.array_equal(got[3].astype(np.int64), pk)  # exact below 2**53
    assert np.array_equal(got[4], colour)


def test_colours_follow_the_category_group_and_unknown_ones_fall_back_to_the_last():
    group_of = {"klotter": "skadegorelse", "bilbrand": "brand", "fortkorning": "trafik"}
    groups = ["skadegorelse", "brand", "trafik", "ovrigt"]
    categories = np.array(["bilbrand", "klotter", "okand", "fortkorning", "klotter"], dtype=object)
    assert colour_indexes(categories, group_of, groups).tolist() == [1, 0, 3, 2, 0]
    assert colour_indexes(np.array([], dtype=object), group_of, groups).tolist() == []


def test_hotspot_cells_carry_bounds_confidence_and_count():
    rng = np.random.default_rng(4)
    lat = np.concatenate([rng.uniform(57.70, 57.76, 400), np.full(60, 57.7305)])
    lon = np.concatenate([rng.uniform(12.90, 13.00, 400), np.full(60, 12.9705)])
    found = hotspots(lat, lon)
    cells = hotspot_cells(found)
    [pile] = [c for c in cells if c[0] <= 57.7305 < c[2] and c[1] <= 12.9705 < c[3]]
    assert pile[4] == 99, "a pile of 60 incidents in one cell is a hotspot at 99 %"
    assert pile[5] >= 60
    assert all(c[4] in (95, 99) for c in cells)


def test_measures_are_drawn_as_their_area_or_as_a_circle_round_their_point():
    import uuid
    from datetime import date

    from est_desktop.domain.measure import Measure, MeasureDraft, MeasureStatus

    square = {
        "type": "Polygon",
        "coordinates": [[[12.96, 57.72], [12.97, 57.72], [12.97, 57.73], [12.96, 57.72]]],
    }

    def measure(**fields) -> Measure:
        return Measure(uuid.uuid4(), MeasureDraft(title="T", start_date=date(2026, 3, 1), **fields))

    shapes = measure_shapes(
        [
            measure(area=square, lat=57.7, lon=12.9, radius_m=10),
            measure(lat=57.725, lon=12.965, status=MeasureStatus.DONE),
            measure(lat=57.726, lon=12.966, radius_m=120),
            measure(district="hulta"),
        ],
        describe=lambda m: f"Åtgärd: {m.draft.title}",
    )
    assert shapes == [
        {"text": "Åtgärd: T", "done": False, "area": square},
        {"text": "Åtgärd: T", "done": True, "circle": [57.725, 12.965, DEFAULT_RADIUS_M]},
        {"text": "Åtgärd: T", "done": False, "circle": [57.726, 12.966, 120]},
    ]
