"""The first sync of many records, against a real server: the status bar counts what has been
sent or fetched, the window keeps painting, and Avbryt stops after a batch with nothing lost;
the next sync goes on from there."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import islice

import pytest
import requests
from PySide6.QtCore import QLocale
from sqlalchemy import func, select

from est_desktop.demo_data import DEFAULT_END, generate_demo_incidents
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.wire import wire_fields
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.server.database import ServerDatabase
from est_desktop.server.identity import Role, User
from est_desktop.server.sync_service import SyncService
from est_desktop.server.tables import RecordRow
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.sync.engine import SyncEngine
from est_desktop.sync.progress import SyncStage
from est_desktop.sync.transport import HttpTransport
from est_desktop.ui.sync_controller import SyncController
from est_desktop.ui.sync_status import SyncStatusWidget
from tests.server.running_server import PASSWORD, RunningServer, prepare_database, start_server
from tests.ui.fakes_sync import FakeTokenStore
from tests.ui.responsive.stall_meter import StallMeter

pytest.importorskip("est_desktop.server.cli")

ON_SERVER = 3_000  # pulled in 6 pages of 500
TO_PUSH = 3_000  # pushed in 6 batches of 500
WAIT_MS = 60_000
ANALYST = User("analyst", "boras_stad", Role.ANALYST)


def demo_incidents(count: int, seed: int):
    """Dated so that none is in the future for the server."""
    return generate_demo_incidents(count, seed=seed, end=min(DEFAULT_END, datetime.now(UTC)))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """One server for the module (starting one takes seconds), ON_SERVER records on it, stored
    in-process (faster than over HTTP). A push test adds to them: see `on_server`."""
    folder = tmp_path_factory.mktemp("server")
    url = f"sqlite:///{folder}/server.db"
    prepare_database(url)
    running = start_server(url, folder)
    fill(url)
    yield running
    running.stop()


def fill(database_url: str) -> None:
    db = ServerDatabase.connect(database_url)
    try:
        service = SyncService(db, Taxonomy.load(), DistrictLookup.default())
        incidents = demo_incidents(ON_SERVER, seed=2)
        while batch := list(islice(incidents, 500)):
            changes = [
                {
                    "change_id": str(uuid.uuid4()),
                    "entity": "incident",
                    "id": str(incident.id),
                    "op": "upsert",
                    "base_revision": None,
                    "fields": wire_fields(incident.as_draft().as_fields()),
                }
                for incident in batch
            ]
            assert {r["status"] for r in service.push(ANALYST, str(uuid.uuid4()), changes)} == {
                "applied"
            }
    finally:
        db.close()


def on_server(server: RunningServer) -> int:
    db = ServerDatabase.connect(server.database_url)
    try:
        with db.reading() as conn:
            return conn.scalar(select(func.count()).select_from(RecordRow))
    finally:
        db.close()


class GatedTransport(HttpTransport):
    """The real transport, but after its first pull (or push) each request waits for `gate`:
    the test cancels while the run is surely under way, then opens the gate."""

    def __init__(self, *args, gate: Gate, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._gate, self._calls = gate, {"pull": 0, "push": 0}

    def _wait(self, kind: str) -> None:
        self._calls[kind] += 1
        if self._calls[kind] > 1:
            self._gate.reached.set()
            assert self._gate.wait(10), "the test never opened the gate"

    def pull(self, *args, **kwargs):
        self._wait("pull")
        return super().pull(*args, **kwargs)

    def push(self, *args, **kwargs):
        self._wait("push")
        return super().push(*args, **kwargs)


class Gate(threading.Event):
    """Open unless the test closes it; `reached` is set once a request stands at it."""

    def __init__(self) -> None:
        super().__init__()
        self.reached = threading.Event()


@pytest.fixture
def gate() -> Gate:
    opened = Gate()
    opened.set()
    return opened


@pytest.fixture
def controller(qtbot, server: RunningServer, store, prefs, gate):
    """The window's sync controller on the real engine, logged in as an analyst."""
    prefs.server_url, prefs.server_user = server.base, "analyst"
    answer = requests.post(
        server.url("/auth/token"), json={"username": "analyst", "password": PASSWORD}, timeout=30
    )
    token = answer.json()["access_token"]
    transports: list[HttpTransport] = []

    def make_engine(token: str | None) -> SyncEngine:
        transports.append(GatedTransport(server.base, token=token, gate=gate))
        return SyncEngine(store, transports[-1])

    made = SyncController(
        make_engine, store, prefs, FakeTokenStore({(server.base, "analyst"): token})
    )
    yield made
    made.shutdown()
    made.wait_until_idle()
    for transport in transports:
        transport.close()


@pytest.fixture
def status(qtbot, controller) -> SyncStatusWidget:
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.set_controller(controller)
    widget.cancel_requested.connect(controller.cancel)  # as the window's SyncWiring does
    return widget


def stored(store) -> int:
    return IncidentRepository(store).count(IncidentFilter())


def test_the_first_pull_counts_the_records_in_the_status_bar_and_the_window_keeps_painting(
    qtbot, server, controller, status, store
):
    expected = on_server(server)
    seen: list[str] = []
    controller.progressed.connect(lambda _progress: seen.append(status.text))
    with StallMeter() as meter, qtbot.waitSignal(controller.finished, timeout=WAIT_MS) as done:
        controller.sync_now()
    report = done.args[0]
    assert (report.pulled, report.cancelled) == (expected, False)
    assert stored(store) == expected
    assert len(seen) > 1, seen
    assert seen[-1] == f"Synkar… {QLocale().toString(expected)} poster hämtade"
    print(f"pull: longest stall {meter.longest_ms:.0f} ms over {meter.ticks} ticks")
    meter.assert_responsive()


def test_avbryt_stops_the_pull_after_a_page_and_the_next_sync_fetches_the_rest(
    qtbot, server, controller, status, store, gate
):
    expected = on_server(server)
    gate.clear()

    def on_progressed(progress) -> None:
        if progress.stage is SyncStage.PULL and not gate.is_set():
            # Avbryt while the second page is surely under way (the worker needs nothing
            # from this thread to get there), not before it was asked for.
            assert gate.reached.wait(10)
            status.open_details().cancel_button.click()
            gate.set()

    controller.progressed.connect(on_progressed)
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS) as done:
        controller.sync_now()
    report = done.args[0]
    assert report.cancelled
    assert report.pulled == 2 * 500  # the page under way when Avbryt came, and the one before
    assert stored(store) == report.pulled  # what came is kept, with its cursor
    assert "Synken avbröts" in status.text
    assert controller.overview().status.last_success is None  # not a successful sync

    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS) as done:
        controller.sync_now()
    assert done.args[0].pulled == expected - report.pulled  # nothing fetched twice
    assert stored(store) == expected
    assert "Synken avbröts" not in status.text


def test_avbryt_stops_a_big_push_after_a_batch_and_nothing_is_lost(
    qtbot, server, controller, status, store, gate
):
    IncidentRepository(store).add_many(demo_incidents(TO_PUSH, seed=1), queue_for_sync=True)
    gate.clear()
    progress_seen = []

    def on_progressed(progress) -> None:
        progress_seen.append((progress.stage, progress.done, progress.total, status.text))
        if progress.stage is SyncStage.PUSH and progress.done > 0 and not gate.is_set():
            assert gate.reached.wait(10)  # the second batch under way, as above
            controller.cancel()
            gate.set()

    controller.progressed.connect(on_progressed)
    with StallMeter() as meter, qtbot.waitSignal(controller.finished, timeout=WAIT_MS) as done:
        controller.sync_now()
    report = done.args[0]
    assert report.cancelled
    # The first batch answered, the second under way when Avbryt came and (the push works
    # ahead) perhaps a third already chosen: all answered and stored, no more sent.
    assert report.pushed in (2 * 500, 3 * 500)
    assert report.waiting == TO_PUSH - report.pushed
    stage, pushed, total, text = next(p for p in progress_seen if p[1] > 0)
    assert (stage, total) == (SyncStage.PUSH, TO_PUSH)
    counts = (QLocale().toString(pushed), QLocale().toString(TO_PUSH))
    assert text == "Synkar… {} av {} ändringar skickade".format(*counts)
    meter.assert_responsive()

    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS) as done:
        controller.sync_now()
    assert (done.args[0].pushed, done.args[0].waiting) == (TO_PUSH - report.pushed, 0)
