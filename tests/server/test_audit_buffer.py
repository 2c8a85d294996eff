"""Pull entries of the audit log are written in batches, at most a second late, and none is lost
when the server stops cleanly or the database refuses a write for a while."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from est_desktop.server.audit import Action, AuditEvent
from est_desktop.server.audit_buffer import AuditBuffer
from est_desktop.server.database import ServerDatabase
from est_desktop.server.tables import AuditRow
from tests.server.running_server import incident_change, prepare_database, start_server


def pulls_logged(db: ServerDatabase) -> list[tuple[str, int, datetime]]:
    with db.reading() as conn:
        rows = conn.execute(
            select(AuditRow.username, AuditRow.count, AuditRow.at)
            .where(AuditRow.action == Action.PULL.value)
            .order_by(AuditRow.id)
        ).all()
    return [tuple(row) for row in rows]


def flush_threads() -> set[threading.Thread]:
    return {thread for thread in threading.enumerate() if thread.name == "audit-flush"}


def migrated(path: Path) -> ServerDatabase:
    db = ServerDatabase.connect(f"sqlite:///{path}")
    db.migrate()
    return db


def test_entries_are_written_by_the_background_thread_within_a_second(tmp_path: Path) -> None:
    db = migrated(tmp_path / "server.db")
    buffer, others = AuditBuffer(db, interval=0.2), flush_threads()
    pulled_at = datetime.now(UTC).replace(microsecond=0) - timedelta(seconds=30)
    buffer.add([AuditEvent("anna", Action.PULL, count=3, at=pulled_at)])
    buffer.add([AuditEvent("bo", Action.PULL, count=1, at=pulled_at)])
    deadline = time.monotonic() + 5
    while not pulls_logged(db) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pulls_logged(db) == [("anna", 3, pulled_at), ("bo", 1, pulled_at)]  # the pull's time
    deadline = time.monotonic() + 5
    while flush_threads() - others and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not flush_threads() - others  # idle: no thread kept going
    buffer.add([AuditEvent("cai", Action.PULL, count=1, at=pulled_at)])  # starts one again
    buffer.close()
    assert [name for name, _, _ in pulls_logged(db)] == ["anna", "bo", "cai"]
    db.close()


def test_closing_writes_what_is_left(tmp_path: Path) -> None:
    db = migrated(tmp_path / "server.db")
    buffer = AuditBuffer(db, interval=3600)
    buffer.add([AuditEvent("anna", Action.PULL, count=2, at=datetime.now(UTC))])
    assert pulls_logged(db) == []
    buffer.close()
    assert [(name, count) for name, count, _ in pulls_logged(db)] == [("anna", 2)]
    buffer.add([AuditEvent("bo", Action.PULL, count=1, at=datetime.now(UTC))])  # after close
    assert [name for name, _, _ in pulls_logged(db)] == ["anna", "bo"]
    db.close()


def test_entries_the_database_refused_are_kept_for_the_next_flush(tmp_path: Path) -> None:
    db = ServerDatabase.connect(f"sqlite:///{tmp_path / 'server.db'}")  # no tables yet
    buffer = AuditBuffer(db, interval=3600)
    buffer.add([AuditEvent("anna", Action.PULL, count=5, at=datetime.now(UTC))])
    assert buffer.flush() == -1
    db.migrate()
    buffer.add([AuditEvent("bo", Action.PULL, count=1, at=datetime.now(UTC))])
    assert buffer.flush() == 2
    assert [name for name, _, _ in pulls_logged(db)] == ["anna", "bo"]  # in their order
    buffer.close()
    db.close()


def test_a_pull_just_before_a_clean_stop_is_in_the_log(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    prepare_database(url)
    server = start_server(url, tmp_path)
    try:
        token = server.token("analyst")
        assert server.push(token, [incident_change()]).status_code == 200
        assert server.request("GET", "/sync/pull", token=token).status_code == 200
    finally:
        assert server.stop() == 0, server.log()  # at once: before the second is over
    db = ServerDatabase.connect(url)
    assert [(name, count) for name, count, _ in pulls_logged(db)] == [("analyst", 1)]
    db.close()
