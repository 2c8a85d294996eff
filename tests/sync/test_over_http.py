"""The real thing once: the sync engine over HTTP to an `est-server` process on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import SyncState
from est_desktop.store.database import Store
from est_desktop.store.incident_service import IncidentService
from est_desktop.sync.engine import SyncEngine
from est_desktop.sync.errors import AuthRequired, Offline
from est_desktop.sync.reference_cache import ReferenceCache
from est_desktop.sync.transport import HttpTransport
from tests.store.records import draft

pytest.importorskip("est_desktop.server.cli")
SERVER = [sys.executable, "-m", "est_desktop.server"]
# The real server checks times against the real clock.
EARLIER = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    database = f"sqlite:///{tmp_path}/server.db"
    run = {"check": True, "capture_output": True, "timeout": 60}
    subprocess.run([*SERVER, "init", "--database", database], **run)
    subprocess.run(
        [
            *SERVER,
            "add-user",
            "--database",
            database,
            "--username",
            "anna",
            "--organisation",
            "bostader",
            "--role",
            "reporter",
            "--password",
            "hemligt-lösen-1",
        ],
        **run,
    )
    port = free_port()
    process = subprocess.Popen(
        [*SERVER, "serve", "--database", database, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                HttpTransport(url, timeout=1).health()
                break
            except Offline:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_record_goes_to_the_server_and_reference_data_comes_back(
    server_url: str, tmp_path: Path
) -> None:
    transport = HttpTransport(server_url)
    with pytest.raises(AuthRequired):
        transport.login("anna", "fel")
    session = transport.login("anna", "hemligt-lösen-1")
    assert (session.username, session.organisation) == ("anna", "bostader")
    with Store.open(tmp_path / "client.sqlite") as store:
        service = IncidentService(
            store, Taxonomy.load(), lambda lat, lon: "hulta", lambda: Actor("anna", "bostader")
        )
        recorded = service.record(draft(occurred_at=EARLIER))
        cache = ReferenceCache(tmp_path)
        engine = SyncEngine(store, transport, reference_cache=cache)

        report = engine.sync_once()

        assert (report.pushed, report.waiting) == (1, 0)
        assert service.get(recorded.id).sync_state is SyncState.CONFIRMED
        assert cache.taxonomy() is not None
        assert cache.districts() is not None
        transport.token = "utgånget"
        service.edit(recorded.id, draft(occurred_at=EARLIER, description="Ändrad"))
        with pytest.raises(AuthRequired):
            engine.sync_once()
        assert engine.status().waiting == 1
