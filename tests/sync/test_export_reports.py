"""Exports made on a PC reach the server's audit log with the next sync, exactly once: made
offline, reported after; an answer lost on the way does not make a second entry.

A real `est-server serve` on loopback, the desktop's own `est-desktop export` code, and the
sync engine over HTTP.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from est_desktop.data_files import store_path
from est_desktop.export_command import run_export
from est_desktop.store.database import Store
from est_desktop.store.export_log import waiting_count
from est_desktop.store.incidents import IncidentRepository
from est_desktop.sync.engine import SyncEngine
from est_desktop.sync.errors import Offline
from est_desktop.sync.transport import HttpTransport
from tests.server.running_server import (
    PASSWORD,
    RunningServer,
    free_port,
    incident_change,
    prepare_database,
    start_server,
)

pytest.importorskip("est_desktop.server.cli")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    url = f"sqlite:///{tmp_path}/server.db"
    prepare_database(url)
    running = start_server(url, tmp_path)
    yield running
    assert running.stop() == 0, running.log()


def root(server: RunningServer) -> str:
    return server.base.removesuffix("/api/v1")


def sync(data_dir: Path, transport: HttpTransport) -> None:
    with Store.open(store_path(data_dir, demo=False)) as store:
        SyncEngine(store, transport).sync_once()


def waiting(data_dir: Path) -> int:
    with Store.open(store_path(data_dir, demo=False)) as store:
        return waiting_count(store)


def exports_logged(server: RunningServer) -> list[dict[str, Any]]:
    admin = server.token("admin")
    answer = server.request(
        "GET", "/admin/audit", token=admin, params={"action": "export", "limit": 1000}
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["entries"]


def export(data_dir: Path, out: Path, **options: Any) -> None:
    status = run_export(data_dir, False, "incidents", "csv", out, **options)
    assert status == 0
    assert out.exists()


class LosingFirstAnswer(HttpTransport):
    """Delivers every export report, but loses the answer to the first one."""

    lost = False

    def report_export(self, report: dict) -> dict:
        answer = super().report_export(report)
        if not self.lost:
            self.lost = True
            raise Offline("the answer was lost")
        return answer


def test_an_export_made_offline_is_in_the_audit_log_after_the_next_sync_once(
    server: RunningServer, tmp_path: Path
) -> None:
    reporter = server.token("rep_bostader")
    assert server.push(reporter, [incident_change(), incident_change()]).status_code == 200
    online = HttpTransport(root(server))
    online.login("analyst", PASSWORD)
    sync(tmp_path, online)  # the PC has the two incidents

    export(tmp_path, tmp_path / "all.csv", include_free_text=True, include_police=True)
    offline = HttpTransport(f"http://127.0.0.1:{free_port()}", token=online.token)
    with pytest.raises(Offline):
        sync(tmp_path, offline)
    assert waiting(tmp_path) == 1  # kept until the server has it
    assert exports_logged(server) == []

    sync(tmp_path, online)
    sync(tmp_path, online)
    [entry] = exports_logged(server)
    assert entry["username"] == "analyst"
    assert entry["count"] == 2
    assert entry["detail"] == "kind=incidents format=csv free_text=true police=true"
    assert waiting(tmp_path) == 0


def test_a_report_whose_answer_was_lost_is_sent_again_and_logged_once(
    server: RunningServer, tmp_path: Path
) -> None:
    online = HttpTransport(root(server))
    online.login("rep_boras", PASSWORD)
    sync(tmp_path, online)
    export(tmp_path, tmp_path / "first.csv")
    export(tmp_path, tmp_path / "second.csv")

    losing = LosingFirstAnswer(root(server), token=online.token)
    with pytest.raises(Offline):
        sync(tmp_path, losing)
    assert waiting(tmp_path) == 2  # the first was recorded, but the PC could not know
    sync(tmp_path, losing)

    entries = exports_logged(server)
    assert [e["username"] for e in entries] == ["rep_boras", "rep_boras"]
    assert all(
        e["detail"] == "kind=incidents format=csv free_text=false police=false" for e in entries
    )
    assert len({e["record_id"] for e in entries}) == 2  # each report id once
    assert waiting(tmp_path) == 0


class WithoutTheEndpoint(HttpTransport):
    """A server from before export reports: the endpoint is not there (404)."""

    def report_export(self, report: dict) -> dict:
        return self._request("POST", "/audit/export-not-here", report)


def test_a_server_that_refuses_reports_does_not_stop_the_sync(
    server: RunningServer, tmp_path: Path
) -> None:
    online = HttpTransport(root(server))
    online.login("rep_boras", PASSWORD)
    sync(tmp_path, online)
    export(tmp_path, tmp_path / "first.csv")
    reporter = server.token("rep_bostader")
    change = incident_change()
    assert server.push(reporter, [change]).status_code == 200

    sync(tmp_path, WithoutTheEndpoint(root(server), token=online.token))  # no error
    with Store.open(store_path(tmp_path, demo=False)) as store:
        assert waiting_count(store) == 1  # kept for a server that takes it
        assert IncidentRepository(store).get(change["id"]) is not None  # the pull went on
        assert store.setting("sync_last_error") == ""
    sync(tmp_path, online)
    assert len(exports_logged(server)) == 1
