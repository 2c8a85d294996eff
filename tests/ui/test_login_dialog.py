"""The login dialog: the token is kept on success, failures are said plainly, cancel is cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from est_desktop.sync.errors import AuthRequired, Offline, ServerBusy
from est_desktop.ui.login_dialog import LoginDialog
from tests.ui.fakes_sync import FakeTokenStore, session
from tests.ui.helpers import type_into


class FakeLogin:
    def __init__(self, outcome: object, gate: threading.Event | None = None) -> None:
        self.outcome, self.gate = outcome, gate
        self.calls: list[tuple[str, str, str]] = []
        self.threads: list[threading.Thread] = []

    def __call__(self, url: str, user: str, password: str):
        self.calls.append((url, user, password))
        self.threads.append(threading.current_thread())
        if self.gate is not None:
            assert self.gate.wait(10)
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome


def make_dialog(qtbot, login: FakeLogin, tokens: FakeTokenStore | None = None) -> LoginDialog:
    dialog = LoginDialog("https://est.example", "anna", tokens or FakeTokenStore(), login)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def log_in(qtbot, dialog: LoginDialog, password: str = "hemligt") -> None:
    type_into(qtbot, dialog.password_field, password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def test_the_fields_are_prefilled_and_the_password_is_masked(qtbot):
    dialog = make_dialog(qtbot, FakeLogin(session()))

    assert dialog.server_url_field.text() == "https://est.example"
    assert dialog.username_field.text() == "anna"
    assert dialog.password_field.echoMode() == QLineEdit.EchoMode.Password


def test_a_successful_login_keeps_the_token_and_never_the_password(qtbot):
    tokens = FakeTokenStore()
    login = FakeLogin(session(token="abc"))
    dialog = make_dialog(qtbot, login, tokens)
    type_into(qtbot, dialog.server_url_field, "https://other.example/")

    log_in(qtbot, dialog, "lösenord-åäö")
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=3000)

    assert login.calls == [("https://other.example", "anna", "lösenord-åäö")]
    assert login.threads[0] is not threading.main_thread()
    assert tokens.tokens == {("https://other.example", "anna"): "abc"}
    assert dialog.session.username == "anna"
    assert dialog.password_field.text() == ""


def test_the_dialog_stays_responsive_and_shows_it_is_busy_while_logging_in(qtbot):
    gate = threading.Event()
    dialog = make_dialog(qtbot, FakeLogin(session(), gate))

    log_in(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.busy, timeout=1000)

    assert dialog.message.text() == "Loggar in…"
    assert not dialog.login_button.isEnabled()
    assert dialog.cancel_button.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=3000)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (AuthRequired("401"), "Fel användarnamn eller lösenord."),
        (Offline("anslutningen nekades"), "Servern går inte att nå: anslutningen nekades"),
        (ServerBusy("429", retry_after=600), "För många försök. Vänta 10 minuter."),
        (ServerBusy("429", retry_after=30), "För många försök. Vänta 1 minut."),
    ],
)
def test_a_failed_login_says_why_inline_and_keeps_the_dialog_open(qtbot, error, message):
    tokens = FakeTokenStore()
    dialog = make_dialog(qtbot, FakeLogin(error), tokens)

    log_in(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.message.text() == message, timeout=3000)

    assert dialog.isVisible()
    assert dialog.login_button.isEnabled()
    assert tokens.tokens == {}


def test_an_empty_password_is_not_sent(qtbot):
    login = FakeLogin(session())
    dialog = make_dialog(qtbot, login)

    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)

    assert dialog.message.text() == "Fyll i server, användarnamn och lösenord."
    assert login.calls == []


def test_cancel_during_a_login_keeps_no_token(qtbot):
    gate = threading.Event()
    tokens = FakeTokenStore()
    login = FakeLogin(session(), gate)
    dialog = make_dialog(qtbot, login, tokens)
    log_in(qtbot, dialog)
    qtbot.waitUntil(lambda: len(login.calls) == 1, timeout=3000)

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.wait(200)

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert tokens.tokens == {}
    assert dialog.session is None


def test_the_dialog_looks_right(qtbot):
    dialog = make_dialog(qtbot, FakeLogin(AuthRequired("401")))
    log_in(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.message.isVisible() and not dialog.busy, timeout=3000)
    dialog.adjustSize()
    dialog.grab().save("/tmp/h4-login-dialog.png")
