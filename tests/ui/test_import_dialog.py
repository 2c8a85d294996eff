"""The import dialog: preview first (nothing written), then all or nothing, with mapping and
cancel; on the real importers and a fresh store."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from est_desktop.domain.actor import Actor
from est_desktop.importers.columns import layout_key
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.ui.import_dialog import ImportDialog
from est_desktop.ui.import_mapping import MAPPINGS_KEY
from est_desktop.ui.preferences import Preferences
from tests.importers.conftest import FIXTURES

ANALYST = Actor("eva", "boras_stad")
UNKNOWN_HEADERS = ("Nr", "Vad", "När", "Var", "Nordlig", "Östlig")


class FakeDistricts:
    """Every point in "hulta"; with `hold`, the first lookup waits until the test releases it
    (so the test can cancel while the commit is under way)."""

    def __init__(self, hold: bool = False) -> None:
        self.entered, self.release = threading.Event(), threading.Event()
        if not hold:
            self.release.set()

    def district_at(self, lat: float, lon: float) -> str:
        self.entered.set()
        self.release.wait(10)
        return "hulta"


def _count(store: Store) -> int:
    return IncidentRepository(store).count(IncidentFilter())


@pytest.fixture
def open_dialog(qtbot, store: Store, prefs: Preferences, taxonomy):
    def make(path: Path, districts: FakeDistricts | None = None) -> ImportDialog:
        dialog = ImportDialog(
            store, ANALYST, taxonomy, districts or FakeDistricts(), prefs, path=path
        )
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def _preview(qtbot, dialog: ImportDialog):
    """Wait for the read started by the constructor (its result arrives through the loop)."""
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as signal:
        pass
    return signal.args[0]


def _crimes_csv(path: Path, rows: int) -> Path:
    header = "Ärendenummer;Brottskod;Brottsbenämning;Datum från;Klockslag från;Kommun;N;E\n"
    lines = (
        f"5000-K{n}-25;0857;Misshandel;2025-06-06;18:50;Borås;57,7384;12,9842\n"
        for n in range(rows)
    )
    path.write_text(header + "".join(lines), encoding="utf-8")
    return path


def test_the_preview_shows_the_counts_and_writes_nothing(qtbot, open_dialog, store) -> None:
    dialog = open_dialog(FIXTURES / "crimes_bom_semicolon_crlf.csv")
    planned = _preview(qtbot, dialog)
    lines = dialog.summary.text().splitlines()
    for line in (
        "Lästa: 11",
        "Nya: 7",
        "Redan importerade: 0",
        "Dubbletter i filen: 1",
        "Utanför kommunen: 2",
        "Avvisade: 2",
        "Omappad kategori: 3",
    ):
        assert line in lines
    reasons = [dialog.rejections.item(i).text() for i in range(dialog.rejections.count())]
    assert [r.split(":")[0] for r in reasons] == ["Rad 8", "Rad 12"]
    assert "koordinater saknas" in reasons[0]
    assert len(planned.new) == 7
    assert dialog.import_button.isEnabled()
    assert _count(store) == 0


def test_importing_writes_the_new_rows_and_says_how_many(qtbot, open_dialog, store) -> None:
    dialog = open_dialog(FIXTURES / "crimes_bom_semicolon_crlf.csv")
    _preview(qtbot, dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert signal.args == [7]
    assert _count(store) == 7
    assert dialog.status.text() == "7 händelser importerade."
    assert not dialog.import_button.isEnabled()  # the same preview is not imported twice


def test_cancelling_the_import_leaves_the_store_unchanged(
    qtbot, open_dialog, store, tmp_path
) -> None:
    # Over one write batch (2,000), so the commit checks for cancel after the first batch.
    districts = FakeDistricts(hold=True)
    dialog = open_dialog(_crimes_csv(tmp_path / "many.csv", 2_100), districts)
    planned = _preview(qtbot, dialog)
    assert len(planned.new) == 2_100
    imported: list[int] = []
    dialog.imported.connect(imported.append)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert districts.entered.wait(10)  # the commit is writing its first batch
    assert dialog.progress_bar.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc is Avbryt
    assert dialog.cancel_button.text() == "Avbryter…" and dialog.isVisible()
    districts.release.set()
    qtbot.waitUntil(lambda: "avbröts" in dialog.status.text(), timeout=20_000)
    assert _count(store) == 0 and imported == []
    assert dialog.import_button.isEnabled()  # nothing was written: it can be tried again


def test_unknown_headers_ask_for_columns_and_the_choice_is_remembered(
    qtbot, open_dialog, store, prefs, tmp_path
) -> None:
    dialog = open_dialog(FIXTURES / "crimes_unknown_headers.csv")
    qtbot.waitUntil(lambda: dialog.apply_mapping_button.isEnabled(), timeout=10_000)
    assert dialog.pages.currentIndex() == 1 and not dialog.import_button.isEnabled()
    boxes = dialog.column_boxes
    assert [boxes["case_number"].itemText(i) for i in range(1, 7)] == list(UNKNOWN_HEADERS)
    for name, header in (
        ("case_number", "Nr"),
        ("crime_name", "Vad"),
        ("date_from", "När"),
        ("address", "Var"),
        ("north", "Nordlig"),
        ("east", "Östlig"),
    ):
        boxes[name].setCurrentIndex(boxes[name].findText(header))
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as signal:
        qtbot.mouseClick(dialog.apply_mapping_button, Qt.MouseButton.LeftButton)
    assert len(signal.args[0].new) == 1 and _count(store) == 0
    stored = json.loads(prefs.settings.value(MAPPINGS_KEY + layout_key(UNKNOWN_HEADERS)))
    assert stored["case_number"] == "Nr" and stored["east"] == "Östlig"

    # Another file of the same layout goes straight to its preview.
    later = tmp_path / "later.csv"
    later.write_text(
        ";".join(UNKNOWN_HEADERS)
        + "\nK301-25;Skadegörelse;2025-08-02 10:00;Hulta;57,7384;12,9842\n",
        encoding="utf-8",
    )
    again = open_dialog(later)
    planned = _preview(qtbot, again)
    assert [d.external_id for d in planned.new] == ["K301-25:Skadegörelse"]
    assert again.pages.currentIndex() == 2


def test_a_missing_mapped_column_is_named_and_nothing_is_read(qtbot, open_dialog) -> None:
    dialog = open_dialog(FIXTURES / "crimes_unknown_headers.csv")
    qtbot.waitUntil(lambda: dialog.apply_mapping_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(dialog.apply_mapping_button, Qt.MouseButton.LeftButton)
    assert "Ärendenummer" in dialog.message.text() and dialog.pages.currentIndex() == 1


def test_an_unreadable_file_is_a_message_not_a_crash(qtbot, open_dialog, tmp_path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"[{not json")
    dialog = open_dialog(broken)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
    assert "JSON" in dialog.message.text() and not dialog.import_button.isEnabled()
    missing = open_dialog(tmp_path / "nowhere.csv")
    qtbot.waitUntil(lambda: missing.message.isVisible(), timeout=10_000)
    assert "kan inte läsas" in missing.message.text()


def test_sweref_files_can_be_read_one_after_another(qtbot, open_dialog) -> None:
    # pyproj on a reused Qt pool thread crashed the second read (see import_dialog._reader).
    for _ in range(3):
        dialog = open_dialog(FIXTURES / "crimes_bom_semicolon_crlf.csv")
        assert len(_preview(qtbot, dialog).new) == 7


def test_arkiv_importera_polisdata_brings_the_records_into_the_list(qtbot, make_window):
    window = make_window()
    dialog = window.open_import_dialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.open_file(FIXTURES / "crimes_bom_semicolon_crlf.csv")
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert window.list_panel.model.count == 7
