"""Long work on a big store leaves the window painting, and Avbryt stops it: each operation the
window starts runs under a stall meter (stall_meter.py)."""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.bench_import import generate
from est_desktop.app import DEMO_COUNT, _fill_demo_if_empty, build_window
from est_desktop.demo_data import DEFAULT_END
from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import PlaceIndex, load_places
from est_desktop.report_builder import ReportBuilder
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.ui.export_dialog import ExportDialog
from est_desktop.ui.import_dialog import ImportDialog
from est_desktop.ui.report_dialog import ReportDialog
from est_desktop.ui.work_progress import WorkProgressDialog
from tests.ui.responsive.conftest import BIG_STORE_ROWS
from tests.ui.responsive.stall_meter import StallMeter

WAIT_MS = 20_000
LAST = DEFAULT_END.date()
FIRST = date(LAST.year - 1, LAST.month, 1)  # a year of the big store: most of its rows


def report_dialog(qtbot, store, taxonomy: Taxonomy) -> ReportDialog:
    districts = DistrictLookup.default()
    builder = ReportBuilder(
        store, taxonomy, districts, PlaceIndex(load_places()), today=lambda: LAST
    )
    dialog = ReportDialog(
        builder, districts, first=FIRST, last=LAST, district=None, made_by="Eva Analytiker"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_summary_of_a_big_store_is_made_without_freezing_the_window(
    qtbot, big_store, taxonomy, tmp_path
):
    dialog = report_dialog(qtbot, big_store, taxonomy)
    with StallMeter() as meter:
        path = dialog.save_pdf(tmp_path / "summary.pdf")
    assert path is not None and path.stat().st_size > 10_000
    print(f"report: longest stall {meter.longest_ms:.0f} ms over {meter.ticks} ticks")
    meter.assert_responsive()


def test_avbryt_stops_making_the_report_and_nothing_is_saved(qtbot, big_store, taxonomy, tmp_path):
    dialog = report_dialog(qtbot, big_store, taxonomy)
    # Pressed as soon as the progress dialog is up: the reading and analysis are under way.
    QTimer.singleShot(0, lambda: dialog.building.reject())
    assert dialog.save_pdf(tmp_path / "summary.pdf") is None
    assert not (tmp_path / "summary.pdf").exists()
    assert dialog.note.text() == "Avbrutet; inget sammanställdes."
    assert dialog.building is None
    # The next try is not spoilt by the cancelled one.
    assert dialog.save_pdf(tmp_path / "summary.pdf") is not None


def export_dialog(qtbot, store, taxonomy: Taxonomy) -> ExportDialog:
    dialog = ExportDialog(
        store, taxonomy, DistrictLookup.default(), IncidentFilter(), may_see_police=True
    )
    qtbot.addWidget(dialog)
    dialog.incidents.setChecked(True)
    dialog.free_text.setChecked(True)
    dialog.show()
    return dialog


def test_exporting_every_incident_of_a_big_store_counts_them_and_keeps_the_window_painting(
    qtbot, big_store, taxonomy, tmp_path
):
    dialog = export_dialog(qtbot, big_store, taxonomy)
    counts: list[str] = []
    with StallMeter() as meter, qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        assert dialog.save(tmp_path / "alla.csv") is not None
        dialog._task.relay.progressed.connect(lambda _v: counts.append(dialog.status.text()))
    assert saved.args[1] == BIG_STORE_ROWS
    assert counts and counts[0].startswith("Sparar… ") and counts[0].endswith(" händelser")
    assert not dialog.progress_bar.isVisible() and dialog.close_button.text() == "Stäng"
    print(f"export: longest stall {meter.longest_ms:.0f} ms over {meter.ticks} ticks")
    meter.assert_responsive()


def test_avbryt_stops_the_export_and_leaves_no_half_file(qtbot, big_store, taxonomy, tmp_path):
    dialog = export_dialog(qtbot, big_store, taxonomy)
    path = tmp_path / "alla.csv"
    with qtbot.waitSignal(dialog.save_failed, timeout=WAIT_MS) as failed:
        dialog.save(path)
        assert dialog.close_button.text() == "Avbryt"
        dialog.close_button.click()  # still reading: the first check comes at row 1 000
    assert failed.args == ["Exporten avbröts; ingen fil sparades."]
    assert not path.exists()
    assert dialog.isVisible() and dialog.save_button.isEnabled()


def test_the_analysis_panel_recalculates_a_big_store_off_the_ui_thread(qtbot, big_store, prefs):
    window = build_window(big_store, prefs, with_map=False, with_analysis=True)
    qtbot.addWidget(window)
    window.show()
    panel = window.analysis_panel
    with qtbot.waitSignal(panel.analysed, timeout=WAIT_MS):
        window.analysis_dock.show()
    # After a big change (an import), the list and the analysis follow it.
    with StallMeter() as meter, qtbot.waitSignal(panel.analysed, timeout=WAIT_MS):
        window._on_imported(BIG_STORE_ROWS)
    assert window.list_panel.model.rowCount() > 0
    print(f"analysis: longest stall {meter.longest_ms:.0f} ms over {meter.ticks} ticks")
    meter.assert_responsive()


def test_importing_a_big_police_export_keeps_the_window_painting(qtbot, store, prefs, tmp_path):
    path = tmp_path / "brott.csv"
    path.write_bytes(generate(BIG_STORE_ROWS))
    dialog = ImportDialog(
        store, Actor("eva", "boras_stad"), Taxonomy.load(), DistrictLookup.default(), prefs
    )
    qtbot.addWidget(dialog)
    dialog.show()
    # Read twice, judged by the smoother read: a one-off spell (the collector walking the
    # heap a whole test session left) can stop any thread once; work on the UI thread would
    # stop the window on both reads.
    readings = []
    for _ in range(2):
        with StallMeter() as meter, qtbot.waitSignal(dialog.previewed, timeout=WAIT_MS):
            dialog.open_file(path)
        readings.append(meter)
    reading = min(readings, key=lambda meter: meter.longest_ms)
    values: list[int] = []
    dialog.progress_bar.valueChanged.connect(values.append)
    with StallMeter() as importing, qtbot.waitSignal(dialog.imported, timeout=WAIT_MS) as done:
        dialog.import_button.click()
    assert done.args[0] > 0.9 * BIG_STORE_ROWS
    assert len(values) > 2  # the bar moved on the way
    print(f"import: longest stall {reading.longest_ms:.0f} / {importing.longest_ms:.0f} ms")
    reading.assert_responsive()
    importing.assert_responsive()


def test_the_meter_sees_the_old_way_reading_on_the_ui_thread(qtbot, big_store, taxonomy):
    """The control: the same reading and analysis done on the UI thread, as the report dialog
    did before, shows up as one stall as long as the work."""
    dialog = report_dialog(qtbot, big_store, taxonomy)
    with StallMeter() as meter:
        qtbot.wait(30)
        start = time.perf_counter()
        dialog._builder.gather(dialog.request())
        took_ms = (time.perf_counter() - start) * 1000
    assert meter.longest_ms >= took_ms


def demo_dialog() -> WorkProgressDialog | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, WorkProgressDialog)), None
    )


def test_demo_data_at_the_first_demo_start_is_made_behind_a_progress_dialog(qtbot, store):
    with StallMeter() as meter:
        _fill_demo_if_empty(store)
    assert IncidentRepository(store).count(IncidentFilter()) == DEMO_COUNT
    print(f"demo data: longest stall {meter.longest_ms:.0f} ms over {meter.ticks} ticks")
    meter.assert_responsive()


def test_avbryt_keeps_the_demo_data_made_so_far(qtbot, store):
    QTimer.singleShot(0, lambda: demo_dialog().cancel_button.click())
    _fill_demo_if_empty(store)
    assert 0 < IncidentRepository(store).count(IncidentFilter()) < DEMO_COUNT
