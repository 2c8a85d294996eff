"""Pull: pages in change order, the cursor, visibility, tombstones (PROTOCOL.md)."""

from __future__ import annotations

import json

import pytest

from est_desktop.server.sync_service import InvalidCursorError
from tests.server.helpers_sync import (
    ALVA,
    ANNA,
    OLLE,
    PETRA,
    SyncEnv,
    change,
    incident_fields,
    sync_fixture,  # noqa: F401  (the `sync` fixture)
)


def test_an_empty_server_answers_an_empty_page(sync: SyncEnv) -> None:
    body = json.loads(sync.service.pull(ANNA, None, 500).to_json())
    assert body["changes"] == [] and body["has_more"] is False
    again = sync.service.pull(ANNA, body["cursor"], 500)
    assert again.cursor == body["cursor"] and again.changes == []


def test_pages_follow_the_change_order_and_the_cursor(sync: SyncEnv) -> None:
    results = sync.push(ANNA, *(change(fields=incident_fields()) for _ in range(7)))
    ids = [r["id"] for r in results]
    seen, cursor, pages = [], None, 0
    while True:
        page = json.loads(sync.service.pull(ANNA, cursor, 3).to_json())
        pages += 1
        assert len(page["changes"]) <= 3
        seen += page["changes"]
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert pages == 3 and [c["id"] for c in seen] == ids
    first = seen[0]
    assert set(first) == {"entity", "id", "revision", "deleted", "record"}
    assert (first["entity"], first["revision"], first["deleted"]) == ("incident", 1, False)
    assert first["record"] == results[0]["record"]
    # Nothing new: the same cursor comes back, and the page is empty.
    assert sync.service.pull(ANNA, cursor, 3).cursor == cursor


def test_a_full_last_page_says_whether_more_remain(sync: SyncEnv) -> None:
    sync.push(ANNA, *(change(fields=incident_fields()) for _ in range(4)))
    page = sync.service.pull(ANNA, "", 4)
    assert len(page.changes) == 4 and page.has_more is False


def test_a_record_changed_several_times_travels_once_in_its_newest_form(sync: SyncEnv) -> None:
    made = sync.create()
    other = sync.create()
    cursor = sync.service.pull(ANNA, None, 1000).cursor
    for revision in (1, 2, 3):
        sync.edit(ANNA, made["id"], revision, description=f"v{revision + 1}")
    page = sync.service.pull(ANNA, cursor, 1000)
    assert [(c.id, c.revision) for c in page.changes] == [(made["id"], 4)]
    assert page.changes[0].record["description"] == "v4"
    assert other["id"] not in {c.id for c in page.changes}


def test_a_tombstone_is_pulled_deleted(sync: SyncEnv) -> None:
    made = sync.create()
    sync.delete(ANNA, made["id"], 1)
    (pulled,) = json.loads(sync.service.pull(OLLE, None, 10).to_json())["changes"]
    assert (pulled["deleted"], pulled["revision"]) == (True, 2)
    assert pulled["record"]["deleted"] is True


def test_police_records_are_pulled_only_by_those_who_may_see_them(sync: SyncEnv) -> None:
    police = sync.create(PETRA, source="police", external_id="K-1")
    staff = sync.create(ANNA)
    assert set(sync.pull_all(OLLE)) == {staff["id"]}
    assert set(sync.pull_all(ANNA, limit=1)) == {staff["id"]}
    for user in (PETRA, ALVA):
        assert set(sync.pull_all(user)) == {police["id"], staff["id"]}


def test_hidden_records_do_not_end_a_page_early(sync: SyncEnv) -> None:
    sync.push(PETRA, *(change(fields=incident_fields(source="police")) for _ in range(5)))
    staff = sync.create(ANNA)
    page = sync.service.pull(OLLE, None, 1)
    assert [c.id for c in page.changes] == [staff["id"]] and page.has_more is False


BAD_CURSORS = ["12", "c2.5", "c1.", "c1.-1", "c1.1.2", "c1.\u0663", "c1." + "9" * 20, " c1.1"]


def test_a_cursor_the_server_did_not_make_is_refused(sync: SyncEnv) -> None:
    for since in BAD_CURSORS:
        with pytest.raises(InvalidCursorError) as refused:
            sync.service.pull(ANNA, since, 10)
        assert isinstance(refused.value, ValueError) and str(refused.value)


def test_the_body_is_valid_json_whatever_the_records_hold(sync: SyncEnv) -> None:
    text = 'Citat "här" \\ och \u00e5\u00e4\u00f6 \U0001f600 \n ny rad'
    made = sync.create(description=text)
    body = sync.service.pull(ANNA, None, 10).to_json()
    assert json.loads(body)["changes"][0]["record"]["description"] == text
    assert made["record"]["description"] == text
