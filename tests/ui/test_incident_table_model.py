"""The lazily fetched incident table model, with no widget at all."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from est_desktop.domain.incident import Incident
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.ui.incident_table_model import IncidentTableModel
from tests.conftest import NOW

TOTAL, PAGE = 1000, 100


def stored_incident(number: int) -> Incident:
    return Incident(
        id=uuid.uuid4(),
        occurred_at=NOW - timedelta(minutes=7 * number),
        category=("klotter", "glaskross", "bilbrand")[number % 3],
        lat=57.729,
        lon=12.979,
        district="hulta",
        place_name=f"Plats {number}",
        description=f"Händelse {number}",
        created_at=NOW,
        updated_at=NOW,
    )


@pytest.fixture
def model(store: Store, taxonomy) -> IncidentTableModel:
    repository = IncidentRepository(store)
    repository.add_many((stored_incident(n) for n in range(TOTAL)), queue_for_sync=False)
    made = IncidentTableModel(
        repository, taxonomy.label, lambda code: code or "Hela kommunen", page_size=PAGE
    )
    made.reload()
    return made


def test_the_model_loads_one_page_first(model):
    assert model.rowCount() == PAGE
    assert model.count == TOTAL
    assert model.canFetchMore(QModelIndex())


def test_fetch_more_appends_the_next_page_in_order(model, qtbot):
    first_page = [model.incident_id(row) for row in range(PAGE)]
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.fetchMore(QModelIndex())

    assert inserted.args[1:] == [PAGE, 2 * PAGE - 1]
    assert model.rowCount() == 2 * PAGE
    assert [model.incident_id(row) for row in range(PAGE)] == first_page
    # Newest first, and the second page carries on where the first ended.
    assert model.index(PAGE, 3).data() == f"Plats {PAGE}"
    assert model.index(2 * PAGE - 1, 3).data() == f"Plats {2 * PAGE - 1}"


def test_fetching_every_page_loads_each_incident_once(model):
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())

    assert model.rowCount() == TOTAL
    ids = [model.incident_id(row) for row in range(TOTAL)]
    assert len(set(ids)) == TOTAL
    assert [model.index(row, 3).data() for row in range(TOTAL)] == [
        f"Plats {n}" for n in range(TOTAL)
    ]
    model.fetchMore(QModelIndex())  # nothing more to fetch: no change
    assert model.rowCount() == TOTAL


def test_a_filter_reloads_from_the_first_page_and_counts_the_matches(model, qtbot):
    with qtbot.waitSignal(model.count_changed) as counted:
        model.set_filter(IncidentFilter(categories=frozenset({"klotter"})))

    assert counted.args == [334]  # numbers 0, 3, ..., 999
    assert model.rowCount() == PAGE
    assert {model.index(row, 1).data() for row in range(PAGE)} == {"Klotter"}


def test_sorting_by_a_column_reloads_in_that_order(model):
    model.sort(3, Qt.SortOrder.AscendingOrder)  # place name
    names = [model.index(row, 3).data() for row in range(PAGE)]
    assert names == sorted(names)
    assert model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())


def test_the_description_column_does_not_sort(model, qtbot):
    before = [model.incident_id(row) for row in range(PAGE)]
    with qtbot.assertNotEmitted(model.modelReset):
        model.sort(4, Qt.SortOrder.AscendingOrder)
    assert [model.incident_id(row) for row in range(PAGE)] == before


def test_the_model_shows_labels_and_keeps_the_id_for_each_row(model):
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Kategori"
    assert model.index(0, 1).data() == "Klotter"
    assert model.index(0, 2).data() == "hulta"
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "Händelse 0"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == model.incident_id(0)
    assert model.index(0, 6).data() == "Sparad på datorn"


def test_the_model_keeps_qts_model_contract(model, qtmodeltester):
    qtmodeltester.check(model, force_py=True)
