"""SIGKILL in the middle of saves and of a sync, again and again: nothing that returned is lost.

A child process (tests/store/crash_children.py, no Qt) saves through the service the window
uses and prints each id after the save returned; the test kills it at a random moment and
reopens the store: it opens, passes `PRAGMA integrity_check`, holds every printed save, and its
outbox matches its records. The sync round does the same against a real `est-server` on
loopback, then lets sync finish: the server holds every record exactly once.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.store.database import Store
from est_desktop.store.incident_service import IncidentService
from est_desktop.sync.engine import SyncEngine
from est_desktop.sync.transport import HttpTransport
from tests.server.running_server import RunningServer, prepare_database, start_server
from tests.store.crash_children import incident_draft

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parents[2]
SAVE_ROUNDS = 14
SYNC_ROUNDS = 8
BACKLOG = 100  # incidents saved offline before each sync round
FIRST_LINE_TIMEOUT_S = 30


@dataclass
class Child:
    """A child process whose complete output lines are collected as they come."""

    process: subprocess.Popen[str]
    errors: Path  # its standard error, in a file: a full pipe would stall it
    lines: list[str] = field(default_factory=list)
    _first: threading.Event = field(default_factory=threading.Event)
    _reader: threading.Thread | None = None

    @classmethod
    def start(cls, log_dir: Path, *args: str) -> Child:
        errors = log_dir / f"child-{time.monotonic_ns()}.log"
        with errors.open("w") as stderr:
            process = subprocess.Popen(
                [sys.executable, "-m", "tests.store.crash_children", *args],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
        child = cls(process, errors)
        child._reader = threading.Thread(target=child._read, daemon=True)
        child._reader.start()
        return child

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.endswith("\n"):  # a line cut by the kill was never a promise
                self.lines.append(line.rstrip("\n"))
                self._first.set()
        self._first.set()

    def wait_for_output(self) -> None:
        assert self._first.wait(FIRST_LINE_TIMEOUT_S), "the child printed nothing"
        assert self.lines, f"the child ended early:\n{self.errors.read_text()}"

    def kill(self) -> list[str]:
        """SIGKILL, then every complete line it printed before dying."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        assert self.process.returncode == -signal.SIGKILL, (
            f"the child failed first:\n{self.errors.read_text()}"
        )
        assert self._reader is not None
        self._reader.join(timeout=30)  # the pipe ends with the child: every line is read
        self.process.stdout.close()
        return list(self.lines)


@dataclass
class Promises:
    """What the children said had been saved."""

    saved: set[str] = field(default_factory=set)
    edited: dict[str, int] = field(default_factory=dict)  # id -> the last edit's number
    deleted: set[str] = field(default_factory=set)

    def take(self, lines: list[str]) -> None:
        for line in lines:
            kind, *rest = line.split()
            if kind == "saved":
                self.saved.add(rest[0])
            elif kind == "edited":
                self.edited[rest[0]] = int(rest[1])
            elif kind == "deleted":
                self.deleted.add(rest[0])


def check_store(path: Path, promises: Promises) -> int:
    """Open the store as the app would and check it; returns how many changes were sent and
    not yet answered (a kill in the middle of a push)."""
    with Store.open(path) as store, store.reading() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        rows = {
            row[0]: (row[1], bool(row[2]))
            for row in conn.exec_driver_sql("SELECT id, description, deleted FROM incidents")
        }
        orphans = conn.exec_driver_sql(
            "SELECT count(*) FROM outbox o WHERE o.entity = 'incident' AND NOT EXISTS "
            "(SELECT 1 FROM incidents i WHERE i.id = o.record_id)"
        ).scalar()
        # A change waiting to go out needs its outbox entry; only a record deleted before the
        # server ever heard of it goes without one.
        unqueued = conn.exec_driver_sql(
            "SELECT count(*) FROM incidents i WHERE i.sync_state IN ('local', 'sent') "
            "AND NOT (i.deleted AND i.revision IS NULL) "
            "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = i.id)"
        ).scalar()
        confirmed_but_queued = conn.exec_driver_sql(
            "SELECT count(*) FROM incidents i WHERE i.sync_state = 'confirmed' "
            "AND EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = i.id)"
        ).scalar()
        in_flight = conn.exec_driver_sql(
            "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"
        ).scalar()
    assert (orphans, unqueued, confirmed_but_queued) == (0, 0, 0)
    assert promises.saved <= rows.keys(), "a save that had returned is missing"
    for record_id, number in promises.edited.items():
        description, _ = rows[record_id]
        # Killed after the commit but before the print, a later edit may be there too.
        assert description.startswith("ändring ") and int(description.split()[1]) >= number
    assert all(rows[record_id][1] for record_id in promises.deleted)
    return in_flight


def test_killing_the_app_while_it_saves_loses_nothing_that_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "est.sqlite"
    promises = Promises()
    rng = random.Random(8)
    for round_no in range(SAVE_ROUNDS):
        child = Child.start(tmp_path, "save", str(path))
        if round_no % 4 == 3:
            time.sleep(rng.uniform(0.0, 1.5))  # any moment: opening, migrating, saving
        else:
            child.wait_for_output()
            time.sleep(rng.uniform(0.0, 0.3))
        promises.take(child.kill())
        check_store(path, promises)
    assert len(promises.saved) > 20 and promises.edited and promises.deleted


# -- in the middle of a sync -------------------------------------------------------------------


def record_offline(path: Path, count: int) -> set[str]:
    """Save `count` incidents as if entered offline; their ids."""
    with Store.open(path) as store:
        service = IncidentService(
            store, Taxonomy.load(), lambda lat, lon: "hulta", lambda: Actor("anna", "bostader")
        )
        return {str(service.record(incident_draft(f"offline {n}")).id) for n in range(count)}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    url = f"sqlite:///{tmp_path}/server.db"
    prepare_database(url)
    running = start_server(url, tmp_path)
    yield running
    assert running.stop() == 0, running.log()


def test_killing_the_app_in_the_middle_of_a_sync_neither_loses_nor_duplicates(
    tmp_path: Path, server: RunningServer
) -> None:
    path = tmp_path / "est.sqlite"
    root = server.base.removesuffix("/api/v1")
    token = server.token("rep_bostader")
    promises = Promises()
    rng = random.Random(9)
    cut_pushes = 0
    for _ in range(SYNC_ROUNDS):
        promises.saved |= record_offline(path, BACKLOG)  # a backlog: many requests per sync
        child = Child.start(tmp_path, "sync", str(path), root, token)
        child.wait_for_output()
        time.sleep(rng.uniform(0.0, 0.6))
        promises.take(child.kill())
        cut_pushes += check_store(path, promises) > 0

    with Store.open(path) as store:
        engine = SyncEngine(store, HttpTransport(root, token=token))
        report = engine.sync_once()
        assert report.waiting == 0
        with store.reading() as conn:
            local = {
                row[0]: row[1]
                for row in conn.exec_driver_sql("SELECT id, sync_state FROM incidents")
            }
            queued = conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar()
    on_server, _ = server.pull_all(token)
    assert promises.saved <= local.keys()
    assert set(on_server) == set(local), "the server and this PC hold different records"
    # Each record was created once and never edited: a change applied twice would show as a
    # second revision (or as a conflict).
    assert {change["revision"] for change in on_server.values()} == {1}
    assert set(local.values()) == {"confirmed"} and queued == 0
    assert len(local) > 50 and cut_pushes > 0, "no kill fell between a push and its answer"
