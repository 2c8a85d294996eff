"""Sync in the main window: the "Synk" menu, the status bar widget, login and conflicts.

It owns the sync controller's life: built when a server is configured, rebuilt when the
server settings change, stopped when the window closes.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.ui.conflicts_dialog import ConflictsDialog, ConflictSource
from est_desktop.ui.login_dialog import LoginDialog, TokenKeeper
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.sync_controller import SyncController, SyncPhase
from est_desktop.ui.sync_status import SyncStatusWidget

if TYPE_CHECKING:
    from est_desktop.sync.transport import Session

log = logging.getLogger(__name__)

# (server URL, user name, password, CA bundle or "") -> Session; blocking, off the UI thread.
LoginWithCa = Callable[[str, str, str, str], "Session"]


@dataclass(frozen=True)
class SyncServices:
    """What the window needs for sync, built by app.py."""

    make_controller: Callable[[], SyncController | None]  # None when no server is configured
    token_store: TokenKeeper
    login: LoginWithCa
    conflicts: ConflictSource


def _server_settings(prefs: Preferences) -> tuple[str, str]:
    return prefs.server_url, prefs.server_user


class SyncWiring(QObject):
    """Connects the window to background sync. Lives on the UI thread."""

    records_changed = Signal()  # a sync or a resolution changed records: refresh the list
    identity_changed = Signal()  # a login set the local user name and organisation

    def __init__(
        self,
        window: QMainWindow,
        services: SyncServices | None,
        preferences: Preferences,
        taxonomy: Taxonomy,
        districts: DistrictLookup,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._preferences = preferences
        self._taxonomy = taxonomy
        self._districts = districts
        self._retiring: list[SyncController] = []  # replaced while a sync still ran
        self._login_open = False
        self.controller: SyncController | None = None
        self.status = SyncStatusWidget()
        self.status.sync_requested.connect(self.sync_now)
        self.status.login_requested.connect(self.open_login)
        self.status.conflicts_requested.connect(self.open_conflicts)
        self.status.cancel_requested.connect(self.cancel_sync)
        self.cancel_action: QAction | None = None  # "Avbryt synken", once the menu is built
        self._server = _server_settings(preferences)

    def build_menu(self, menu: QMenu) -> None:
        self.sync_action = self._action(menu, self.tr("&Synka nu"), self.sync_now, "Ctrl+Shift+S")
        self.cancel_action = self._action(menu, self.tr("&Avbryt synken"), self.cancel_sync)
        self.cancel_action.setEnabled(False)  # while a sync runs
        self._action(menu, self.tr("Visa &konflikter…"), self.open_conflicts)
        self._action(menu, self.tr("&Logga in…"), self.open_login)
        menu.addSeparator()
        self._action(menu, self.tr("Synkstat&us…"), self.status.open_details)

    def _action(self, menu: QMenu, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- life of the controller --

    def start(self) -> None:
        """Build the controller for the configured server (if any) and begin syncing."""
        self.controller = self._services.make_controller() if self._services else None
        self.status.set_controller(self.controller)
        if self.controller is not None:
            self.controller.setParent(self)
            self.controller.auth_required.connect(self._on_controller_auth_required)
            self.controller.finished.connect(self._on_controller_finished)
            self.controller.state_changed.connect(self._on_controller_state_changed)
            self.controller.start()

    def settings_changed(self) -> None:
        """The settings dialog saved: a new server or user means a new controller."""
        server = _server_settings(self._preferences)
        if server == self._server and self.controller is not None:
            self.controller.settings_changed()
            return
        self._server = server
        self._stop_controller(wait_ms=500)
        self.start()

    def shutdown(self, wait_ms: int = 3000) -> None:
        """Stop syncing (the window closes); a sync still running may finish on its own."""
        self._stop_controller(wait_ms)

    def wait_until_idle(self) -> None:
        """Block until no sync runs: call before the store closes."""
        for controller in [*self._retiring, self.controller]:
            if controller is not None:
                controller.wait_until_idle()

    def _stop_controller(self, wait_ms: int) -> None:
        old, self.controller = self.controller, None
        self.status.set_controller(None)
        if old is not None and not old.shutdown(wait_ms):
            self._retiring.append(old)  # its worker still runs; kept alive until it ends

    # -- what the window tells us --

    def local_change(self, *_: object) -> None:
        if self.controller is not None:
            self.controller.local_change()

    def cancel_sync(self) -> None:
        """Stop a running sync after its current batch (nothing is lost; it goes on later)."""
        if self.controller is not None:
            self.controller.cancel()

    def sync_now(self) -> None:
        if self.controller is not None:
            self.controller.sync_now()
        else:
            self.status.open_details()  # says plainly that no server is configured

    # -- dialogs --

    def open_login(self) -> bool:
        """Ask for the password for the configured server; True when logged in."""
        prefs = self._preferences
        who = self.login(prefs.server_url, prefs.server_user or prefs.user_name, prefs.ca_bundle)
        if who is None:
            return False
        if who != _server_settings(prefs):
            prefs.server_url, prefs.server_user = who
            self.settings_changed()
        elif self.controller is not None:
            self.controller.logged_in()
        return True

    def login(self, server_url: str, username: str, ca_bundle: str) -> tuple[str, str] | None:
        """The login dialog for any server (also from the settings); (url, user) or None."""
        if self._services is None or self._login_open:
            return None
        self._login_open = True
        try:
            dialog = LoginDialog(
                server_url,
                username,
                self._services.token_store,
                functools.partial(_login_with_ca, self._services.login, ca_bundle),
                self._window,
            )
            if not dialog.exec():
                return None
            if dialog.session is not None:
                # Records saved here are stamped as the server will stamp them.
                self._preferences.user_name = dialog.session.username
                self._preferences.organisation = dialog.session.organisation
                self._preferences.server_role = dialog.session.role
                self.identity_changed.emit()
            return dialog.server_url, dialog.username
        finally:
            self._login_open = False

    def open_conflicts(self) -> None:
        if self._services is None:
            return
        dialog = ConflictsDialog(
            self._services.conflicts,
            self._taxonomy,
            self._districts,
            lambda: self._preferences.server_user or self._preferences.user_name,
            self._window,
        )
        dialog.resolved.connect(self._on_conflict_resolved)
        dialog.exec()
        dialog.deleteLater()

    def _on_conflict_resolved(self, _record_id: str) -> None:
        self.records_changed.emit()
        if self.controller is not None:
            self.controller.status_updated.emit()
            self.controller.sync_now()

    def _on_controller_auth_required(self) -> None:
        if not self._login_open:  # one dialog, not a stream of them
            # Opened after this slot returns, not in a nested event loop inside it.
            QTimer.singleShot(0, self.open_login)

    def _on_controller_state_changed(self, phase: SyncPhase) -> None:
        if self.cancel_action is not None:
            self.cancel_action.setEnabled(phase == SyncPhase.SYNCING)

    def _on_controller_finished(self, report: object) -> None:
        if any(getattr(report, name, 0) for name in ("pulled", "pushed", "conflicts", "rejected")):
            self.records_changed.emit()


def _login_with_ca(login: LoginWithCa, ca_bundle: str, url: str, user: str, password: str):
    return login(url, user, password, ca_bundle)
