"""The push answer's body is made from the JSON text each result got when it was decided: it
must say exactly what the results say, for new answers, replays and upper-case change ids."""

from __future__ import annotations

import json

from est_desktop.server.push import answer_body
from tests.server.helpers_sync import (
    ANNA,
    OLLE,
    SyncEnv,
    change,
    incident_fields,
    new_id,
    sync_fixture,  # noqa: F401  (the `sync` fixture)
)


def body_results(results: list) -> list:
    return json.loads(answer_body(results))["results"]


def test_the_body_holds_the_results_of_new_changes_and_replays(sync: SyncEnv) -> None:
    created = sync.create()
    first = change(fields=incident_fields())
    bad = change(fields={**incident_fields(), "lat": "north"})
    edit = change(created["id"], {"description": "Ny text"}, base=1)
    results = sync.service.push(ANNA, "c", [first, bad, edit, first])
    assert body_results(results) == json.loads(json.dumps(results))
    assert [r["status"] for r in results] == ["applied", "rejected", "applied", "applied"]

    again = sync.service.push(ANNA, "c", [first, edit])  # replayed from the database
    assert body_results(again) == json.loads(json.dumps(again))
    assert again[0] == results[0]


def test_a_change_id_is_answered_as_it_was_sent(sync: SyncEnv) -> None:
    one = change(fields=incident_fields())
    upper = {**one, "change_id": one["change_id"].upper()}
    (result,) = sync.service.push(ANNA, "c", [upper])
    assert body_results([result]) == [result] and result["change_id"] == upper["change_id"]
    (replay,) = sync.service.push(ANNA, "c", [upper])
    assert body_results([replay]) == [replay] == [result]
    (other,) = sync.service.push(OLLE, "c", [{**upper, "id": new_id()}])
    assert body_results([other]) == [other] and other["status"] == "rejected"


def test_plain_result_lists_are_encoded_too() -> None:
    results = [{"change_id": "x", "status": "rejected", "errors": {"lat": "Fel å"}}]
    assert body_results(results) == results
