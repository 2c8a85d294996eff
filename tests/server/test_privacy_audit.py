"""The audit log over HTTP and `est-server audit`: who pulled, pushed, logged in, exported, and
never what the records say (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.server.running_server import (
    RunningServer,
    assert_error,
    incident_change,
    run_cli,
)

SECRET_TEXT = "Hemlig beskrivning 4711"


def _audit(server: RunningServer, token: str, **params: Any) -> list[dict[str, Any]]:
    """Every entry the filter selects, following the cursor page by page."""
    entries: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        answer = server.request("GET", "/admin/audit", token=token, params=query)
        assert answer.status_code == 200, answer.text
        page = answer.json()
        entries.extend(page["entries"])
        cursor = page["cursor"]
        if not page["has_more"]:
            return entries


def test_pushes_and_pulls_are_logged_per_change_and_per_page_without_contents(
    server: RunningServer,
) -> None:
    started = datetime.now(UTC) - timedelta(seconds=1)
    reporter, admin = server.token("rep_bostader"), server.token("admin")
    good = incident_change(description=SECRET_TEXT)
    bad = incident_change(category="ingen-sådan")
    assert server.push(reporter, [good, bad]).status_code == 200
    server.pull_all(reporter)

    entries = _audit(server, admin, user="rep_bostader", since=started.isoformat())
    pushes = {e["record_id"]: e for e in entries if e["action"] == "push"}
    assert pushes[good["id"]]["entity"] == "incident"
    assert (pushes[good["id"]]["op"], pushes[good["id"]]["status"]) == ("upsert", "applied")
    assert pushes[bad["id"]]["status"] == "rejected"
    pulls = [e for e in entries if e["action"] == "pull"]
    assert pulls and all(e["count"] >= 1 for e in pulls)
    assert any(e["action"] == "login" for e in entries)
    assert SECRET_TEXT not in str(_audit(server, admin))


def test_failed_logins_are_logged_with_the_name_tried_and_the_address(
    server: RunningServer,
) -> None:
    admin = server.token("admin")
    name, address = f"nobody-{uuid.uuid4().hex[:8]}", "10.9.8.7"
    assert server.login(name, "fel", address=address).status_code == 401

    entries = _audit(server, admin, user=name)
    assert [(e["action"], e["detail"]) for e in entries] == [("login_failed", f"address={address}")]


def test_only_admins_read_the_audit_log(server: RunningServer) -> None:
    assert_error(server.request("GET", "/admin/audit"), 401, "unauthorized")
    for username in ("rep_boras", "analyst", "police"):
        answer = server.request("GET", "/admin/audit", token=server.token(username))
        assert_error(answer, 403, "forbidden")


def test_the_audit_log_pages_with_a_cursor_and_filters_by_time_and_action(
    server: RunningServer,
) -> None:
    admin = server.token("admin")
    everything = _audit(server, admin)
    paged = _audit(server, admin, limit=2)
    assert [e["id"] for e in paged][: len(everything)] == [e["id"] for e in everything]
    assert len({e["id"] for e in paged}) == len(paged)

    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    assert _audit(server, admin, since=tomorrow) == []
    logins = _audit(server, admin, action="login")
    assert logins and {e["action"] for e in logins} == {"login"}
    for params in ({"since": "igår"}, {"cursor": "x"}, {"limit": 0}):
        answer = server.request("GET", "/admin/audit", token=admin, params=params)
        assert_error(answer, 422, "validation_error")


def test_reading_the_audit_log_is_itself_logged(server: RunningServer) -> None:
    admin = server.token("admin")
    _audit(server, admin, action="pull")
    reads = _audit(server, admin, action="audit_read", user="admin")
    assert reads and reads[-1]["count"] is not None


def test_a_client_reports_an_export_and_it_is_logged(server: RunningServer) -> None:
    analyst, admin = server.token("analyst"), server.token("admin")
    body = {"count": 42, "format": "csv", "free_text": True, "police": False}
    answer = server.request("POST", "/audit/export", token=analyst, json=body)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"recorded": True}

    exports = _audit(server, admin, action="export", user="analyst")
    assert (exports[-1]["count"], exports[-1]["detail"]) == (
        42,
        "format=csv free_text=true police=false",
    )
    wrong = server.request("POST", "/audit/export", token=analyst, json={"count": -1})
    assert set(assert_error(wrong, 422, "validation_error")["fields"]) == {"count", "format"}
    assert_error(server.request("POST", "/audit/export", json=body), 401, "unauthorized")


def test_est_server_audit_lists_the_log_for_a_user_since_a_date(
    server: RunningServer, module_database_url: str
) -> None:
    server.token("rep_boras")
    today = datetime.now(UTC).date().isoformat()
    result = run_cli(
        "audit", "--database", module_database_url, "--since", today, "--user", "rep_boras"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["TID", "ANVÄNDARE", "HÄNDELSE"]
    assert any(" login " in f" {line} " for line in lines[1:])
    assert all("rep_boras" in line for line in lines[1:])
    bad = run_cli("audit", "--database", module_database_url, "--since", "förra veckan")
    assert bad.returncode == 2
