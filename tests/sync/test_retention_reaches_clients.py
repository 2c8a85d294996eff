"""What the server removes for privacy (retention, erasure) leaves the local copies at the next
pull: no free text in the record, nor in the list's search column; deleted records unlisted."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from sqlalchemy import select

from est_desktop.domain.incident import LOCAL_TZ, SyncState, TimePrecision
from est_desktop.server.database import ServerDatabase
from est_desktop.server.redaction import redact_text
from est_desktop.server.retention import RetentionMode, apply_retention, parse_age
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.store.tables import IncidentRow
from tests.store.records import draft

SIX_YEARS = timedelta(days=6 * 366)


def _retain(url: str, clock: Any, mode: RetentionMode) -> int:
    db = ServerDatabase.connect(url)
    try:
        report = apply_retention(
            db, parse_age("5y"), mode, actor="cli:test", now=clock.now + SIX_YEARS
        )
    finally:
        db.close()
    return report.incidents.changed


def _stored_text(client: Any, record_id: Any) -> tuple[str, str, str]:
    """Description, place name and search column as stored (the column stripped of its
    separator)."""
    with client.store.reading() as conn:
        row = conn.execute(
            select(IncidentRow.description, IncidentRow.place_name, IncidentRow.search_text).where(
                IncidentRow.id == str(record_id)
            )
        ).one()
    return row.description, row.place_name, row.search_text.strip()


def _listed(client: Any, text: str = "") -> int:
    return IncidentRepository(client.store).count(IncidentFilter(text=text))


def test_a_retention_redaction_reaches_the_local_store_after_a_pull(
    make_client: Any, server_database_url: str, clock: Any
) -> None:
    a, b = make_client("anna"), make_client("bert")
    old = a.service.record(
        draft(description="Kalle Svensson sprayade", place_name="Storgatan 12, lgh 1102")
    )
    a.engine.sync_once()
    b.engine.sync_once()
    assert _listed(b, "svensson") == 1

    assert _retain(server_database_url, clock, RetentionMode.REDACT) == 1
    for client in (a, b):
        client.engine.sync_once()
        kept = client.service.get(old.id)
        assert (kept.description, kept.place_name) == ("", "")
        assert _stored_text(client, old.id) == ("", "", "")
        assert kept.time_precision is TimePrecision.DATE
        local = kept.occurred_at.astimezone(LOCAL_TZ)
        assert (local.date(), local.time()) == (old.occurred_at.astimezone(LOCAL_TZ).date(), time())
        assert (kept.category, kept.district) == (old.category, old.district)
        assert kept.sync_state is SyncState.CONFIRMED and kept.revision == 2
        assert _listed(client) == 1  # still counted for statistics ...
        assert _listed(client, "svensson") == 0  # ... but nothing left to find by name


def test_a_retention_deletion_drops_the_record_from_the_local_lists(
    make_client: Any, server_database_url: str, clock: Any
) -> None:
    a, b = make_client("anna"), make_client("bert")
    old = a.service.record(draft(description="Kalle Svensson sprayade"))
    a.engine.sync_once()
    b.engine.sync_once()

    assert _retain(server_database_url, clock, RetentionMode.DELETE) == 1
    b.engine.sync_once()

    assert _listed(b) == 0
    assert b.service.get(old.id).deleted
    assert _stored_text(b, old.id) == ("", "", "")


def test_an_erased_name_leaves_the_local_copies_but_the_rest_of_the_text_stays(
    make_client: Any, server_database_url: str
) -> None:
    a, b = make_client("anna"), make_client("bert")
    named = a.service.record(draft(description="Kalle SVENSSON sprayade på muren"))
    a.engine.sync_once()
    b.engine.sync_once()

    db = ServerDatabase.connect(server_database_url)
    try:
        report = redact_text(db, "kalle svensson", actor="admin")
    finally:
        db.close()
    b.engine.sync_once()

    assert report.records.changed == 1
    assert b.service.get(named.id).description == "[…] sprayade på muren"
    assert _listed(b, "svensson") == 0
    assert _listed(b, "muren") == 1


def test_a_record_deleted_on_another_pc_keeps_no_text_on_either(make_client: Any) -> None:
    a, b = make_client("anna"), make_client("bert")
    gone = a.service.record(draft(description="Kalle Svensson sprayade"))
    a.engine.sync_once()
    b.engine.sync_once()

    a.service.delete(gone.id)
    a.engine.sync_once()
    b.engine.sync_once()

    for client in (a, b):
        assert client.service.get(gone.id).deleted
        assert _stored_text(client, gone.id) == ("", "", "")
        assert _listed(client) == 0
