"""Hotspots: where incidents cluster more than chance would have it (Getis-Ord Gi*).

Incidents are counted in a regular grid of square cells (100 m by default). For each cell, Gi*
compares the count in the cell and its neighbours (the cells within `radius` steps, itself
included) with what the study area's mean would give, in standard deviations: a z-score. A cell
with z ≥ 1.96 is a hotspot at the 95 % level, z ≥ 2.576 at 99 % — "so many incidents here and
around it would happen by chance less than 5 % (1 %) of the time". Cold spots (z below the
negatives) are not reported: for incidents, fewer than expected is not something to act on.

With thousands of cells, 5 % of them would pass the 95 % test by chance alone, so by default
the thresholds are corrected for testing many cells at once (Benjamini–Hochberg false discovery
rate, as in common GIS hotspot tools): an even spread of incidents shows no hotspots.

The grid is anchored at the service area's south-west corner, so a cell is the same piece of
ground whatever the period or filter: hotspots of two periods can be compared cell by cell.
Pure numpy; no Qt, no SQL.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from est_desktop.domain.validation import LAT_RANGE, LON_RANGE

METRES_PER_DEGREE_LAT = 111_320.0
Z_95 = 1.959964  # two-sided 95 %: the usual threshold for Gi*
Z_99 = 2.575829


@dataclass(frozen=True, slots=True)
class Grid:
    """Square cells of `cell_m` metres; row 0 / column 0 is the south-west corner of the study
    area, which lies `row0`/`col0` cells from the service area's corner."""

    cell_m: float
    row0: int
    col0: int
    rows: int
    cols: int

    @property
    def cell_lat(self) -> float:
        return self.cell_m / METRES_PER_DEGREE_LAT

    @property
    def cell_lon(self) -> float:
        # One width for the whole area: Borås spans 0.35° of latitude, a 0.3 % error in width.
        mid_lat = (LAT_RANGE[0] + LAT_RANGE[1]) / 2
        return self.cell_m / (METRES_PER_DEGREE_LAT * math.cos(math.radians(mid_lat)))

    def cell_of(self, lat: float, lon: float) -> tuple[int, int]:
        """(row, col) in this grid; may lie outside it."""
        return (
            math.floor((lat - LAT_RANGE[0]) / self.cell_lat) - self.row0,
            math.floor((lon - LON_RANGE[0]) / self.cell_lon) - self.col0,
        )

    def bounds(self, row: int, col: int) -> tuple[float, float, float, float]:
        """(south, west, north, east) in degrees."""
        south = LAT_RANGE[0] + (self.row0 + row) * self.cell_lat
        west = LON_RANGE[0] + (self.col0 + col) * self.cell_lon
        return south, west, south + self.cell_lat, west + self.cell_lon


@dataclass(frozen=True, slots=True)
class HotspotCell:
    row: int
    col: int
    count: int
    z: float
    confidence: int  # 99 or 95
    bounds: tuple[float, float, float, float]  # south, west, north, east


@dataclass(frozen=True, slots=True)
class Hotspots:
    grid: Grid
    counts: np.ndarray  # rows × cols
    z: np.ndarray  # rows × cols, Gi* z-scores
    confidence: np.ndarray  # rows × cols: 99, 95 or 0 (not a hotspot)

    def cells(self) -> list[HotspotCell]:
        """The hot cells significant at 95 % or more, strongest first."""
        rows, cols = np.nonzero(self.confidence)
        found = [
            HotspotCell(
                int(r),
                int(c),
                int(self.counts[r, c]),
                float(self.z[r, c]),
                int(self.confidence[r, c]),
                self.grid.bounds(int(r), int(c)),
            )
            for r, c in zip(rows, cols, strict=True)
        ]
        return sorted(found, key=lambda cell: -cell.z)


def same_cell(
    lats: np.ndarray, lons: np.ndarray, lat: float, lon: float, *, cell_m: float = 100.0
) -> np.ndarray:
    """Which of the points lie in the grid cell that holds (lat, lon)."""
    probe = Grid(cell_m, 0, 0, 0, 0)
    row, col = probe.cell_of(lat, lon)
    rows = np.floor((np.asarray(lats, dtype=float) - LAT_RANGE[0]) / probe.cell_lat)
    cols = np.floor((np.asarray(lons, dtype=float) - LON_RANGE[0]) / probe.cell_lon)
    return (rows == row) & (cols == col)


def grid_for(
    lats: Sequence[float] | np.ndarray,
    lons: Sequence[float] | np.ndarray,
    *,
    cell_m: float = 100.0,
    margin: int = 0,
) -> Grid:
    """The grid over the points' bounding box, `margin` cells wider on each side.

    For Gi* the box itself is the study area: empty margins would lower the mean every cell is
    compared with and make an even spread look hot.
    """
    probe = Grid(cell_m, 0, 0, 0, 0)
    if len(lats) == 0:
        return Grid(cell_m, 0, 0, 0, 0)
    rows = np.floor((np.asarray(lats, dtype=float) - LAT_RANGE[0]) / probe.cell_lat)
    cols = np.floor((np.asarray(lons, dtype=float) - LON_RANGE[0]) / probe.cell_lon)
    row0, col0 = int(rows.min()) - margin, int(cols.min()) - margin
    return Grid(
        cell_m, row0, col0, int(rows.max()) - row0 + margin + 1, int(cols.max()) - col0 + margin + 1
    )


def cell_counts(
    grid: Grid, lats: Sequence[float] | np.ndarray, lons: Sequence[float] | np.ndarray
) -> np.ndarray:
    """Incidents per cell (points outside the grid are left out)."""
    counts = np.zeros((grid.rows, grid.cols), dtype=np.int64)
    if len(lats) == 0:
        return counts
    rows = np.floor((np.asarray(lats, dtype=float) - LAT_RANGE[0]) / grid.cell_lat) - grid.row0
    cols = np.floor((np.asarray(lons, dtype=float) - LON_RANGE[0]) / grid.cell_lon) - grid.col0
    inside = (rows >= 0) & (rows < grid.rows) & (cols >= 0) & (cols < grid.cols)
    np.add.at(counts, (rows[inside].astype(np.int64), cols[inside].astype(np.int64)), 1)
    return counts


def gi_star(counts: np.ndarray, radius: int = 1) -> np.ndarray:
    """Getis-Ord Gi* z-scores for a grid of counts, with binary weights: 1 for the cells within
    `radius` steps in any direction (the cell itself included), 0 beyond.

        Gi* = (Σj wij xj − x̄ Σj wij) / (S √((n Σj wij² − (Σj wij)²) / (n − 1)))

    where x̄ and S are the mean and standard deviation of all n cells. All zeros when the counts
    do not vary (nothing stands out).
    """
    x = np.asarray(counts, dtype=float)
    n = x.size
    if n < 2:
        return np.zeros_like(x)
    mean = x.mean()
    s = math.sqrt(max((x * x).mean() - mean * mean, 0.0))
    if s == 0.0:
        return np.zeros_like(x)
    local = _window_sums(x, radius)
    weights = _window_sums(np.ones_like(x), radius)  # Σ wij = Σ wij² for binary weights
    spread = np.sqrt(np.maximum(n * weights - weights * weights, 0.0) / (n - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (local - mean * weights) / (s * spread)
    return np.where(spread > 0, z, 0.0)


def hotspots(
    lats: Sequence[float] | np.ndarray,
    lons: Sequence[float] | np.ndarray,
    *,
    cell_m: float = 100.0,
    radius: int = 1,
    correct_for_many_cells: bool = True,
) -> Hotspots:
    """Grid, counts, Gi* z-scores and each cell's confidence for the points (WGS84 degrees)."""
    grid = grid_for(lats, lons, cell_m=cell_m)
    counts = cell_counts(grid, lats, lons)
    z = gi_star(counts, radius)
    if correct_for_many_cells:
        hot95, hot99 = _fdr_hot(z, 0.05), _fdr_hot(z, 0.01)
    else:
        hot95, hot99 = z >= Z_95, z >= Z_99
    confidence = np.where(hot99, 99, np.where(hot95, 95, 0))
    return Hotspots(grid, counts, z, confidence)


def _fdr_hot(z: np.ndarray, alpha: float) -> np.ndarray:
    """Hot cells (z > 0) whose two-sided p-value passes Benjamini–Hochberg at `alpha`."""
    if z.size == 0:
        return np.zeros(z.shape, dtype=bool)
    p = np.vectorize(lambda value: math.erfc(abs(value) / math.sqrt(2)))(z.ravel())
    order = np.sort(p)
    passing = order <= alpha * np.arange(1, p.size + 1) / p.size
    if not passing.any():
        return np.zeros(z.shape, dtype=bool)
    cutoff = order[np.nonzero(passing)[0].max()]
    return ((p <= cutoff) & (z.ravel() > 0)).reshape(z.shape)


def _window_sums(x: np.ndarray, radius: int) -> np.ndarray:
    """For every cell, the sum over the (2·radius+1)² window around it, clipped at the edges
    (a summed-area table: the same cost whatever the radius)."""
    rows, cols = x.shape
    table = np.zeros((rows + 1, cols + 1))
    table[1:, 1:] = x.cumsum(axis=0).cumsum(axis=1)
    r = np.arange(rows)
    c = np.arange(cols)
    top = np.clip(r - radius, 0, rows)[:, None]
    bottom = np.clip(r + radius + 1, 0, rows)[:, None]
    left = np.clip(c - radius, 0, cols)[None, :]
    right = np.clip(c + radius + 1, 0, cols)[None, :]
    return table[bottom, right] - table[top, right] - table[bottom, left] + table[top, left]
