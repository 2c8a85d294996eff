"""A measure changed here and on the server, in the same conflicts dialog as incidents."""

from __future__ import annotations

from est_desktop.domain.measure import Measure, MeasureStatus
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.conflicts import ConflictRepository
from est_desktop.store.database import Store
from est_desktop.store.measures import MeasureRepository
from est_desktop.store.sync_apply import apply_push_results
from est_desktop.ui.conflicts_dialog import ConflictsDialog
from tests.store.records import outbox
from tests.store.test_measure_sync import edit, server_version, synced  # noqa: F401
from tests.store.test_measure_writes import measures  # noqa: F401
from tests.store.test_sync_apply import answer, send


def test_a_measure_conflict_is_shown_field_by_field_and_settled_per_field(
    qtbot,
    store: Store,
    measures: MeasureRepository,  # noqa: F811
    synced: Measure,  # noqa: F811
    taxonomy,
):
    edit(measures, synced.id, title="Min rubrik", categories=("klotter", "glaskross"))
    [change] = send(store)
    theirs = server_version(synced, 6, title="Deras rubrik", status=MeasureStatus.ONGOING)
    apply_push_results(store, [change], [answer(change, "conflict", 6, theirs)])

    dialog = ConflictsDialog(
        ConflictRepository(store), taxonomy, DistrictLookup.default(), lambda: "eva"
    )
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.records.item(0).text() == "Åtgärd: Min rubrik"
    assert dialog.row_texts("title") == ("Rubrik", "Min rubrik", "Deras rubrik")
    assert dialog.row_texts("status") == ("Status", "Planerad", "Pågår")
    labels = f"{taxonomy.label('klotter')}, {taxonomy.label('glaskross')}"
    assert dialog.row_texts("categories") == ("Kategorier", labels, taxonomy.label("klotter"))
    assert dialog.row_texts("radius_m")[1:] == ("150.00000", "150.00000")
    assert set(dialog.choices) == {"title", "status", "categories"}
    assert "olle" in dialog.notice.text()

    for name, side in (("title", "mine"), ("status", "theirs"), ("categories", "theirs")):
        dialog.choices[name].setCurrentIndex(dialog.choices[name].findData(side))
    with qtbot.waitSignal(dialog.resolved):
        dialog.save_chosen_button.click()

    assert dialog.records.count() == 0
    now = measures.get(synced.id)
    assert (now.draft.title, now.draft.status.value, now.draft.categories) == (
        "Min rubrik",
        "ongoing",
        ("klotter",),
    )
    assert [(e.base_revision, e.fields) for e in outbox(store)] == [(6, {"title": "Min rubrik"})]
