"""Getis-Ord Gi* on a grid: a case worked by hand, a brute-force twin, and what a person expects
of hotspots (a dense cluster stands out, an even spread does not, cells stay put)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from est_desktop.analysis.hotspots import Z_95, Z_99, cell_counts, gi_star, grid_for, hotspots

HULTA = (57.7255, 12.9790)


def test_a_row_of_four_cells_matches_the_hand_computed_values():
    # x = [4, 0, 0, 0]: n = 4, mean 1, S = sqrt(16/4 - 1) = sqrt(3).
    # cell 0: neighbours {0, 1}:    (4 - 1*2) / (sqrt(3) * sqrt((4*2 - 2*2) / 3)) = 2 / 2 = 1
    # cell 1: neighbours {0, 1, 2}: (4 - 3) / (sqrt(3) * sqrt((12 - 9) / 3)) = 1 / sqrt(3)
    # cell 2: neighbours {1, 2, 3}: (0 - 3) / sqrt(3) = -sqrt(3)
    # cell 3: neighbours {2, 3}:    (0 - 2) / 2 = -1
    z = gi_star(np.array([[4, 0, 0, 0]]))
    assert z[0] == pytest.approx([1.0, 1 / math.sqrt(3), -math.sqrt(3), -1.0])


def brute_force_gi_star(x: np.ndarray, radius: int) -> np.ndarray:
    """The textbook formula, cell by cell, with no shortcuts."""
    values = x.astype(float).ravel()
    n = values.size
    mean = values.sum() / n
    s = math.sqrt((values**2).sum() / n - mean**2)
    rows, cols = x.shape
    z = np.zeros(x.shape)
    for i in range(rows):
        for j in range(cols):
            weights = np.zeros(x.shape)
            weights[max(i - radius, 0) : i + radius + 1, max(j - radius, 0) : j + radius + 1] = 1
            w = weights.ravel()
            numerator = (w * values).sum() - mean * w.sum()
            denominator = s * math.sqrt((n * (w**2).sum() - w.sum() ** 2) / (n - 1))
            z[i, j] = numerator / denominator if denominator else 0.0
    return z


@settings(max_examples=60, deadline=None)
@given(
    counts=arrays(
        np.int64,
        st.tuples(st.integers(2, 7), st.integers(2, 7)),
        elements=st.integers(0, 20),
    ),
    radius=st.integers(1, 3),
)
def test_gi_star_agrees_with_the_textbook_formula(counts, radius):
    expected = np.zeros(counts.shape) if counts.std() == 0 else brute_force_gi_star(counts, radius)
    assert gi_star(counts, radius) == pytest.approx(expected, abs=1e-9)


def test_an_even_spread_has_no_hotspots():
    assert not gi_star(np.full((6, 6), 3)).any()


def test_chance_clusters_in_a_random_spread_are_not_called_hotspots():
    rng = np.random.default_rng(0)
    lats, lons = 57.68 + rng.random(20_000) * 0.1, 12.88 + rng.random(20_000) * 0.15
    uncorrected = hotspots(lats, lons, correct_for_many_cells=False)
    # About 1 cell in 40 passes z ≥ 1.96 by chance (one-sided): noise a person would act on.
    assert len(uncorrected.cells()) > 100
    assert len(hotspots(lats, lons).cells()) <= 3


def test_a_dense_cluster_among_scattered_incidents_is_a_99_percent_hotspot():
    rng = np.random.default_rng(1)
    lats = list(57.70 + rng.random(300) * 0.06)  # scattered over a few kilometres
    lons = list(12.90 + rng.random(300) * 0.12)
    lats += [HULTA[0]] * 40  # forty at the same spot
    lons += [HULTA[1]] * 40
    found = hotspots(lats, lons)
    (cell,) = [c for c in found.cells() if (c.row, c.col) == found.grid.cell_of(*HULTA)]
    south, west, north, east = cell.bounds
    assert south <= HULTA[0] < north and west <= HULTA[1] < east
    assert cell.confidence == 99 and cell.z >= Z_99 and cell.count >= 40
    # Its neighbourhood shares the cluster, so every hot cell touches it.
    for other in found.cells():
        assert abs(other.row - cell.row) <= 1 and abs(other.col - cell.col) <= 1
        assert other.z >= Z_95
    assert [c.z for c in found.cells()] == sorted((c.z for c in found.cells()), reverse=True)


def test_cells_are_100_metres_and_stay_put_whatever_else_is_counted():
    alone = grid_for([HULTA[0]], [HULTA[1]])
    with_others = grid_for([HULTA[0], 57.78], [HULTA[1], 13.05])
    bounds_alone = alone.bounds(*alone.cell_of(*HULTA))
    assert bounds_alone == pytest.approx(with_others.bounds(*with_others.cell_of(*HULTA)))
    south, west, north, east = bounds_alone
    height = (north - south) * 111_320
    width = (east - west) * 111_320 * math.cos(math.radians(HULTA[0]))
    assert height == pytest.approx(100, rel=0.01)
    assert width == pytest.approx(100, rel=0.01)


def test_counts_hold_every_point_inside_the_grid_and_nothing_outside():
    lats, lons = [HULTA[0], HULTA[0], 57.74], [HULTA[1], HULTA[1], 12.97]
    grid = grid_for(lats, lons)
    counts = cell_counts(grid, [*lats, 57.60], [*lons, 12.70])  # the last is outside the grid
    assert counts.sum() == 3
    assert counts[grid.cell_of(*HULTA)] == 2


def test_no_incidents_give_an_empty_map():
    found = hotspots([], [])
    assert found.cells() == []
    assert found.counts.size == 0
