"""The status bar's sync widget: each state at a glance, the counts, and the details on click."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.sync.engine import LocalSyncStatus
from est_desktop.sync.errors import Offline
from est_desktop.ui.sync_controller import SyncController, SyncOverview, SyncPhase
from est_desktop.ui.sync_status import SyncDetailsDialog, SyncStatusWidget, summary
from tests.ui.fakes_sync import FakeBackoff, FakeEngine, FakeTokenStore

TODAY_1432 = datetime.now(LOCAL_TZ).replace(hour=14, minute=32, second=0, microsecond=0)


def overview(phase: SyncPhase, waiting=0, conflicts=0, rejected=0, **extra) -> SyncOverview:
    status = LocalSyncStatus(
        waiting=waiting,
        conflicts=conflicts,
        rejected=rejected,
        last_success=extra.pop("last_success", TODAY_1432),
        last_error=None,
    )
    values = dict(
        server_url="https://est.example", username="anna", last_error=None, next_attempt_in=None
    )
    values.update(extra)
    return SyncOverview(phase=phase, status=status, **values)


@pytest.mark.parametrize(
    ("shown", "text", "colour"),
    [
        (None, "Lokalt läge", "quiet"),
        (overview(SyncPhase.IDLE), "Synkad 14:32", "ok"),
        (overview(SyncPhase.IDLE, last_success=None), "Inte synkad än", "ok"),
        (overview(SyncPhase.IDLE, waiting=3), "Synkad 14:32 · 3 ändringar väntar", "ok"),
        (overview(SyncPhase.SYNCING, waiting=3), "Synkar…", "busy"),
        (overview(SyncPhase.OFFLINE, waiting=12), "Offline – 12 ändringar väntar", "quiet"),
        (overview(SyncPhase.OFFLINE, waiting=1), "Offline – 1 ändring väntar", "quiet"),
        (overview(SyncPhase.OFFLINE), "Offline", "quiet"),
        (overview(SyncPhase.AUTH_REQUIRED), "Inloggning krävs", "attention"),
        (overview(SyncPhase.IDLE, conflicts=2), "2 konflikter · Synkad 14:32", "attention"),
        (
            overview(SyncPhase.ERROR, waiting=2),
            "Synkfel – försöker igen – 2 ändringar väntar",
            "error",
        ),
    ],
)
def test_each_state_has_its_one_glance_text(shown, text, colour):
    assert summary(shown) == (text, colour)


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine(
        status=LocalSyncStatus(
            waiting=4, conflicts=2, rejected=1, last_success=TODAY_1432, last_error=None
        )
    )


@pytest.fixture
def controller(qtbot, prefs, engine):
    prefs.server_url, prefs.server_user = "https://est.example", "anna"
    made = SyncController(lambda _t: engine, None, prefs, FakeTokenStore(), backoff=FakeBackoff())
    yield made
    made.shutdown()


@pytest.fixture
def widget(qtbot, controller) -> SyncStatusWidget:
    shown = SyncStatusWidget()
    qtbot.addWidget(shown)
    shown.set_controller(controller)
    shown.show()
    return shown


def test_without_a_server_the_widget_says_local_mode(qtbot):
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    assert widget.text == "Lokalt läge"
    assert widget.open_details().value("server") == "Ingen server inställd: allt sparas på datorn."


def test_the_widget_follows_the_controller(qtbot, widget, controller, engine):
    assert widget.text == "2 konflikter · Synkad 14:32 · 4 ändringar väntar"

    engine.local = LocalSyncStatus(5, 0, 0, TODAY_1432, None)
    controller.local_change()  # a save: the counts follow at once

    assert widget.text == "Synkad 14:32 · 5 ändringar väntar"


def test_login_required_shows_a_login_link(qtbot, widget, controller):
    requested: list[bool] = []
    widget.login_requested.connect(lambda: requested.append(True))
    controller._set_phase(SyncPhase.AUTH_REQUIRED)

    assert widget.text == "Inloggning krävs"
    assert widget.login_link.isVisible()
    widget.login_link.linkActivated.emit("login")
    assert requested == [True]


def test_a_click_opens_the_details(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    details = widget.details
    assert isinstance(details, SyncDetailsDialog) and details.isVisible()
    assert details.value("server") == "https://est.example"
    assert details.value("user") == "anna"
    assert details.value("waiting") == "4"
    assert details.value("conflicts") == "2"
    assert details.value("rejected") == "1"
    assert details.value("last_error") == "inga"
    assert "kl. 14:32" in details.value("last_success")
    assert details.conflicts_button.isEnabled()
    assert not details.login_button.isVisible()
    details.adjustSize()
    details.grab().save("/tmp/h4-sync-details.png")


def test_sync_now_in_the_details_runs_a_sync(qtbot, widget, controller, engine):
    widget.sync_requested.connect(controller.sync_now)
    details = widget.open_details()

    with qtbot.waitSignal(controller.finished, timeout=3000):
        qtbot.mouseClick(details.sync_button, Qt.MouseButton.LeftButton)

    assert engine.calls == 1


def test_the_details_show_the_last_error_and_the_next_attempt(qtbot, widget, controller, engine):
    controller._backoff.delay = 42
    engine.outcomes.append(Offline("Nätverket är nere."))
    with qtbot.waitSignal(controller.failed, timeout=3000):
        controller.sync_now()

    details = widget.open_details()
    assert details.value("last_error") == "Nätverket är nere."
    assert details.value("next_attempt") in {"om 42 s", "om 41 s"}
    assert widget.text == "Offline – 4 ändringar väntar"
    details.adjustSize()
    details.grab().save("/tmp/h4-sync-details-offline.png")
    widget.grab().save("/tmp/h4-sync-status.png")
