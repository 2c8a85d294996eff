"""The settings dialog as a user works it: by keyboard, checked field by field, and a new data
folder that copies the store at the next start without moving or deleting anything."""

from __future__ import annotations

from pathlib import Path

import certifi
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from est_desktop.app import _data_dir_at_start
from est_desktop.data_files import default_data_dir
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.settings_dialog import SettingsDialog
from tests.store.records import draft
from tests.ui.helpers import type_into


def open_dialog(qtbot, prefs: Preferences, data_dir: Path | None = None) -> SettingsDialog:
    dialog = SettingsDialog(prefs, data_dir=data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def key(qtbot, which: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), which, modifier)


def test_who_is_recording_is_entered_by_keyboard_and_enter_saves(qtbot, prefs):
    dialog = open_dialog(qtbot, prefs)

    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # &Namn
    assert QApplication.focusWidget() is dialog.user_name
    type_into(qtbot, dialog.user_name, "karin.lund")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.organisation
    qtbot.keyClicks(dialog.organisation, "Bost")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.unit
    qtbot.keyClicks(dialog.unit, "Hulta")
    key(qtbot, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (prefs.user_name, prefs.organisation, prefs.unit) == ("karin.lund", "bostader", "Hulta")


def test_escape_closes_the_dialog_without_changes(qtbot, prefs):
    prefs.user_name, prefs.language = "anna", "sv"
    dialog = open_dialog(qtbot, prefs)
    type_into(qtbot, dialog.user_name, "någon annan")
    dialog.general_tab.language.setCurrentIndex(1)

    key(qtbot, Qt.Key.Key_Escape)

    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert (prefs.user_name, prefs.language) == ("anna", "sv")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\x30\x82\x03\x0a" + bytes(200), "PEM-format"),  # DER, as Windows exports by default
        (b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n", "skadad"),
    ],
)
def test_a_ca_bundle_must_be_a_readable_pem_file(qtbot, prefs, tmp_path, content, said):
    prefs.server_url = "https://est.boras.se"
    bundle = tmp_path / "kommun-ca.cer"
    bundle.write_bytes(content)
    dialog = open_dialog(qtbot, prefs)

    type_into(qtbot, dialog.ca_bundle, str(bundle))
    dialog.accept()

    assert dialog.isVisible() and dialog.tabs.currentWidget() is dialog.server_tab
    assert said in dialog.server_tab.ca_message.text()
    assert prefs.ca_bundle == ""

    type_into(qtbot, dialog.ca_bundle, certifi.where())
    assert not dialog.server_tab.ca_message.isVisible()
    dialog.accept()
    assert prefs.ca_bundle == certifi.where()


def test_saving_shows_the_page_with_the_problem(qtbot, prefs, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    dialog = open_dialog(qtbot, prefs, data_dir=tmp_path)
    type_into(qtbot, dialog.general_tab.backup_folder, str(blocker / "backups"))

    qtbot.keyClick(dialog.user_name, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.general_tab
    assert "är en fil, inte en mapp" in dialog.general_tab.backup_message.text()
    assert prefs.backup_folder == ""


def test_a_new_language_is_kept_and_said_to_need_a_restart(qtbot, prefs):
    prefs.language = "sv"
    dialog = open_dialog(qtbot, prefs)
    dialog.tabs.setCurrentWidget(dialog.general_tab)
    general = dialog.general_tab

    assert not general.language_message.isVisible()
    general.language.setCurrentIndex(general.language.findText("English"))
    assert general.language_message.isVisible()
    assert "omstart" in general.language_message.text()
    dialog.accept()

    assert prefs.language == "en"


def test_a_new_data_folder_offers_to_copy_the_store_and_keeps_the_old_one(qtbot, prefs, tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    with Store.open(old / "est.sqlite"):
        pass
    prefs.data_folder = str(old)
    dialog = open_dialog(qtbot, prefs, data_dir=old)
    dialog.tabs.setCurrentWidget(dialog.general_tab)
    general = dialog.general_tab
    assert not general.copy_store.isVisible()

    type_into(qtbot, general.data_folder, str(new))

    assert general.copy_store.isVisible() and general.copy_store.isChecked()
    assert "omstart" in general.data_message.text()
    assert f"det som finns i {old} ligger kvar" in general.data_message.text()
    dialog.accept()
    assert (prefs.data_folder, prefs.data_copy_from) == (str(new), str(old))
    assert not new.exists()  # nothing happens before the restart

    again = open_dialog(qtbot, prefs, data_dir=old)
    assert again.general_tab.data_folder.text() == str(new)
    again.accept()
    assert prefs.data_copy_from == str(old)  # still to be copied at the restart


def test_a_folder_with_a_store_of_its_own_is_opened_not_overwritten(qtbot, prefs, tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        with Store.open(folder / "est.sqlite"):
            pass
    prefs.data_folder = str(old)
    dialog = open_dialog(qtbot, prefs, data_dir=old)
    dialog.tabs.setCurrentWidget(dialog.general_tab)

    type_into(qtbot, dialog.general_tab.data_folder, str(new))

    assert not dialog.general_tab.copy_store.isVisible()
    assert "har redan ett datalager" in dialog.general_tab.data_message.text()
    dialog.accept()
    assert (prefs.data_folder, prefs.data_copy_from) == (str(new), "")


def test_the_store_is_copied_at_the_next_start_and_the_old_one_stays(prefs, tmp_path, service):
    old_store = service.store
    recorded = service.record(draft())
    old = Path(old_store.path).parent
    new = tmp_path / "moved" / "EST"
    prefs.data_folder, prefs.data_copy_from = str(new), str(old)

    assert _data_dir_at_start(default_data_dir(), prefs) == new

    assert prefs.data_copy_from == ""  # copied once
    with Store.open(new / "est.sqlite") as copied:
        assert IncidentRepository(copied).count(IncidentFilter()) == 1
        assert IncidentRepository(copied).get(recorded.id) is not None
    assert (old / "est.sqlite").is_file()
    assert _data_dir_at_start(tmp_path / "elsewhere", prefs) == tmp_path / "elsewhere"


def test_back_to_the_standard_folder_the_store_is_copied_there_too(prefs, tmp_path, monkeypatch):
    standard, moved = tmp_path / "standard", tmp_path / "moved"
    with Store.open(moved / "est.sqlite"):
        pass
    monkeypatch.setattr("est_desktop.app.default_data_dir", lambda: standard)
    prefs.data_folder, prefs.data_copy_from = "", str(moved)

    assert _data_dir_at_start(standard, prefs) == standard

    assert (standard / "est.sqlite").is_file() and prefs.data_copy_from == ""


def test_a_copy_that_fails_keeps_the_old_folder_in_use_and_tries_again(
    prefs, tmp_path, monkeypatch
):
    old, blocked = tmp_path / "old", tmp_path / "a-file" / "EST"
    with Store.open(old / "est.sqlite"):
        pass
    (tmp_path / "a-file").write_text("")
    said = []
    monkeypatch.setattr("est_desktop.app.QMessageBox.warning", lambda *args: said.append(args[2]))
    prefs.data_folder, prefs.data_copy_from = str(blocked), str(old)

    assert _data_dir_at_start(default_data_dir(), prefs) == old

    assert said and str(old) in said[0] and "allt finns kvar" in said[0]
    assert prefs.data_copy_from == str(old)  # tried again at the next start
