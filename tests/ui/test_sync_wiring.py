"""Sync in the main window: local mode, the Synk menu, saves that trigger a sync, the server
settings, and one login dialog for a refused token."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import certifi
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from est_desktop.app import build_window
from est_desktop.domain.incident import IncidentDraft
from est_desktop.sync.errors import AuthRequired
from est_desktop.ui.login_dialog import LoginDialog
from est_desktop.ui.settings_dialog import SettingsDialog
from est_desktop.ui.sync_controller import SyncController
from est_desktop.ui.sync_wiring import SyncServices
from tests.conftest import NOW
from tests.ui.fakes_sync import (
    FakeBackoff,
    FakeConflictRepository,
    FakeEngine,
    FakeTokenStore,
    session,
)
from tests.ui.helpers import type_into


class Services:
    """SyncServices over a fake engine; counts the controllers it builds."""

    def __init__(self, prefs, engine: FakeEngine) -> None:
        self.prefs, self.engine, self.built = prefs, engine, 0
        self.tokens = FakeTokenStore()

    def make_controller(self) -> SyncController | None:
        if not self.prefs.server_url:
            return None
        self.built += 1
        return SyncController(
            lambda _token: self.engine,
            None,
            self.prefs,
            self.tokens,
            backoff=FakeBackoff(60),
            debounce_ms=50,
        )

    def services(self) -> SyncServices:
        return SyncServices(
            self.make_controller,
            self.tokens,
            lambda url, user, password, ca: session(user),
            FakeConflictRepository([]),
        )


def action(window, text: str) -> QAction:
    [found] = [a for a in window.findChildren(QAction) if a.text() == text]
    return found


@pytest.fixture
def open_window(qtbot, store, prefs):
    windows = []

    def make(services: SyncServices | None):
        window = build_window(store, prefs, sync=services, with_map=False, with_analysis=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.sync.shutdown(0)
        window.sync.wait_until_idle()


def test_without_a_server_the_window_works_locally(open_window):
    window = open_window(None)

    assert window.sync.status.text == "Lokalt läge"
    assert window.sync.controller is None
    assert action(window, "&Synka nu").shortcut() == QKeySequence("Ctrl+Shift+S")


def test_with_a_server_it_syncs_at_start_and_after_a_save(qtbot, open_window, prefs, service):
    prefs.server_url, prefs.server_user = "https://est.example", "anna"
    fake = Services(prefs, FakeEngine())
    window = open_window(fake.services())
    qtbot.waitUntil(lambda: fake.engine.calls == 1, timeout=3000)
    qtbot.waitUntil(lambda: window.sync.status.text.startswith("Synkad"), timeout=3000)

    draft = IncidentDraft(
        occurred_at=NOW - timedelta(hours=1), category="klotter", lat=57.72, lon=12.98
    )
    window.form.recorded.emit(service.record(draft))  # as the form does after a save

    qtbot.waitUntil(lambda: fake.engine.calls == 2, timeout=3000)


def test_changing_the_server_rebuilds_sync_and_clearing_it_works_locally(qtbot, open_window, prefs):
    fake = Services(prefs, FakeEngine())
    window = open_window(fake.services())
    assert window.sync.status.text == "Lokalt läge"

    prefs.server_url, prefs.server_user = "https://est.example", "anna"
    window.sync.settings_changed()
    qtbot.waitUntil(lambda: fake.engine.calls == 1, timeout=3000)
    assert fake.built == 1

    prefs.server_url = ""
    window.sync.settings_changed()
    assert window.sync.controller is None
    assert window.sync.status.text == "Lokalt läge"


def test_a_refused_token_opens_one_login_dialog_and_a_login_syncs_at_once(
    qtbot, open_window, prefs
):
    prefs.server_url, prefs.server_user = "https://est.example", "anna"
    fake = Services(prefs, FakeEngine(AuthRequired("Inloggningen har gått ut.")))
    opened: list[LoginDialog] = []

    def answer_login() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, LoginDialog) and dialog not in opened:
            opened.append(dialog)
            type_into(qtbot, dialog.password_field, "hemligt")
            dialog.login_button.click()

    watcher = QTimer(interval=20)
    watcher.timeout.connect(answer_login)
    watcher.start()
    window = open_window(fake.services())

    qtbot.waitUntil(lambda: fake.engine.calls == 2, timeout=5000)
    watcher.stop()
    assert len(opened) == 1
    assert fake.tokens.tokens == {("https://est.example", "anna"): "tok-1"}
    qtbot.waitUntil(lambda: window.sync.status.text.startswith("Synkad"), timeout=3000)
    # What is saved here from now on is stamped as the server stamps it.
    assert (prefs.user_name, prefs.organisation) == ("anna", "boras_stad")
    assert prefs.server_role == "reporter"  # what to offer, e.g. no new measures
    assert "anna" in window.user_label.text()


def test_the_settings_check_the_server_address_and_the_certificate(qtbot, prefs, tmp_path):
    asked: list[tuple[str, str, str]] = []
    dialog = SettingsDialog(prefs, login=lambda *who: asked.append(who))
    qtbot.addWidget(dialog)
    assert not dialog.server_user.isEnabled()  # nothing to set while working locally

    type_into(qtbot, dialog.server_url, "ftp://est.example")
    assert "https://" in dialog.url_message.text()
    dialog.accept()
    assert prefs.server_url == "" and not dialog.result()

    type_into(qtbot, dialog.server_url, "http://127.0.0.1:8000")
    assert "bara för test" in dialog.url_message.text()
    type_into(qtbot, dialog.ca_bundle, str(tmp_path / "saknas.pem"))
    assert dialog.problems() == [f"Filen finns inte: {tmp_path / 'saknas.pem'}"]

    bundle = tmp_path / "kommun-ca.pem"
    bundle.write_bytes(Path(certifi.where()).read_bytes())  # a real PEM bundle, as IT gives
    type_into(qtbot, dialog.ca_bundle, str(bundle))
    type_into(qtbot, dialog.server_user, "anna")
    dialog.interval.setValue(10)
    dialog.show()
    dialog.grab().save("/tmp/h4-settings-dialog.png")
    dialog.login_button.click()
    assert asked == [("http://127.0.0.1:8000", "anna", str(bundle))]
    dialog.accept()

    assert (prefs.server_url, prefs.server_user) == ("http://127.0.0.1:8000", "anna")
    assert (prefs.ca_bundle, prefs.sync_interval_minutes) == (str(bundle), 10)


def test_work_locally_empties_the_server_address(qtbot, prefs):
    prefs.server_url = "https://est.example"
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)

    dialog.work_locally.click()
    dialog.accept()

    assert prefs.server_url == ""


def test_the_status_bar_looks_right(qtbot, open_window, prefs):
    prefs.server_url, prefs.server_user = "https://est.example", "anna"
    fake = Services(prefs, FakeEngine())
    window = open_window(fake.services())
    qtbot.waitUntil(lambda: window.sync.status.text.startswith("Synkad"), timeout=3000)
    bar = window.statusBar()
    bar.grab().save("/tmp/h4-status-bar.png")
