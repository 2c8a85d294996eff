"""The charts: greys that say what they mean, axes with room for the counts, labels that fit."""

from __future__ import annotations

import numpy as np

from est_desktop.analysis.results import WeekdayHour
from est_desktop.reports import charts
from est_desktop.reports.document import Document
from tests.reports.conftest import body_text, page_texts
from tests.reports.test_document import FRAME


def test_few_distinct_counts_each_get_their_own_grey_darkest_for_the_most():
    counts = np.zeros((7, 24), dtype=np.int64)
    counts[0, 0], counts[1, 1] = 1, 2
    edges = charts._shade_edges(counts)

    assert edges == (1, 2)
    assert charts._level(0, edges) == 0
    assert charts._level(2, edges) == len(charts.SHADES) - 1
    assert charts._level(1, edges) == len(charts.SHADES) - 2
    assert [span for _, span in charts._legend(edges)] == ["0", "1", "2"]


def test_the_greys_split_the_busy_cells_in_quarters_so_one_peak_does_not_wash_out_the_rest():
    counts = np.zeros((7, 24), dtype=np.int64)
    counts[0, :20] = np.arange(1, 21)
    counts[4, 20] = 900  # one evening far above the rest
    edges = charts._shade_edges(counts)

    assert edges[-1] == 900 and len(edges) == 4
    levels = {charts._level(int(c), edges) for c in counts[0, :20]}
    assert len(levels) >= 3  # the ordinary hours still differ from each other
    spans = [span for _, span in charts._legend(edges)]
    assert spans[0] == "0" and spans[1].startswith("1–") and spans[-1].endswith("–900")


def test_a_count_axis_ends_on_a_round_number_above_the_largest_bar():
    assert charts._nice_scale(0) == (4, 1)
    top, step = charts._nice_scale(14)
    assert top > 14 and top % step == 0 and step in (1, 2, 5, 10)
    top, step = charts._nice_scale(2000)
    assert top >= 2200 and top % step == 0


def test_crowded_bars_show_every_few_labels_and_repeated_ones_stay_distinct():
    labels = charts._unique(["v. 1", "v. 2", "v. 1"])
    assert len(set(labels)) == 3 and labels[0] == "v. 1"

    thinned = charts._thinned([f"v. {i}" for i in range(12)], 3)
    assert [t for t in thinned if t.strip("\u200b")] == ["v. 1", "v. 4", "v. 7", "v. 10"]
    assert len(set(thinned)) == 12


def test_the_matrix_prints_its_counts_sums_and_legend(tmp_path):
    counts = np.zeros((7, 24), dtype=np.int64)
    counts[4, 21] = 17  # Friday 21–22
    counts[5, 22] = 5
    path = tmp_path / "matrix.pdf"
    Document(FRAME, [charts.WeekdayHourMatrix(WeekdayHour(counts, 3))]).write_pdf(path)

    text = body_text(page_texts(path))
    assert "Fredag 17 17" in text  # the cell and the day's sum
    assert "Lördag 5 5" in text
    assert "Händelser per ruta: 0 1–5 6–17" in text
    assert "3 händelser med bara datum, utan klockslag, ingår inte." in text
