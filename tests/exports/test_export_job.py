"""One export job for the dialog and the command line: what it counts, and what a stop leaves."""

from __future__ import annotations

from datetime import date

import pytest

from est_desktop.exports.export_job import AGGREGATED, INCIDENTS, ExportRequest, write_export
from est_desktop.store.export_log import waiting_reports
from est_desktop.store.incident_filters import IncidentFilter
from tests.exports.samples import LOOKUP, many_incidents, store_incidents

FIRST, LAST = date(2026, 1, 1), date(2026, 3, 31)


@pytest.fixture
def filled(store):
    store_incidents(store, many_incidents(1_500))
    return store


def _counted(table) -> int:
    return sum(row.count or 0 for row in table.rows)


def test_an_aggregated_export_counts_police_records_only_when_asked(filled, taxonomy, tmp_path):
    request = ExportRequest(AGGREGATED, "csv", IncidentFilter(), FIRST, LAST)
    staff = write_export(filled, taxonomy, LOOKUP, request, tmp_path / "staff.csv")
    asked = ExportRequest(AGGREGATED, "csv", IncidentFilter(), FIRST, LAST, include_police=True)
    both = write_export(filled, taxonomy, LOOKUP, asked, tmp_path / "both.csv")
    assert staff.table is not None and both.table is not None
    assert _counted(both.table) > _counted(staff.table) > 0
    assert staff.rows == len(staff.table.rows)
    assert [w.export.kind for w in waiting_reports(filled)] == [
        AGGREGATED,
        AGGREGATED,
    ]  # for the log


def test_a_stopped_export_leaves_no_file_and_no_note(filled, taxonomy, tmp_path):
    path = tmp_path / "handelser.csv"
    steps = []

    def stop_at_the_first_thousand(done: int, total: int | None) -> None:
        steps.append((done, total))
        raise KeyboardInterrupt  # whatever the caller raises to stop

    request = ExportRequest(INCIDENTS, "csv", IncidentFilter())
    with pytest.raises(KeyboardInterrupt):
        write_export(filled, taxonomy, LOOKUP, request, path, stop_at_the_first_thousand)
    assert steps == [(1_000, 1_500)]
    assert not path.exists()
    assert waiting_reports(filled) == []


def test_an_aggregated_export_needs_its_days(filled, taxonomy, tmp_path):
    with pytest.raises(ValueError, match="first and last day"):
        write_export(
            filled,
            taxonomy,
            LOOKUP,
            ExportRequest(AGGREGATED, "csv", IncidentFilter()),
            tmp_path / "x",
        )
