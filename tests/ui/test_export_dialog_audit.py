"""Every export saved from the dialog is noted for the server's audit log (kind, format, count,
free text and police records or not), and a failed one is not."""

from __future__ import annotations

from est_desktop.store.export_log import waiting_reports
from tests.ui.test_export_dialog import WAIT_MS, make_dialog, month, record, save

__all__ = ["make_dialog", "month", "record"]  # fixtures used below


def notes(store) -> list[tuple[str, str, int, bool, bool]]:
    return [
        (w.export.kind, w.export.format, w.export.count, w.export.free_text, w.export.police)
        for w in waiting_reports(store)
    ]


def test_each_saved_export_is_noted_without_its_contents(
    qtbot, store, record, make_dialog, tmp_path
) -> None:
    record("hulta", description="Klotter på busskuren")
    record("norrby")
    dialog = make_dialog(may_see_police=True)
    rows = len(save(qtbot, dialog, tmp_path / "antal.csv"))
    dialog.incidents.setChecked(True)
    dialog.free_text.setChecked(True)
    save(qtbot, dialog, tmp_path / "alla.csv")

    assert notes(store) == [
        ("aggregated", "csv", rows, False, False),
        ("incidents", "csv", 2, True, dialog.request().include_police),
    ]


def test_a_failed_export_is_not_noted(qtbot, store, make_dialog, tmp_path) -> None:
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.save_failed, timeout=WAIT_MS):
        dialog.save(tmp_path / "saknas" / "antal.csv")
    assert notes(store) == []
