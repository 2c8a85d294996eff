"""Over HTTP: push and pull as PROTOCOL.md promises them, at the level of status codes and
bodies (the decisions themselves are tested without HTTP in test_push.py and its siblings)."""

from __future__ import annotations

import uuid

import pytest

from est_desktop.geo.district_lookup import DistrictLookup
from tests.server.running_server import (
    HULTA,
    RunningServer,
    incident_change,
    measure_change,
)

RESULT_KEYS = {"change_id", "id", "status", "revision", "record", "errors"}


@pytest.fixture(scope="module")
def tokens(server: RunningServer) -> dict[str, str]:
    names = ("rep_bostader", "rep_boras", "analyst", "police", "admin")
    return {name: server.token(name) for name in names}


def push_one(server: RunningServer, token: str, change: dict) -> dict:
    answer = server.push(token, [change])
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    (result,) = answer.json()["results"]
    assert set(result) == RESULT_KEYS
    assert result["change_id"] == change["change_id"]
    return result


def test_a_new_incident_is_applied_and_pulled_by_others(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    change = incident_change()
    result = push_one(server, tokens["rep_bostader"], change)
    assert result["status"] == "applied"
    assert result["id"] == change["id"]
    assert result["revision"] == 1
    pulled, _ = server.pull_all(tokens["rep_boras"])
    record = pulled[change["id"]]
    assert record["entity"] == "incident"
    assert record["revision"] == 1 and record["deleted"] is False
    assert record["record"]["organisation"] == "bostader"
    assert record["record"]["category"] == "klotter"
    assert record["record"]["district"] == DistrictLookup.default().district_at(*HULTA)


def test_a_change_sent_again_gets_its_first_answer_and_applies_nothing(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    token = tokens["rep_bostader"]
    change = incident_change()
    first = server.push(token, [change]).json()
    again = server.push(token, [change, change]).json()
    assert again["results"] == [first["results"][0]] * 2
    pulled, _ = server.pull_all(token)
    assert pulled[change["id"]]["revision"] == 1


def test_edits_are_applied_merged_or_in_conflict(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    token = tokens["rep_boras"]
    new = incident_change()
    push_one(server, token, new)
    edit = push_one(server, token, incident_change(new["id"], base_revision=1, description="Nytt"))
    assert (edit["status"], edit["revision"]) == ("applied", 2)
    merged = push_one(
        server, token, incident_change(new["id"], base_revision=1, place_name="Torget")
    )
    assert (merged["status"], merged["revision"]) == ("merged", 3)
    conflict = push_one(
        server, token, incident_change(new["id"], base_revision=1, description="Annat")
    )
    assert conflict["status"] == "conflict"
    assert conflict["record"]["description"] == "Nytt"
    assert conflict["record"]["revision"] == 3


def test_a_delete_leaves_a_tombstone_that_is_pulled(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    token = tokens["rep_bostader"]
    new = incident_change()
    push_one(server, token, new)
    _, cursor = server.pull_all(token)
    deleted = push_one(server, token, incident_change(new["id"], base_revision=1, op="delete"))
    assert (deleted["status"], deleted["revision"]) == ("applied", 2)
    pulled, _ = server.pull_all(token, since=cursor)
    assert pulled[new["id"]]["deleted"] is True
    assert pulled[new["id"]]["revision"] == 2
    late_edit = push_one(
        server, token, incident_change(new["id"], base_revision=1, description="x")
    )
    assert late_edit["status"] == "conflict"
    assert late_edit["record"]["deleted"] is True


def test_a_new_record_with_an_id_that_exists_is_a_conflict(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    token = tokens["rep_bostader"]
    first = incident_change()
    push_one(server, token, first)
    twin = incident_change()
    twin["id"] = first["id"]
    assert push_one(server, token, twin)["status"] == "conflict"


def test_a_reporter_cannot_change_another_organisations_incident(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    theirs = incident_change()
    push_one(server, tokens["rep_boras"], theirs)
    result = push_one(
        server,
        tokens["rep_bostader"],
        incident_change(theirs["id"], base_revision=1, description="x"),
    )
    assert result["status"] == "rejected"
    assert set(result["errors"]) == {"id"}
    admin_fix = push_one(
        server,
        tokens["admin"],
        incident_change(theirs["id"], base_revision=1, description="Rättat"),
    )
    assert admin_fix["status"] == "applied"


def test_police_records_are_pulled_only_by_analysts_admins_and_the_police(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    police_record = incident_change(source="police", external_id=f"K{police_id()}")
    assert push_one(server, tokens["police"], police_record)["status"] == "applied"
    for name, sees in [
        ("rep_bostader", False),
        ("rep_boras", False),
        ("analyst", True),
        ("admin", True),
        ("police", True),
    ]:
        pulled, _ = server.pull_all(tokens[name])
        assert (police_record["id"] in pulled) is sees, name


def test_only_the_allowed_may_create_police_records(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    change = incident_change(source="police", external_id=f"K{police_id()}")
    result = push_one(server, tokens["rep_bostader"], change)
    assert result["status"] == "rejected"
    assert result["errors"]


def test_an_unseen_record_gets_the_same_answer_whether_it_exists_or_not(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    hidden = incident_change(source="police", external_id=f"K{police_id()}")
    push_one(server, tokens["analyst"], hidden)
    reporter = tokens["rep_boras"]
    existing = push_one(
        server, reporter, incident_change(hidden["id"], base_revision=1, description="x")
    )
    missing = push_one(
        server, reporter, incident_change(incident_change()["id"], base_revision=1, description="x")
    )
    assert existing["status"] == missing["status"] == "rejected"
    assert existing["errors"] == missing["errors"]


def test_measures_are_pulled_by_all_and_changed_only_by_analysts_and_admins(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    measure = measure_change()
    assert push_one(server, tokens["analyst"], measure)["status"] == "applied"
    refused = push_one(server, tokens["rep_bostader"], measure_change())
    assert refused["status"] == "rejected"
    pulled, _ = server.pull_all(tokens["rep_bostader"])
    assert pulled[measure["id"]]["entity"] == "measure"


def test_pull_pages_through_with_the_cursor(server: RunningServer, tokens: dict[str, str]) -> None:
    token = tokens["rep_boras"]
    _, cursor = server.pull_all(token)
    changes = [incident_change() for _ in range(5)]
    server.push(token, changes)
    seen: list[str] = []
    has_more = True
    while has_more:
        answer = server.request(
            "GET", "/sync/pull", token=token, params={"since": cursor, "limit": 2}
        )
        assert answer.status_code == 200
        page = answer.json()
        assert set(page) == {"changes", "cursor", "has_more", "reference_version"}
        assert len(page["changes"]) <= 2
        seen += [change["id"] for change in page["changes"]]
        cursor, has_more = page["cursor"], page["has_more"]
    assert seen == [change["id"] for change in changes]
    empty = server.request("GET", "/sync/pull", token=token, params={"since": cursor}).json()
    assert empty["changes"] == [] and empty["has_more"] is False


def test_pull_without_since_or_with_an_empty_one_starts_at_the_beginning(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    token = tokens["analyst"]
    change = incident_change()
    push_one(server, token, change)
    for params in ({}, {"since": ""}):
        answer = server.request("GET", "/sync/pull", token=token, params={**params, "limit": 1000})
        assert change["id"] in {c["id"] for c in answer.json()["changes"]}


def police_id() -> str:
    return uuid.uuid4().hex[:12]


def test_a_pull_names_the_reference_version_so_clients_know_when_to_refetch(
    server: RunningServer, tokens: dict[str, str]
) -> None:
    token = tokens["rep_bostader"]
    reference = server.request("GET", "/reference", token=token).json()
    page = server.request("GET", "/sync/pull", token=token, params={"limit": 1}).json()
    assert page["reference_version"] == reference["version"]
