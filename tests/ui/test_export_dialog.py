"""The export dialog: counts to share beyond the partners, or the incidents of the filter."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from est_desktop.domain.incident import LOCAL_TZ, IncidentDraft, Source
from est_desktop.domain.periods import day_bounds
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.ui.export_defaults import aggregated_days
from est_desktop.ui.export_dialog import ExportDialog

WAIT_MS = 10_000
TODAY = datetime.now(LOCAL_TZ).date()
# The month before last: whole and over, whatever day the tests run.
MONTH_LAST = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=1) - timedelta(days=1)
MONTH_FIRST = MONTH_LAST.replace(day=1)
LOOKUP = DistrictLookup.default()


@pytest.fixture
def record(app_service):
    def record(district: str, **extra) -> None:
        lat, lon = LOOKUP.centroid(district)
        day = MONTH_FIRST + timedelta(days=9)
        moment = datetime(day.year, day.month, day.day, 18, 30, tzinfo=LOCAL_TZ)
        app_service.record(
            IncidentDraft(occurred_at=moment, category="klotter", lat=lat, lon=lon, **extra)
        )

    return record


@pytest.fixture
def month() -> IncidentFilter:
    start, end = day_bounds(MONTH_FIRST, MONTH_LAST)
    return IncidentFilter(start=start, end=end)


@pytest.fixture
def make_dialog(qtbot, store, app_service, month):
    def make(*, may_see_police: bool = False, where: IncidentFilter = month) -> ExportDialog:
        dialog = ExportDialog(
            store, app_service.taxonomy, LOOKUP, where, may_see_police=may_see_police
        )
        qtbot.addWidget(dialog)
        return dialog

    return make


def save(qtbot, dialog: ExportDialog, path) -> list[dict[str, str]]:
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog.save(path)
    assert saved.args[0] == path
    assert dialog.status.text() == f"Sparad: {path} ({saved.args[1]} rader)"
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file, delimiter=";"))


def test_the_aggregated_csv_shows_small_counts_as_below_the_threshold(
    qtbot, record, make_dialog, tmp_path
):
    for _ in range(2):
        record("hulta")
    for _ in range(5):
        record("norrby")
    record("norrby", place_name="Norrby torg", source=Source.POLICE)
    dialog = make_dialog()
    assert dialog.aggregated.isChecked()
    rows = save(qtbot, dialog, tmp_path / "antal.csv")
    shown = {row["Distrikt"]: row["Antal"] for row in rows}
    assert shown["Hulta"] == "<3"
    assert shown["Norrby"] == "5"  # police records are never counted for sharing
    assert set(shown.values()) <= {"<3", "5", "0"}
    assert {row["Period"] for row in rows} == {rows[0]["Period"]}
    assert rows[0]["Från"] == str(MONTH_FIRST)
    assert "Platsnamn" not in rows[0]
    assert "<3" in dialog.note.text()


def test_the_aggregated_export_by_week_and_cell_has_no_names_or_exact_places(
    qtbot, record, make_dialog, tmp_path
):
    for _ in range(4):
        record("hulta", place_name="Hulta torg")
    dialog = make_dialog()
    dialog.by.setCurrentIndex(dialog.by.findData("cell"))
    assert dialog.cell_m.isEnabled()
    rows = save(qtbot, dialog, tmp_path / "rutor.csv")
    assert [row["Antal"] for row in rows] == ["4"]
    assert rows[0]["Rutans sida (m)"] == "250"
    assert "Hulta torg" not in (tmp_path / "rutor.csv").read_text(encoding="utf-8-sig")


def test_without_a_period_the_aggregated_export_counts_the_last_twelve_whole_months():
    first, last = aggregated_days(IncidentFilter(), date(2026, 11, 26))
    assert (first, last) == (date(2025, 11, 1), date(2026, 10, 31))
    start, end = day_bounds(date(2026, 3, 1), date(2026, 12, 31))
    assert aggregated_days(IncidentFilter(start=start, end=end), date(2026, 11, 26)) == (
        date(2026, 3, 1),
        date(2026, 11, 25),
    )


def test_the_detailed_csv_leaves_free_text_out_unless_ticked(qtbot, record, make_dialog, tmp_path):
    record("hulta", place_name="Hulta torg", description="Klotter på busskuren")
    dialog = make_dialog()
    dialog.incidents.setChecked(True)
    assert not dialog.free_text.isChecked()
    assert "följer inte med" in dialog.note.text()
    [row] = save(qtbot, dialog, tmp_path / "utan.csv")
    assert "Platsnamn" not in row and "Beskrivning" not in row
    assert row["Distrikt"] == "Hulta"
    assert "Hulta torg" not in (tmp_path / "utan.csv").read_text(encoding="utf-8-sig")

    dialog.free_text.setChecked(True)
    [row] = save(qtbot, dialog, tmp_path / "med.csv")
    assert row["Platsnamn"] == "Hulta torg"
    assert row["Beskrivning"] == "Klotter på busskuren"


def test_police_records_stay_out_for_a_user_who_may_not_see_them(
    qtbot, record, make_dialog, tmp_path
):
    record("hulta")
    record("norrby", source=Source.POLICE)
    dialog = make_dialog(may_see_police=False)
    dialog.incidents.setChecked(True)
    assert not dialog.police.isEnabled()
    dialog.police.setChecked(True)  # even ticked behind the disabled box's back
    rows = save(qtbot, dialog, tmp_path / "utan-polis.csv")
    assert [row["Källa"] for row in rows] == ["Personal"]

    allowed = make_dialog(may_see_police=True)
    allowed.incidents.setChecked(True)
    assert allowed.police.isEnabled()
    assert [r["Källa"] for r in save(qtbot, allowed, tmp_path / "a.csv")] == ["Personal"]
    allowed.police.setChecked(True)
    rows = save(qtbot, allowed, tmp_path / "med-polis.csv")
    assert sorted(row["Källa"] for row in rows) == ["Personal", "Polisen"]


def test_the_choices_can_be_made_from_the_keyboard(qtbot, record, make_dialog, tmp_path):
    record("hulta", place_name="Hulta torg")
    dialog = make_dialog()
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.incidents.isChecked)  # a mnemonic clicks after a short animation
    assert not dialog.by.isEnabled() and dialog.free_text.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.free_text.isChecked)
    qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.format
    assert dialog.save_button.isDefault()


def test_a_file_that_cannot_be_written_is_reported(qtbot, make_dialog, tmp_path):
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.save_failed, timeout=WAIT_MS):
        dialog.save(tmp_path / "saknas" / "antal.csv")
    assert dialog.status.text().startswith("Filen kunde inte skrivas")
    assert dialog.save_button.isEnabled()


def test_arkiv_exportera_opens_the_dialog_on_the_current_filter(qtbot, make_window):
    window = make_window()
    window.list_panel.filters.set_district("hulta")
    dialog = window.open_export_dialog()
    qtbot.addWidget(dialog)
    assert not dialog.police.isEnabled()  # no police records in this store
