"""Preview and commit: counts before anything is written, then all or nothing."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from est_desktop.domain.actor import Actor
from est_desktop.domain.incident import LocationPrecision, Source
from est_desktop.importers.category_map import UNMAPPED
from est_desktop.importers.police_csv import read_police_csv
from est_desktop.importers.police_events import read_police_events
from est_desktop.importers.police_import import (
    ImportCancelledError,
    commit,
    preview,
    summary_lines,
)
from est_desktop.store.database import Store
from est_desktop.store.external_ids import records_by_external_id
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.store.outbox import pending_changes
from est_desktop.store.tables import IncidentRow
from tests.conftest import NOW
from tests.importers.conftest import fixture_bytes

ANALYST = Actor("eva", "boras_stad")


def _csv():
    return read_police_csv(fixture_bytes("crimes_bom_semicolon_crlf.csv"))


def _preview(store: Store, parsed, taxonomy):
    return preview(store, parsed, taxonomy=taxonomy, now=NOW)


def _district(lat: float, lon: float) -> str:
    return "hulta"


def test_the_preview_counts_every_kind_of_row_and_writes_nothing(store, taxonomy) -> None:
    planned = _preview(store, _csv(), taxonomy)
    assert planned.read == 11
    assert len(planned.new) == 7
    assert planned.duplicates == 1  # line 11 repeats line 2
    assert planned.outside == 2  # north of the box; Ulricehamn
    assert [r.line for r in planned.rejected] == [8, 12]
    assert planned.unmapped == 3
    assert planned.already_imported == 0
    assert IncidentRepository(store).count(IncidentFilter()) == 0
    lines = summary_lines(planned)
    assert "Nya: 7" in lines and "Avvisade: 2" in lines and "Dubbletter i filen: 1" in lines


def test_commit_writes_police_records_queued_for_sync(store, taxonomy) -> None:
    planned = _preview(store, _csv(), taxonomy)
    result = commit(store, planned, ANALYST, district_of=_district, clock=lambda: NOW)
    assert result.added == 7
    with store.reading() as conn:
        rows = conn.execute(select(IncidentRow)).all()
        queued = pending_changes(conn)
    assert len(rows) == len(queued) == 7
    assert {r.source for r in rows} == {Source.POLICE.value}
    assert {r.organisation for r in rows} == {"polisen"}
    assert {r.created_by for r in rows} == {"eva"}
    municipal = [r for r in rows if r.location_precision == LocationPrecision.MUNICIPALITY.value]
    assert [r.district for r in municipal] == [""]  # no district for the municipality centre
    assert {r.district for r in rows} - {""} == {"hulta"}
    assert sum(r.category == UNMAPPED for r in rows) == 3
    assert all(c.fields["source"] == "police" and c.fields["external_id"] for c in queued)


def test_a_reimport_changes_nothing(store, taxonomy) -> None:
    commit(store, _preview(store, _csv(), taxonomy), ANALYST, district_of=_district)
    again = _preview(store, _csv(), taxonomy)
    assert again.new == () and again.already_imported == 7
    assert commit(store, again, ANALYST, district_of=_district).added == 0
    assert IncidentRepository(store).count(IncidentFilter()) == 7
    with store.reading() as conn:
        assert len(pending_changes(conn)) == 7


def test_records_imported_after_the_preview_are_not_written_twice(store, taxonomy) -> None:
    first, second = _preview(store, _csv(), taxonomy), _preview(store, _csv(), taxonomy)
    commit(store, first, ANALYST, district_of=_district)
    result = commit(store, second, ANALYST, district_of=_district)
    assert (result.added, result.already_imported) == (0, 7)


def test_a_cancelled_commit_writes_nothing(store, taxonomy) -> None:
    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(ImportCancelledError):
        commit(store, _preview(store, _csv(), taxonomy), ANALYST, cancelled=cancelled)
    assert IncidentRepository(store).count(IncidentFilter()) == 0
    with store.reading() as conn:
        assert pending_changes(conn) == []


def test_a_failure_midway_rolls_everything_back(store, taxonomy) -> None:
    calls = []

    def failing_district(lat: float, lon: float) -> str:
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        return "hulta"

    with pytest.raises(RuntimeError):
        commit(store, _preview(store, _csv(), taxonomy), ANALYST, district_of=failing_district)
    assert IncidentRepository(store).count(IncidentFilter()) == 0


def test_progress_is_reported_as_numbers_up_to_the_total(store, taxonomy) -> None:
    seen: list[tuple[int, int]] = []
    commit(
        store,
        _preview(store, _csv(), taxonomy),
        ANALYST,
        progress=lambda done, total: seen.append((done, total)),
        district_of=_district,
    )
    assert seen[0] == (0, 7) and seen[-1] == (7, 7)


def test_a_newer_feed_version_updates_the_stored_event(store, taxonomy) -> None:
    events = read_police_events(fixture_bytes("events.json"))
    planned = _preview(store, events, taxonomy)
    assert (len(planned.new), planned.skipped, planned.outside, len(planned.rejected)) == (
        3,
        1,
        1,
        1,
    )
    assert planned.superseded == 1 and planned.read == 7
    commit(store, planned, ANALYST)
    with store.reading() as conn:
        record_id = records_by_external_id(conn, "police", ["501"])["501"]
        queued_before = len(pending_changes(conn))
    later = _preview(store, read_police_events(fixture_bytes("events_later.json")), taxonomy)
    assert len(later.updates) == 1 and later.new == ()
    assert commit(store, later, ANALYST).updated == 1
    stored = IncidentRepository(store).get(record_id)
    assert "en person gripen" in stored.description and stored.district is None
    with store.reading() as conn:
        assert len(pending_changes(conn)) == queued_before + 1
    # The same newer version again changes nothing.
    again = _preview(store, read_police_events(fixture_bytes("events_later.json")), taxonomy)
    assert again.updates == () and again.already_imported == 1
