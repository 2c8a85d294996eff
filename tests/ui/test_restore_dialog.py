"""Backups in the window: taken on a worker, listed in the restore dialog, restored only after a
confirmation that says what would be lost, and the window reloads from the restored store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from est_desktop.store.backup import BackupKind, Backups
from est_desktop.store.incident_service import IncidentService
from est_desktop.store.restore import RestoreLoss
from est_desktop.ui.main_window import MainWindow
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.restore_dialog import RestoreDialog
from tests.store.records import draft

WAIT_MS = 10_000


@pytest.fixture
def backup_folder(prefs: Preferences, tmp_path: Path) -> Path:
    prefs.backup_folder = str(tmp_path / "kopior")
    return tmp_path / "kopior"


def take_backup(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.backups.backup_taken, timeout=WAIT_MS) as taken:
        window.backups.take_now()
    return taken.args[0]


def open_dialog(qtbot, window: MainWindow) -> RestoreDialog:
    dialog = window.backups.open_restore_dialog()  # the window's child, closed with it
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() != "…", timeout=WAIT_MS)
    return dialog


def test_the_window_backs_up_at_start_and_not_again_within_the_hour(
    qtbot, window: MainWindow, app_service: IncidentService, backup_folder: Path
) -> None:
    app_service.record(draft())
    with qtbot.waitSignal(window.backups.backup_taken, timeout=WAIT_MS) as taken:
        window.backups.start()
    assert taken.args[0].path.parent == backup_folder
    assert window.backups.timer.isActive()
    with qtbot.assertNotEmitted(window.backups.backup_taken, wait=300):
        window.backups.start()  # a restart within the hour
    assert len(Backups(app_service.store.path, backup_folder).list()) == 1


def test_the_dialog_lists_each_backup_with_what_it_holds(
    qtbot, window: MainWindow, app_service: IncidentService, backup_folder: Path
) -> None:
    app_service.record(draft())
    take_backup(qtbot, window)
    dialog = open_dialog(qtbot, window)
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, column).text() for column in range(5)]
    assert row[1] == "Automatisk" and row[3:] == ["1", "1"]
    assert str(backup_folder) in dialog.folder_label.text()
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()


def test_restoring_asks_first_says_what_is_lost_and_reloads_the_window(
    qtbot, window: MainWindow, app_service: IncidentService, backup_folder: Path
) -> None:
    kept = app_service.record(draft(description="Före kopian"))
    take_backup(qtbot, window)
    lost = app_service.record(draft(description="Efter kopian"))
    window.list_panel.refresh()
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 2, timeout=WAIT_MS)
    dialog = open_dialog(qtbot, window)
    asked: list[RestoreLoss] = []
    answers = iter([False, True])

    def confirm(backup, loss) -> bool:
        asked.append(loss)
        return next(answers)

    dialog.confirm_restore = confirm
    dialog.table.selectRow(0)
    dialog.restore_selected()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=WAIT_MS)
    assert asked[0] == RestoreLoss(incidents_after=1, on_server=0, unsynced=1)
    assert app_service.get(lost.id) is not None, "declined: nothing changed"

    with qtbot.waitSignal(window.backups.restored, timeout=WAIT_MS) as restored:
        dialog.restore_selected()
    assert restored.args[0].kind is BackupKind.SAFETY
    assert app_service.get(kept.id) is not None and app_service.get(lost.id) is None
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=WAIT_MS)
    assert "återställt" in window.statusBar().currentMessage()
    app_service.record(draft(description="Efter återställningen"))  # the store works on


def test_the_confirmation_names_what_would_be_lost(
    qtbot, window: MainWindow, app_service: IncidentService, backup_folder: Path
) -> None:
    app_service.record(draft())
    take_backup(qtbot, window)
    dialog = open_dialog(qtbot, window)
    text = dialog.loss_text(RestoreLoss(incidents_after=4, on_server=3, unsynced=2))
    assert "sparade efter säkerhetskopian: 4" in text and "3 av dem finns på servern" in text
    assert "inte har synkats till servern: 2" in text and "ångras" in text
    assert "inget som saknas" in dialog.loss_text(RestoreLoss(0, 0, 0))


def test_a_failed_backup_is_said_in_the_status_bar(
    qtbot, window: MainWindow, app_service: IncidentService, prefs: Preferences, tmp_path: Path
) -> None:
    app_service.record(draft())
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    prefs.backup_folder = str(blocker / "kopior")
    window.backups.take_now()
    qtbot.waitUntil(
        lambda: "kunde inte göras" in window.statusBar().currentMessage(), timeout=WAIT_MS
    )


def test_a_restore_that_fails_changes_nothing_and_says_why(
    qtbot, window: MainWindow, app_service: IncidentService, backup_folder: Path, monkeypatch
) -> None:
    app_service.record(draft())
    backup = take_backup(qtbot, window)
    later = app_service.record(draft())
    dialog = open_dialog(qtbot, window)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))

    def confirm_then_lose_the_file(chosen, loss) -> bool:
        backup.path.unlink()  # e.g. a network folder gone in between
        return True

    dialog.confirm_restore = confirm_then_lose_the_file
    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.backups.restore_failed, timeout=WAIT_MS):
        dialog.restore_selected()
    qtbot.waitUntil(lambda: bool(warnings), timeout=WAIT_MS)
    assert "finns inte" in warnings[0] and dialog.isVisible()
    assert app_service.get(later.id) is not None
    assert window.sync.controller is None  # no server configured: sync restarted as before


def test_the_arkiv_menu_backs_up_and_opens_the_restore_dialog(
    qtbot, window: MainWindow, app_service: IncidentService, backup_folder: Path
) -> None:
    app_service.record(draft())
    file_menu = window.menuBar().actions()[0].menu()
    actions = {a.text().replace("&", ""): a for a in file_menu.actions()}
    with qtbot.waitSignal(window.backups.backup_taken, timeout=WAIT_MS):
        actions["Säkerhetskopiera nu"].trigger()
    actions["Återställ från säkerhetskopia…"].trigger()
    dialogs = [d for d in window.findChildren(RestoreDialog) if d.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].table.rowCount() == 1
    dialogs[0].close()
