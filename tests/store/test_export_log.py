"""The local note of exports made, waiting for the server's audit log: kept across restarts,
oldest first, forgotten only once reported, never holding what was exported."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from est_desktop.store.database import Store
from est_desktop.store.export_log import (
    ExportMade,
    forget_reported,
    record_export,
    waiting_count,
    waiting_reports,
)


def test_exports_wait_oldest_first_across_a_restart_until_reported(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    made = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    with Store.open(path) as store:
        first = record_export(store, ExportMade("incidents", "csv", 120, True, False), made)
        second = record_export(
            store, ExportMade("aggregated", "geojson", 36), made + timedelta(hours=1)
        )
    with Store.open(path) as store:
        waiting = waiting_reports(store)
        assert [w.report_id for w in waiting] == [first, second]
        assert waiting[0].made_at == made
        assert waiting[0].as_wire() == {
            "report_id": first,
            "kind": "incidents",
            "format": "csv",
            "count": 120,
            "free_text": True,
            "police": False,
        }
        forget_reported(store, first)
        assert [w.report_id for w in waiting_reports(store)] == [second]
        assert waiting_count(store) == 1


def test_the_note_holds_no_contents_and_refuses_unknown_kinds(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.sqlite") as store:
        with pytest.raises(ValueError):
            record_export(store, ExportMade("everything", "csv", 1))
        record_export(store, ExportMade("report", "pdf", 9, police=True))
        with store.reading() as conn:
            columns = [row[1] for row in conn.execute(text("PRAGMA table_info(export_log)"))]
    assert columns == [
        "seq", "report_id", "made_at", "kind", "format", "count", "free_text", "police"
    ]  # fmt: skip
