"""The conflicts view: both versions field by field, and each way of settling a conflict."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from est_desktop.domain.incident import Incident, IncidentDraft, SyncState
from est_desktop.domain.wire import incident_to_wire
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.conflicts import DELETION, ConflictRepository
from est_desktop.store.outbox import pending_changes
from est_desktop.store.sync_apply import apply_push_results
from est_desktop.ui.conflicts_dialog import ConflictsDialog
from tests.conftest import NOW
from tests.ui.fakes_sync import FakeConflictRepository, conflict

MINE = Incident(
    id=uuid.UUID("6f1c2d3e-0000-4000-8000-000000000001"),
    occurred_at=NOW - timedelta(hours=3),
    category="klotter",
    lat=57.72,
    lon=12.98,
    district="hassleholmen",
    place_name="Tornet",
    description="Klotter på väggen",
    police_notified=False,
    updated_by="anna",
)
THEIRS = replace(MINE, category="glaskross", police_notified=True, revision=4, updated_by="bertil")


@pytest.fixture
def districts() -> DistrictLookup:
    return DistrictLookup.default()


def open_dialog(qtbot, repository, taxonomy, districts) -> ConflictsDialog:
    dialog = ConflictsDialog(repository, taxonomy, districts, lambda: "anna")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def repository() -> FakeConflictRepository:
    return FakeConflictRepository([conflict(MINE, THEIRS, ("category", "police_notified"))])


def test_both_versions_are_shown_field_by_field_as_a_person_reads_them(
    qtbot, repository, taxonomy, districts
):
    dialog = open_dialog(qtbot, repository, taxonomy, districts)

    assert dialog.records.count() == 1
    assert "Tornet" in dialog.records.item(0).text()
    assert dialog.row_texts("category") == (
        "Kategori",
        taxonomy.label("klotter"),
        taxonomy.label("glaskross"),
    )
    assert dialog.row_texts("police_notified") == ("Polisen underrättad", "Nej", "Ja")
    assert dialog.row_texts("district")[1] == districts.name_of("hassleholmen")
    assert dialog.row_texts("occurred_at")[1].count(":") == 1  # local "YYYY-MM-DD HH:MM"
    assert set(dialog.choices) == {"category", "police_notified"}
    assert "bertil" in dialog.notice.text()
    dialog.grab().save("/tmp/h4-conflicts-dialog.png")


@pytest.mark.parametrize(
    ("button", "expected"),
    [
        ("keep_mine_button", {"category": "mine", "police_notified": "mine"}),
        ("take_theirs_button", {"category": "theirs", "police_notified": "theirs"}),
    ],
)
def test_whole_version_buttons_resolve_every_field(
    qtbot, repository, taxonomy, districts, button, expected
):
    dialog = open_dialog(qtbot, repository, taxonomy, districts)

    with qtbot.waitSignal(dialog.resolved) as resolved:
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)

    assert repository.resolved == [(str(MINE.id), expected, "anna")]
    assert resolved.args == [str(MINE.id)]
    assert dialog.records.count() == 0
    assert dialog.notice.text() == "Inga konflikter: allt stämmer med servern."


def test_save_chosen_resolves_field_by_field(qtbot, repository, taxonomy, districts):
    dialog = open_dialog(qtbot, repository, taxonomy, districts)
    dialog.choices["police_notified"].setCurrentIndex(1)  # the server's

    qtbot.mouseClick(dialog.save_chosen_button, Qt.MouseButton.LeftButton)

    assert repository.resolved == [
        (str(MINE.id), {"category": "mine", "police_notified": "theirs"}, "anna")
    ]


def test_a_record_deleted_on_the_server_is_shown_plainly(qtbot, taxonomy, districts):
    repository = FakeConflictRepository([conflict(MINE, None, (), server_deleted=True)])
    dialog = open_dialog(qtbot, repository, taxonomy, districts)

    assert dialog.row_texts("category")[2] == "Borttagen på servern"
    assert "Borttagen på servern" in dialog.notice.text()
    assert not dialog.save_chosen_button.isEnabled()
    qtbot.mouseClick(dialog.keep_mine_button, Qt.MouseButton.LeftButton)
    assert repository.resolved == [(str(MINE.id), {DELETION: "mine"}, "anna")]


def test_resolving_a_real_conflict_queues_the_choice_for_the_next_sync(
    qtbot, service, store, taxonomy, districts
):
    draft = IncidentDraft(
        occurred_at=NOW - timedelta(hours=2), category="klotter", lat=57.72, lon=12.98
    )
    mine = service.record(draft)
    with store.reading() as conn:
        sent = pending_changes(conn)
    theirs = replace(mine, category="glaskross", revision=7, updated_by="bertil")
    apply_push_results(
        store,
        sent,
        [
            {
                "change_id": sent[0].change_id,
                "id": str(mine.id),
                "status": "conflict",
                "revision": 7,
                "record": incident_to_wire(theirs),
                "errors": None,
            }
        ],
    )
    dialog = open_dialog(qtbot, ConflictRepository(store), taxonomy, districts)
    assert dialog.row_texts("category")[1:] == (
        taxonomy.label("klotter"),
        taxonomy.label("glaskross"),
    )

    qtbot.mouseClick(dialog.keep_mine_button, Qt.MouseButton.LeftButton)

    assert dialog.records.count() == 0
    assert service.get(mine.id).sync_state == SyncState.LOCAL
    with store.reading() as conn:
        queued = pending_changes(conn)
    assert [(c.base_revision, c.fields) for c in queued] == [(7, {"category": "klotter"})]
