"""Saving the area in view for offline use: the count shown, too large an area refused with a
way out, the tiles fetched off the UI thread with progress and Cancel, and a summary."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialogButtonBox

from est_desktop.geo.tile_cache import MAX_OFFLINE_TILES, SaveAreaResult, area_tile_count
from est_desktop.ui.offline_area_dialog import OfflineAreaDialog

BORAS = (57.715, 12.925, 57.730, 12.955)  # south, west, north, east: the town centre
TOWN = (57.69, 12.88, 57.76, 13.00)  # the town and its districts
REGION = (57.5, 12.5, 58.0, 13.5)


class FakeFetcher:
    """Hands out a tile (or None for the tiles in `missing`); may hold each call at a gate."""

    def __init__(self, missing: int = 0, gate: threading.Event | None = None) -> None:
        self.missing, self.gate = missing, gate
        self.asked: list[tuple[int, int, int]] = []
        self.threads: set[threading.Thread] = set()

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        self.asked.append((z, x, y))
        self.threads.add(threading.current_thread())
        if self.gate is not None and len(self.asked) > 1:
            assert self.gate.wait(10)
        return None if len(self.asked) <= self.missing else b"png"


@pytest.fixture(autouse=True)
def _work_ends_before_teardown() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


def make_dialog(qtbot, fetcher: FakeFetcher, bounds=BORAS, zoom: int = 15) -> OfflineAreaDialog:
    dialog = OfflineAreaDialog(fetcher, bounds, zoom)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def save(qtbot, dialog: OfflineAreaDialog) -> SaveAreaResult:
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.ok_button.click()
    return saved.args[0]


def test_the_dialog_offers_four_zoom_levels_and_counts_their_tiles(qtbot):
    dialog = make_dialog(qtbot, FakeFetcher(), zoom=15)

    assert (dialog.deepest.minimum(), dialog.deepest.maximum()) == (15, 18)
    assert dialog.deepest.value() == 18  # the whole centre fits, down to street level
    assert dialog.count_label.text() == str(area_tile_count(*BORAS, 15, 18))
    dialog.deepest.setValue(16)
    assert dialog.count_label.text() == str(area_tile_count(*BORAS, 15, 16))
    assert dialog.ok_button.isEnabled()
    assert not dialog.message.isVisible()


def test_the_levels_never_go_deeper_than_18(qtbot):
    assert make_dialog(qtbot, FakeFetcher(), zoom=17).deepest.maximum() == 18


def test_too_large_an_area_is_refused_with_a_way_out(qtbot):
    fetcher = FakeFetcher()
    dialog = make_dialog(qtbot, fetcher, TOWN, zoom=15)
    assert dialog.deepest.value() == 16, "the deepest level that fits is offered first"
    assert dialog.ok_button.isEnabled()

    dialog.deepest.setValue(17)

    assert not dialog.ok_button.isEnabled()
    assert dialog.message.isVisible()
    text = dialog.message.text()
    assert "för stort" in text and str(MAX_OFFLINE_TILES) in text
    assert "zooma in" in text.casefold() and "MBTiles-fil" in text
    dialog.ok_button.click()
    assert fetcher.asked == []
    dialog.deepest.setValue(16)
    assert dialog.ok_button.isEnabled() and not dialog.message.isVisible()


def test_an_area_too_large_even_at_the_current_zoom_cannot_be_saved(qtbot):
    dialog = make_dialog(qtbot, FakeFetcher(), REGION, zoom=15)

    assert dialog.deepest.value() == 15
    assert not dialog.ok_button.isEnabled()


def test_saving_fetches_every_tile_off_the_ui_thread_and_sums_up(qtbot):
    fetcher = FakeFetcher()
    dialog = make_dialog(qtbot, fetcher, zoom=15)
    dialog.deepest.setValue(17)
    total = area_tile_count(*BORAS, 15, 17)

    result = save(qtbot, dialog)

    assert (result.stored, result.failed, result.total) == (total, 0, total)
    assert len(fetcher.asked) == total
    assert {z for z, _, _ in fetcher.asked} == {15, 16, 17}
    assert threading.main_thread() not in fetcher.threads
    assert dialog.summary.text() == (
        f"Sparade {total} av {total} kartbitar för användning utan nätverk."
    )
    assert not dialog.progress_bar.isVisible()
    assert dialog.buttons.standardButtons() == QDialogButtonBox.StandardButton.Close


def test_tiles_that_could_not_be_fetched_are_reported(qtbot):
    dialog = make_dialog(qtbot, FakeFetcher(missing=2), zoom=15)
    dialog.deepest.setValue(15)
    total = area_tile_count(*BORAS, 15, 15)

    result = save(qtbot, dialog)

    assert (result.stored, result.failed) == (total - 2, 2)
    assert dialog.summary.text().startswith(f"Sparade {total - 2} av {total} kartbitar")
    assert "2 kunde inte hämtas" in dialog.summary.text()


def test_progress_shows_while_saving_and_cancel_stops_at_the_next_tile(qtbot):
    gate = threading.Event()
    fetcher = FakeFetcher(gate=gate)
    dialog = make_dialog(qtbot, fetcher, zoom=15)
    total = area_tile_count(*BORAS, 15, 18)
    try:
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: dialog.progress_bar.value() == 1)  # the second tile is held
        assert dialog.progress_bar.isVisible() and dialog.progress_bar.maximum() == total
        assert not dialog.ok_button.isEnabled() and not dialog.deepest.isEnabled()

        with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
            dialog.cancel_button.click()
            gate.set()
    finally:
        gate.set()

    result = saved.args[0]
    assert result.cancelled and result.stored == 2
    assert len(fetcher.asked) == 2
    assert dialog.isVisible(), "the summary stays in view"
    assert dialog.summary.text() == (
        f"Avbrutet. Sparade 2 av {total} kartbitar för användning utan nätverk."
    )


def test_closing_before_saving_fetches_nothing(qtbot):
    fetcher = FakeFetcher()
    dialog = make_dialog(qtbot, fetcher)

    dialog.cancel_button.click()

    assert not dialog.isVisible()
    assert fetcher.asked == []
