"""Each record's honest sync state in the list and the detail view, with the server's reasons."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from est_desktop.domain.incident import IncidentDraft
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.outbox import pending_changes
from est_desktop.store.sync_apply import apply_push_results
from est_desktop.ui.incident_detail import IncidentDetail
from est_desktop.ui.incident_table_model import IncidentTableModel
from tests.conftest import NOW

STATUS = 6


@pytest.fixture
def recorded(service):
    draft = IncidentDraft(
        occurred_at=NOW - timedelta(hours=1), category="klotter", lat=57.72, lon=12.98
    )
    return service.record(draft)


def answer(store, status: str, **result) -> None:
    with store.reading() as conn:
        sent = pending_changes(conn)
    results = [
        {"change_id": c.change_id, "id": c.record_id, "status": status, **result} for c in sent
    ]
    apply_push_results(store, sent, results)


class StatusCell:
    """The first row's status cell; keeps its model alive (an index outliving it crashes)."""

    def __init__(self, service, taxonomy) -> None:
        self.model = IncidentTableModel(service.incidents, taxonomy.label, lambda c: c or "")
        self.model.reload()

    def data(self, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole):
        return self.model.index(0, STATUS).data(role)


def status_cell(service, taxonomy) -> StatusCell:
    return StatusCell(service, taxonomy)


def test_a_new_record_is_saved_on_this_pc_not_confirmed(service, taxonomy, recorded):
    cell = status_cell(service, taxonomy)
    assert cell.data() == "Sparad på datorn"
    assert "nästa synk" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_a_confirmed_record_says_so(service, store, taxonomy, recorded):
    answer(store, "applied", revision=1, record=None, errors=None)
    assert status_cell(service, taxonomy).data() == "Bekräftad av servern"


def test_a_rejected_record_shows_the_servers_reasons_in_swedish_field_names(
    qtbot, service, store, taxonomy, recorded
):
    answer(store, "rejected", errors={"category": "Kategorin finns inte längre."})

    cell = status_cell(service, taxonomy)
    assert cell.data() == "Avvisad"
    assert "Kategori: Kategorin finns inte längre." in cell.data(Qt.ItemDataRole.ToolTipRole)
    detail = IncidentDetail(taxonomy, DistrictLookup.default())
    qtbot.addWidget(detail)
    detail.show_incident(service.get(recorded.id))
    assert "Avvisad" in detail.text
    assert "Serverns skäl: Kategori" in detail.text
    assert "Kategorin finns inte längre." in detail.text
    detail.resize(620, 380)
    detail.grab().save("/tmp/h4-detail-rejected.png")


def test_a_conflict_points_to_the_conflicts_view(service, store, taxonomy, recorded):
    answer(store, "conflict", revision=3, record=None, errors=None)
    cell = status_cell(service, taxonomy)
    assert cell.data() == "Konflikt"
    assert "Visa konflikter" in cell.data(Qt.ItemDataRole.ToolTipRole)
