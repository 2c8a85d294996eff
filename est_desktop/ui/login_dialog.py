"""Logging in to the sync server: the password goes to the server once, only the token is kept."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from est_desktop.sync.errors import AuthRequired, Offline, ServerBusy
from est_desktop.ui.tasks import Task

if TYPE_CHECKING:
    from est_desktop.sync.transport import Session

# (server URL, user name, password) -> Session; blocking network I/O, run off the UI thread.
LoginCall = Callable[[str, str, str], "Session"]


class TokenKeeper(Protocol):
    def put(self, server_url: str, username: str, token: str) -> None: ...


class LoginDialog(QDialog):
    """Asks for the password, logs in off the UI thread, and keeps the token on success.

    After `exec()` returns Accepted, `session`, `server_url` and `username` say who logged in
    where; the caller saves the URL and user name and lets sync start.
    """

    def __init__(
        self,
        server_url: str,
        username: str,
        token_store: TokenKeeper,
        login: LoginCall,
        parent: QWidget | None = None,
        *,
        reason: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Logga in på servern"))
        self._token_store = token_store
        self._login = login
        self._task: Task | None = None
        self._abandoned: list[Task] = []
        self.session: Session | None = None
        self.server_url_field = QLineEdit(server_url)
        self.server_url_field.setPlaceholderText("https://est.example.se")
        self.username_field = QLineEdit(username)
        self.password_field = QLineEdit()
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(reason)
        self.message.setWordWrap(True)
        self.message.setVisible(bool(reason))
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(
            self.tr("Logga in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.login_button.setDefault(True)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Server"), self.server_url_field)
        form.addRow(self.tr("&Användarnamn"), self.username_field)
        form.addRow(self.tr("&Lösenord"), self.password_field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        (self.password_field if username else self.username_field).setFocus()

    @property
    def server_url(self) -> str:
        return self.server_url_field.text().strip().rstrip("/")

    @property
    def username(self) -> str:
        return self.username_field.text().strip()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def reject(self) -> None:
        if self._task is not None:  # a late answer must not log in someone who cancelled
            self._task.relay.succeeded.disconnect(self._on_login_succeeded)
            self._task.relay.failed.disconnect(self._on_login_failed)
            self._abandoned.append(self._task)  # kept until the pool is done with it
            self._task = None
            self._set_busy(False)
        super().reject()

    def _on_buttons_accepted(self) -> None:
        if self.busy:
            return
        url, user, password = self.server_url, self.username, self.password_field.text()
        if not url or not user or not password:
            self._show_problem(self.tr("Fyll i server, användarnamn och lösenord."))
            return
        self._set_busy(True)
        self._task = Task(lambda: self._login(url, user, password))
        self._task.relay.succeeded.connect(self._on_login_succeeded)
        self._task.relay.failed.connect(self._on_login_failed)
        self._task.start()

    @Slot(object)
    def _on_login_succeeded(self, session: Session) -> None:
        self._task = None
        self._set_busy(False)
        self.password_field.clear()  # never kept, not even in the widget
        self.session = session
        self._token_store.put(self.server_url, self.username, session.token)
        self.accept()

    @Slot(object)
    def _on_login_failed(self, error: Exception) -> None:
        self._task = None
        self._set_busy(False)
        self._show_problem(self.failure_message(error))
        self.password_field.setFocus()
        self.password_field.selectAll()

    def failure_message(self, error: Exception) -> str:
        if isinstance(error, AuthRequired):
            return self.tr("Fel användarnamn eller lösenord.")
        if isinstance(error, Offline):
            return self.tr("Servern går inte att nå: %1").replace("%1", str(error))
        if isinstance(error, ServerBusy):
            if error.retry_after:
                minutes = max(1, math.ceil(error.retry_after / 60))
                text = (
                    self.tr("För många försök. Vänta 1 minut.")
                    if minutes == 1
                    else self.tr("För många försök. Vänta %1 minuter.").replace("%1", str(minutes))
                )
                return text
            return self.tr("Servern är upptagen. Försök igen om en stund.")
        return self.tr("Inloggningen misslyckades: %1").replace("%1", str(error))

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;")
        self.message.show()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.server_url_field, self.username_field, self.password_field):
            widget.setEnabled(not busy)
        self.login_button.setEnabled(not busy)
        if busy:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Loggar in…"))
            self.message.show()
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)
