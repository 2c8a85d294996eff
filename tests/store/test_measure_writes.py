"""Recording and editing measures: each write whole with its outbox entry, or none."""

from __future__ import annotations

import json
from datetime import date

import pytest

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.measure import (
    MEASURE_FIELDS,
    MeasureDraft,
    MeasureStatus,
    measure_fields_to_wire,
)
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.database import Store
from est_desktop.store.measures import InvalidMeasureError, MeasureRepository
from est_desktop.store.remote_rows import store_measures
from tests.conftest import NOW
from tests.store.records import outbox, raw_count

ANALYST = Actor("eva", "boras_stad")


@pytest.fixture
def measures(store: Store, taxonomy: Taxonomy) -> MeasureRepository:
    codes = [district.code for district in DistrictLookup.default().districts()]
    return MeasureRepository(store, taxonomy=taxonomy, district_codes=codes)


def measure_draft(**fields: object) -> MeasureDraft:
    values: dict[str, object] = {
        "title": "Väktare vid Hulta torg",
        "description": "Två väktare kvällstid",
        "district": "hulta",
        "lat": 57.7203,
        "lon": 12.9690,
        "radius_m": 150.0,
        "start_date": date(2026, 12, 1),
        "end_date": date(2027, 2, 28),
        "status": MeasureStatus.PLANNED,
        "responsible_organisation": "Bostäder i Borås",
        "categories": ("klotter",),
        "follow_up": "",
    }
    return MeasureDraft(**{**values, **fields})  # type: ignore[arg-type]


def raw_row(store: Store) -> tuple[int, bool, dict]:
    with store.reading() as conn:
        [(revision, deleted, text)] = conn.exec_driver_sql(
            "SELECT revision, deleted, record FROM measures"
        ).all()
    return revision, bool(deleted), json.loads(text)


def test_recording_writes_the_measure_and_one_outbox_entry_with_every_field(
    measures: MeasureRepository, store: Store
) -> None:
    recorded = measures.record(measure_draft(title="  Väktare  "), ANALYST, NOW)

    assert recorded.draft.title == "Väktare"
    assert recorded.revision is None
    assert (recorded.organisation, recorded.created_by, recorded.updated_by) == (
        "boras_stad",
        "eva",
        "eva",
    )
    assert measures.live() == [recorded]
    assert measures.get(recorded.id) == recorded
    _, deleted, record = raw_row(store)
    assert record["revision"] is None and not deleted
    [change] = outbox(store)
    assert (change.entity, change.record_id, change.op, change.base_revision) == (
        "measure",
        str(recorded.id),
        "upsert",
        None,
    )
    assert set(change.fields) == set(MEASURE_FIELDS)
    assert change.fields == measure_fields_to_wire(recorded.draft)
    assert change.fields["start_date"] == "2026-12-01"


def test_an_invalid_draft_writes_nothing_and_says_every_problem(
    measures: MeasureRepository, store: Store
) -> None:
    with pytest.raises(InvalidMeasureError) as raised:
        measures.record(
            measure_draft(title=" ", start_date=None, district="atlantis"), ANALYST, NOW
        )

    assert isinstance(raised.value, ValueError)
    assert {p.field for p in raised.value.problems} == {"title", "start_date", "district"}
    assert raw_count(store.path, "measures") == 0
    assert raw_count(store.path, "outbox") == 0


def test_an_edit_queues_only_the_changed_fields_with_the_stored_revision(
    measures: MeasureRepository, store: Store
) -> None:
    recorded = measures.record(measure_draft(), ANALYST, NOW)
    confirmed = {**raw_row(store)[2], "revision": 4}
    with store.transaction() as conn:  # as the push's answer stores it
        store_measures(conn, [(str(recorded.id), 4, False, confirmed)])
        conn.exec_driver_sql("DELETE FROM outbox")
    seen = measures.get(recorded.id)
    assert seen.revision == 4

    edited = measures.edit(
        seen,
        measure_draft(status=MeasureStatus.ONGOING, follow_up="Lugnare kvällar"),
        Actor("per", "polisen"),
        NOW.replace(hour=15),
    )

    [change] = outbox(store)
    assert change.base_revision == 4
    assert change.fields == {"status": "ongoing", "follow_up": "Lugnare kvällar"}
    assert edited.draft.status is MeasureStatus.ONGOING
    assert (edited.updated_by, edited.created_by) == ("per", "eva")
    assert measures.get(recorded.id) == edited
    assert raw_row(store)[0] == 4  # the revision moves only when the server answers


def test_an_unchanged_edit_writes_nothing(measures: MeasureRepository, store: Store) -> None:
    recorded = measures.record(measure_draft(), ANALYST, NOW)

    assert measures.edit(recorded, measure_draft(), ANALYST, NOW) == recorded
    assert len(outbox(store)) == 1


def test_an_invalid_edit_writes_nothing(measures: MeasureRepository, store: Store) -> None:
    recorded = measures.record(measure_draft(), ANALYST, NOW)

    with pytest.raises(InvalidMeasureError):
        measures.edit(recorded, measure_draft(end_date=date(2026, 1, 1)), ANALYST, NOW)

    assert measures.get(recorded.id) == recorded
    assert len(outbox(store)) == 1


def test_the_pushed_answer_replaces_a_measure_recorded_here(
    measures: MeasureRepository, store: Store
) -> None:
    recorded = measures.record(measure_draft(), ANALYST, NOW)
    answer = {**raw_row(store)[2], "revision": 1}

    with store.transaction() as conn:
        store_measures(conn, [(str(recorded.id), 1, False, answer)])

    assert measures.get(recorded.id).revision == 1
