"""The sync controller: when it syncs, that it never overlaps or blocks, and how it retries."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication

from est_desktop.sync.errors import AuthRequired, Offline, ServerBusy
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.sync_controller import SyncController, SyncPhase
from tests.ui.fakes_sync import FakeBackoff, FakeEngine, FakeTokenStore


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def make_controller(qtbot, prefs: Preferences) -> Callable[..., SyncController]:
    prefs.server_url = "https://est.example"
    prefs.server_user = "anna"
    made: list[SyncController] = []

    def make(engine: FakeEngine, **options) -> SyncController:
        tokens = options.pop("tokens", FakeTokenStore({("https://est.example", "anna"): "t1"}))
        options.setdefault("backoff", FakeBackoff())
        options.setdefault("debounce_ms", 50)
        controller = SyncController(lambda token: engine, None, prefs, tokens, **options)
        made.append(controller)
        return controller

    yield make
    for controller in made:  # clean shutdown: nothing may run after the test
        controller.shutdown(0)
        controller.wait_until_idle()


def wait_calls(qtbot, engine: FakeEngine, count: int) -> None:
    qtbot.waitUntil(lambda: engine.calls >= count, timeout=3000)


def test_several_saves_in_a_row_lead_to_one_sync(qtbot, make_controller):
    engine = FakeEngine()
    controller = make_controller(engine, debounce_ms=400)

    with qtbot.waitSignal(controller.finished, timeout=3000):
        for _ in range(5):
            controller.local_change()
            qtbot.wait(30)
        assert engine.calls == 0  # nothing yet: each save restarts the wait

    qtbot.wait(500)
    assert engine.calls == 1


def test_a_save_updates_the_counts_at_once(qtbot, make_controller):
    controller = make_controller(FakeEngine())
    with qtbot.waitSignal(controller.status_updated, timeout=100):
        controller.local_change()


def test_the_periodic_timer_syncs_again_and_again(qtbot, make_controller):
    engine = FakeEngine()
    controller = make_controller(engine, interval_ms=60)

    controller.start()  # once at start, then every interval

    wait_calls(qtbot, engine, 3)


def test_sync_now_runs_on_a_worker_thread_and_reports_on_the_ui_thread(qtbot, make_controller):
    engine = FakeEngine()
    controller = make_controller(engine)
    reported_on: list[threading.Thread] = []
    controller.finished.connect(lambda _report: reported_on.append(threading.current_thread()))

    with qtbot.waitSignal(controller.finished, timeout=3000) as finished:
        controller.sync_now()

    assert finished.args[0].pulled == 2
    assert engine.threads[0] is not threading.main_thread()
    assert reported_on == [threading.main_thread()]
    assert controller.phase == SyncPhase.IDLE


def test_the_ui_stays_responsive_while_a_sync_runs(qtbot, make_controller):
    engine = FakeEngine()
    engine.gate = threading.Event()
    controller = make_controller(engine)
    ticks: list[int] = []

    controller.sync_now()
    qtbot.waitUntil(lambda: engine.running == 1, timeout=3000)
    assert controller.phase == SyncPhase.SYNCING
    for n in range(3):  # the event loop keeps turning while the engine blocks
        QApplication.processEvents()
        ticks.append(n)
        qtbot.wait(20)

    assert ticks == [0, 1, 2] and controller.running
    with qtbot.waitSignal(controller.finished, timeout=3000):
        engine.gate.set()


def test_triggers_during_a_sync_never_overlap_and_lead_to_one_more_run(qtbot, make_controller):
    engine = FakeEngine()
    engine.gate = threading.Event()
    controller = make_controller(engine)

    controller.sync_now()
    qtbot.waitUntil(lambda: engine.running == 1, timeout=3000)
    controller.sync_now()
    controller.sync_now()
    controller.local_change()
    qtbot.wait(150)
    engine.gate.set()

    wait_calls(qtbot, engine, 2)
    qtbot.waitUntil(lambda: not controller.running, timeout=3000)
    qtbot.wait(150)
    assert engine.calls == 2
    assert engine.most_at_once == 1


def test_offline_is_a_state_retried_with_backoff_until_it_works(qtbot, make_controller):
    engine = FakeEngine(Offline("Servern går inte att nå."), Offline("Servern går inte att nå."))
    backoff = FakeBackoff(0.05)
    controller = make_controller(engine, backoff=backoff)
    phases: list[SyncPhase] = []
    controller.state_changed.connect(phases.append)

    with qtbot.waitSignal(controller.finished, timeout=3000):
        controller.sync_now()

    assert engine.calls == 3
    assert backoff.asked == [None, None]
    assert backoff.resets == 1  # success starts the backoff over
    assert SyncPhase.OFFLINE in phases and controller.phase == SyncPhase.IDLE


def test_an_offline_failure_sets_the_next_attempt(qtbot, make_controller):
    clock = Clock()
    engine = FakeEngine(Offline("nej"))
    controller = make_controller(engine, backoff=FakeBackoff(30), clock=clock)

    with qtbot.waitSignal(controller.failed, timeout=3000) as failed:
        controller.sync_now()

    assert failed.args == ["nej"]
    overview = controller.overview()
    assert overview.phase == SyncPhase.OFFLINE
    assert overview.last_error == "nej"
    assert overview.next_attempt_in == pytest.approx(30)


def test_retry_after_from_a_busy_server_is_honoured(qtbot, make_controller):
    clock = Clock()
    engine = FakeEngine(ServerBusy("Servern är upptagen.", retry_after=120))
    backoff = FakeBackoff(0.05)
    controller = make_controller(engine, backoff=backoff, clock=clock)

    with qtbot.waitSignal(controller.failed, timeout=3000):
        controller.sync_now()

    assert backoff.asked == [120]
    assert controller.overview().next_attempt_in == pytest.approx(120)
    controller.sync_now()  # not even on demand before the server's time is up
    qtbot.wait(100)
    assert engine.calls == 1
    clock.now += 121
    with qtbot.waitSignal(controller.finished, timeout=3000):
        controller.sync_now()
    assert engine.calls == 2


def test_a_refused_token_asks_for_a_login_once_and_stops_retrying(qtbot, make_controller):
    engine = FakeEngine(AuthRequired("Inloggningen har gått ut."))
    controller = make_controller(engine, interval_ms=40)
    asked: list[bool] = []
    controller.auth_required.connect(lambda: asked.append(True))

    controller.start()
    qtbot.waitUntil(lambda: controller.phase == SyncPhase.AUTH_REQUIRED, timeout=3000)
    controller.local_change()
    qtbot.wait(300)  # several periodic ticks and the debounce pass

    assert engine.calls == 1
    assert asked == [True]


def test_after_a_login_the_new_token_is_used_at_once(qtbot, prefs, make_controller):
    engine = FakeEngine(AuthRequired("401"))
    tokens = FakeTokenStore()
    seen: list[str | None] = []
    controller = SyncController(
        lambda token: seen.append(token) or engine,
        None,
        prefs,
        tokens,
        backoff=FakeBackoff(),
    )
    with qtbot.waitSignal(controller.auth_required, timeout=3000):
        controller.sync_now()

    tokens.put(prefs.server_url, prefs.server_user, "fresh")
    with qtbot.waitSignal(controller.finished, timeout=3000):
        controller.logged_in()

    assert seen == [None, "fresh"]
    assert controller.phase == SyncPhase.IDLE
    controller.shutdown()


def test_sync_now_while_login_is_required_offers_the_login_again(qtbot, make_controller):
    engine = FakeEngine(AuthRequired("401"))
    controller = make_controller(engine)
    with qtbot.waitSignal(controller.auth_required, timeout=3000):
        controller.sync_now()

    with qtbot.waitSignal(controller.auth_required, timeout=500):
        controller.sync_now()
    assert engine.calls == 1


def test_shutdown_waits_for_a_running_sync_and_starts_nothing_new(qtbot, make_controller):
    engine = FakeEngine()
    engine.gate = threading.Event()
    controller = make_controller(engine, interval_ms=30)
    controller.start()
    qtbot.waitUntil(lambda: engine.running == 1, timeout=3000)

    assert not controller.shutdown(50)  # still running: the caller is told so
    threading.Timer(0.1, engine.gate.set).start()
    controller.wait_until_idle()
    qtbot.wait(150)

    assert engine.running == 0
    assert engine.calls == 1


def test_an_engine_that_cannot_be_built_is_an_error_with_a_retry(qtbot, prefs):
    def broken(_token: str | None) -> FakeEngine:
        raise ValueError("Ogiltig serveradress.")

    controller = SyncController(broken, None, prefs, FakeTokenStore(), backoff=FakeBackoff(60))
    controller.sync_now()

    assert controller.phase == SyncPhase.ERROR
    assert controller.overview().last_error == "Ogiltig serveradress."
    assert controller.local_status() is None
    controller.shutdown()
