"""The settings' server page: where to sync, as whom, trusting which certificate, how often.

An empty server address means working locally: nothing leaves this PC.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from est_desktop.ui.form_text import buddy_label
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.settings_checks import (
    ERROR_STYLE,
    WARNING_STYLE,
    ca_bundle_problem,
    server_url_problem,
)

# (server URL, user name, CA bundle) -> who logged in where, or None when cancelled.
LoginPrompt = Callable[[str, str, str], tuple[str, str] | None]


def message_label(style: str = "") -> QLabel:
    """A wrapped line under a field that says what is wrong with it."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class ServerSettingsTab(QWidget):
    def __init__(
        self, preferences: Preferences, login: LoginPrompt | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._login = login
        prefs = preferences
        self.server_url = QLineEdit(prefs.server_url)
        self.server_url.setPlaceholderText(self.tr("https://… (tomt = arbeta lokalt)"))
        self.server_url.textChanged.connect(self.update_messages)
        self.work_locally = QPushButton(self.tr("Arbeta &lokalt"))
        self.work_locally.setToolTip(self.tr("Ingen server: allt sparas bara på den här datorn."))
        self.work_locally.clicked.connect(self.server_url.clear)
        self.url_message = message_label()
        self.server_user = QLineEdit(prefs.server_user or prefs.user_name)
        self.server_user.textChanged.connect(self.update_messages)
        self.ca_bundle = QLineEdit(prefs.ca_bundle)
        self.ca_bundle.setPlaceholderText(self.tr("(systemets certifikat)"))
        self.ca_bundle.setToolTip(
            self.tr("Behövs bara när kommunens nät har ett eget CA: en PEM-fil från IT.")
        )
        self.ca_bundle.textChanged.connect(self.update_messages)
        self.choose_ca = QPushButton(self.tr("&Välj…"))
        self.choose_ca.clicked.connect(self._on_choose_ca_clicked)
        self.ca_message = message_label(ERROR_STYLE)
        self.interval = QSpinBox()
        self.interval.setRange(1, 240)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setValue(max(1, prefs.sync_interval_minutes))
        self.login_button = QPushButton(self.tr("Logga &in…"))
        self.login_button.clicked.connect(self._on_login_clicked)
        self.login_button.setVisible(login is not None)

        url_row = QHBoxLayout()
        url_row.addWidget(self.server_url, 1)
        url_row.addWidget(self.work_locally)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.choose_ca)
        login_row = QHBoxLayout()
        login_row.addWidget(self.server_user, 1)
        login_row.addWidget(self.login_button)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(self.tr("Server&adress"), self.server_url), url_row)
        form.addRow("", self.url_message)
        form.addRow(buddy_label(self.tr("Användar&namn på servern"), self.server_user), login_row)
        form.addRow(buddy_label(self.tr("&CA-certifikat"), self.ca_bundle), ca_row)
        form.addRow("", self.ca_message)
        form.addRow(self.tr("S&ynka var"), self.interval)
        self.update_messages()

    def problems(self) -> list[str]:
        """What stops saving, in the order the fields appear."""
        found = []
        url_ok, url_text = server_url_problem(self.server_url.text())
        if not url_ok:
            found.append(url_text)
        if ca_text := ca_bundle_problem(self.ca_bundle.text()):
            found.append(ca_text)
        return found

    def save(self, prefs: Preferences) -> None:
        prefs.server_url = self.server_url.text().strip().rstrip("/")
        prefs.server_user = self.server_user.text().strip()
        prefs.ca_bundle = self.ca_bundle.text().strip()
        prefs.sync_interval_minutes = self.interval.value()

    def update_messages(self, *_: object) -> None:
        url_ok, url_text = server_url_problem(self.server_url.text())
        local = not self.server_url.text().strip()
        self.url_message.setText(url_text)
        self.url_message.setVisible(bool(url_text))
        self.url_message.setStyleSheet(
            ERROR_STYLE if not url_ok else WARNING_STYLE if url_text and not local else ""
        )
        self.ca_message.setText(ca_bundle_problem(self.ca_bundle.text()))
        self.ca_message.setVisible(bool(self.ca_message.text()))
        for widget in (self.server_user, self.ca_bundle, self.choose_ca, self.interval):
            widget.setEnabled(not local)
        self.login_button.setEnabled(url_ok and not local and bool(self.server_user.text()))

    def _on_choose_ca_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Välj CA-certifikat"),
            self.ca_bundle.text(),
            self.tr("Certifikat (*.pem *.crt *.cer);;Alla filer (*)"),
        )
        if path:
            self.ca_bundle.setText(path)

    def _on_login_clicked(self) -> None:
        if self._login is None or self.problems():
            return
        who = self._login(
            self.server_url.text().strip().rstrip("/"),
            self.server_user.text().strip(),
            self.ca_bundle.text().strip(),
        )
        if who is not None:
            url, user = who
            self.server_url.setText(url)
            self.server_user.setText(user)
