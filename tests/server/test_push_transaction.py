"""A push is one transaction with everything it writes: records, answers and audit entries."""

from __future__ import annotations

from datetime import UTC
from typing import Any

import pytest
from sqlalchemy import Connection, select

from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.server.push import Pusher
from est_desktop.server.record_kinds import IncidentKind
from est_desktop.server.tables import AppliedChangeRow, AuditRow, RecordRow
from tests.server.helpers_sync import (
    ANNA,
    SyncEnv,
    change,
    incident_fields,
    sync_fixture,  # noqa: F401  (the `sync` fixture)
)


def test_a_push_and_its_audit_entries_are_stored_together(sync: SyncEnv) -> None:
    good, bad = change(fields=incident_fields()), change(fields=incident_fields(lat="north"))
    results = sync.push(ANNA, good, bad)
    with sync.db.reading() as conn:
        entries = conn.execute(
            select(AuditRow.record_id, AuditRow.status).where(AuditRow.action == "push")
        ).all()
    assert sorted(entries) == sorted([(good["id"], "applied"), (bad["id"], "rejected")])
    assert [r["status"] for r in results] == ["applied", "rejected"]


def test_a_push_whose_audit_entries_fail_stores_nothing(sync: SyncEnv, taxonomy: Taxonomy) -> None:
    pusher = Pusher(
        sync.db, {"incident": IncidentKind(taxonomy, DistrictLookup.default())}, sync.clock
    )
    one = change(fields=incident_fields())

    def failing_audit(conn: Connection, results: list[dict[str, Any]]) -> None:
        assert conn.execute(select(RecordRow.id)).scalars().all() == [one["id"]]  # written...
        raise RuntimeError("audit log unavailable")

    with pytest.raises(RuntimeError):
        pusher.push(ANNA, [one], on_write=failing_audit)
    assert sync.counts() == (0, 0)  # ...and rolled back with the entries that failed
    (result,) = sync.push(ANNA, one)  # the client's retry is applied, not a replay
    assert result["status"] == "applied" and sync.counts() == (1, 1)


def test_answers_are_stored_with_the_time_they_were_given(sync: SyncEnv) -> None:
    """The answers go to the database by a plain executemany on SQLite: the time column must
    read back as the same moment SQLAlchemy would have stored."""
    sync.push(ANNA, change(fields=incident_fields()), change(fields=incident_fields()))
    with sync.db.reading() as conn:
        stored = conn.execute(select(AppliedChangeRow.applied_at)).scalars().all()
        deleted = conn.execute(select(RecordRow.deleted)).scalars().all()
    assert stored == [sync.clock().astimezone(UTC).replace(microsecond=0)] * 2
    assert deleted == [False, False]
