"""Measures through the sync, with hand-made server answers: a local edit is never overwritten
by a pull or a push answer; a conflict or a rejection is kept and shown, never only logged."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from est_desktop.domain.measure import Measure, measure_to_wire
from est_desktop.store.conflicts import ConflictRepository
from est_desktop.store.database import Store
from est_desktop.store.measure_conflicts import MeasureConflict
from est_desktop.store.measures import MeasureRepository
from est_desktop.store.pull_apply import apply_pull_page
from est_desktop.store.remote_rows import store_measures
from est_desktop.store.sync_apply import apply_push_results
from est_desktop.sync.engine import SyncEngine
from tests.conftest import NOW
from tests.store.records import outbox
from tests.store.test_measure_writes import ANALYST, measure_draft, measures  # noqa: F401
from tests.store.test_sync_apply import answer, send


@pytest.fixture
def synced(store: Store, measures: MeasureRepository) -> Measure:  # noqa: F811
    """A measure the server confirmed at revision 3, with nothing queued."""
    made = measures.record(measure_draft(), ANALYST, NOW)
    record = measure_to_wire(replace(made, revision=3))
    with store.transaction() as conn:
        store_measures(conn, [(str(made.id), 3, False, record)])
        conn.exec_driver_sql("DELETE FROM outbox")
    return measures.get(made.id)


def server_version(measure: Measure, revision: int, **fields: Any) -> dict[str, Any]:
    changed = replace(measure, draft=replace(measure.draft, **fields), revision=revision)
    return {**measure_to_wire(changed), "updated_by": "olle"}


def pull(store: Store, record: dict[str, Any], cursor: str = "c1") -> None:
    change = {"entity": "measure", "id": record["id"], "revision": record["revision"]}
    apply_pull_page(store, [{**change, "deleted": False, "record": record}], cursor)


def edit(measures: MeasureRepository, measure_id: Any, **fields: Any) -> Measure:  # noqa: F811
    current = measures.get(measure_id)
    return measures.edit(current, replace(current.draft, **fields), ANALYST, NOW)


def pushed_into_conflict(
    store: Store,
    measures: MeasureRepository,  # noqa: F811
    synced: Measure,
    **mine: Any,
) -> None:
    """`mine` edited here and pushed, and the server's answer a conflict: its own title at
    revision 6."""
    edit(measures, synced.id, **mine)
    [change] = send(store)
    theirs = server_version(synced, 6, title="Deras rubrik")
    apply_push_results(store, [change], [answer(change, "conflict", 6, theirs)])


def test_a_pull_keeps_an_unpushed_edit_and_the_push_answer_brings_both_changes(
    store: Store,
    measures: MeasureRepository,  # noqa: F811
    synced: Measure,
) -> None:
    edit(measures, synced.id, title="Väktare och belysning")
    pull(store, server_version(synced, 4, follow_up="Lugnare kvällar"))

    assert measures.get(synced.id).draft.title == "Väktare och belysning"  # not overwritten
    [change] = send(store)
    merged = server_version(synced, 5, follow_up="Lugnare kvällar", title="Väktare och belysning")
    apply_push_results(store, [change], [answer(change, "merged", 5, merged)])

    now = measures.get(synced.id)
    assert (now.revision, now.draft.title, now.draft.follow_up) == (
        5,
        "Väktare och belysning",
        "Lugnare kvällar",
    )
    assert ConflictRepository(store).list() == []


def test_an_edit_made_while_the_first_was_under_way_survives_its_answer(
    store: Store,
    measures: MeasureRepository,  # noqa: F811
    synced: Measure,
) -> None:
    edit(measures, synced.id, title="Första")
    [first] = send(store)
    edit(measures, synced.id, follow_up="Andra")
    record = server_version(synced, 4, title="Första")
    apply_push_results(store, [first], [answer(first, "applied", 4, record)])

    now = measures.get(synced.id)
    assert (now.revision, now.draft.title, now.draft.follow_up) == (4, "Första", "Andra")
    assert [(e.base_revision, e.fields) for e in outbox(store)] == [(4, {"follow_up": "Andra"})]


def test_a_conflict_is_shown_with_both_versions_and_mine_goes_out_on_the_servers_revision(
    store: Store,
    measures: MeasureRepository,  # noqa: F811
    synced: Measure,
) -> None:
    pushed_into_conflict(store, measures, synced, title="Min rubrik", follow_up="Min uppföljning")

    conflicts = ConflictRepository(store)
    [conflict] = conflicts.list()
    assert isinstance(conflict, MeasureConflict)
    assert conflict.fields == ("title", "follow_up")
    assert conflict.local.draft.title == "Min rubrik"  # nothing of mine is gone
    assert conflict.server.draft.title == "Deras rubrik"
    assert outbox(store) == []  # held, not sent again and again
    assert conflicts.count() == 1 and measures.sync_states() == {str(synced.id): "conflict"}

    conflicts.resolve(conflict.record_id, {"title": "mine"}, by="eva", at=NOW)

    now = measures.get(synced.id)
    assert (now.revision, now.draft.title, now.draft.follow_up) == (6, "Min rubrik", "")
    assert [(e.base_revision, e.fields) for e in outbox(store)] == [(6, {"title": "Min rubrik"})]
    assert conflicts.list() == []


def test_taking_the_servers_version_queues_nothing(
    store: Store,
    measures: MeasureRepository,  # noqa: F811
    synced: Measure,
) -> None:
    pushed_into_conflict(store, measures, synced, title="Min rubrik")

    ConflictRepository(store).resolve(str(synced.id), {}, by="eva", at=NOW)

    now = measures.get(synced.id)
    assert (now.revision, now.draft.title) == (6, "Deras rubrik")
    assert outbox(store) == [] and measures.sync_states() == {}


def test_an_edit_while_in_conflict_stays_here_until_the_conflict_is_resolved(
    store: Store,
    measures: MeasureRepository,  # noqa: F811
    synced: Measure,
) -> None:
    pushed_into_conflict(store, measures, synced, title="Min rubrik")

    edit(measures, synced.id, description="Ny beskrivning")

    assert outbox(store) == []
    [conflict] = ConflictRepository(store).list()
    assert conflict.fields == ("title", "description")
    assert conflict.local.draft.title == "Min rubrik"


def test_a_rejected_change_keeps_its_values_says_why_and_a_newer_pull_makes_a_conflict(
    store: Store,
    measures: MeasureRepository,  # noqa: F811
    synced: Measure,
) -> None:
    edit(measures, synced.id, title="Min rubrik")
    [change] = send(store)
    errors = {"id": "Bara analytiker får ändra åtgärder."}
    apply_push_results(store, [change], [answer(change, "rejected", None, errors=errors)])

    assert measures.get(synced.id).draft.title == "Min rubrik"
    assert measures.rejection(synced.id) == errors
    assert measures.sync_states() == {str(synced.id): "rejected"}

    pull(store, server_version(synced, 4, follow_up="Från servern"))

    assert measures.get(synced.id).draft.title == "Min rubrik"  # still not overwritten
    [conflict] = ConflictRepository(store).list()
    assert conflict.fields == ("title", "follow_up")
    ConflictRepository(store).resolve(conflict.record_id, {}, by="eva", at=NOW)
    assert measures.rejection(synced.id) is None
    assert measures.get(synced.id).draft.follow_up == "Från servern"


def test_the_sync_status_counts_measure_conflicts(
    store: Store,
    measures: MeasureRepository,  # noqa: F811
    synced: Measure,
) -> None:
    pushed_into_conflict(store, measures, synced, title="Min rubrik")
    assert SyncEngine(store, transport=None).status().conflicts == 1  # type: ignore[arg-type]
