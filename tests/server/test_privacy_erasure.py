"""Retention and the right-of-access / erasure helper on a real server: `est-server retention`,
`find-text`, `redact` and the admin endpoints, as new revisions every client pulls (SQLite and
PostgreSQL)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from est_desktop.server import audit
from est_desktop.server.audit import Action, AuditEvent
from est_desktop.server.database import ServerDatabase
from est_desktop.server.tables import AppliedChangeRow, AuditRow
from tests.server.running_server import (
    RunningServer,
    assert_error,
    incident_change,
    measure_change,
    run_cli,
)

LONG_AGO = (datetime.now(UTC) - timedelta(days=6 * 366)).replace(microsecond=0)


def _name() -> str:
    """A made-up person's name no other test uses."""
    return f"Kalle Q{uuid.uuid4().hex[:8]}"


def _pushed(server: RunningServer, token: str, change: dict[str, Any]) -> dict[str, Any]:
    (result,) = server.push(token, [change]).json()["results"]
    assert result["status"] == "applied", result
    return result["record"]


def _current(server: RunningServer, token: str, record_id: str) -> dict[str, Any]:
    changes, _ = server.pull_all(token)
    return changes[record_id]


def test_admins_find_records_that_mention_a_name_in_any_case(server: RunningServer) -> None:
    reporter, analyst, admin = (server.token(u) for u in ("rep_bostader", "analyst", "admin"))
    name = _name()
    incident = incident_change(description=f"{name.upper()} sprayade", place_name=f"Hos {name}")
    measure = measure_change(follow_up=f"Pratade med {name.lower()}")
    _pushed(server, reporter, incident)
    _pushed(server, analyst, measure)

    answer = server.request("POST", "/admin/find-text", token=admin, json={"text": name})
    assert answer.status_code == 200, answer.text
    found = {m["id"]: m for m in answer.json()["matches"]}
    assert answer.json()["count"] == 2
    assert found[incident["id"]]["fields"] == ["description", "place_name"]
    assert found[measure["id"]]["fields"] == ["follow_up"]
    assert found[incident["id"]]["record"]["description"] == f"{name.upper()} sprayade"

    for token in (reporter, analyst):
        forbidden = server.request("POST", "/admin/find-text", token=token, json={"text": name})
        assert_error(forbidden, 403, "forbidden")
    short = server.request("POST", "/admin/find-text", token=admin, json={"text": "ab"})
    assert set(assert_error(short, 422, "validation_error")["fields"]) == {"text"}


def test_redaction_replaces_the_name_everywhere_as_a_new_revision(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    reporter, admin = server.token("rep_bostader"), server.token("admin")
    name = _name()
    change = incident_change(description=f"{name} sprayade på muren")
    _pushed(server, reporter, change)

    dry = server.request(
        "POST", "/admin/redact", token=admin, json={"text": name.lower(), "dry_run": True}
    )
    assert dry.json() == {
        "dry_run": True,
        "records": 1,
        "by_entity": {"incident": 1},
        "answers_rewritten": 1,
    }
    assert _current(server, reporter, change["id"])["revision"] == 1

    done = server.request("POST", "/admin/redact", token=admin, json={"text": name.lower()})
    assert (done.json()["records"], done.json()["answers_rewritten"]) == (1, 1)
    pulled = _current(server, reporter, change["id"])
    assert pulled["revision"] == 2
    assert pulled["record"]["description"] == "[…] sprayade på muren"
    assert pulled["record"]["updated_by"] == "admin"
    again = server.request("POST", "/admin/find-text", token=admin, json={"text": name})
    assert again.json() == {"count": 0, "matches": []}

    # An offline edit of the text made before the erasure does not bring the name back.
    stale = incident_change(change["id"], base_revision=1, description=f"{name} igen")
    (result,) = server.push(reporter, [stale]).json()["results"]
    assert result["status"] == "conflict"
    # Neither the kept push answer nor the audit log holds the name.
    with server_db.reading() as conn:
        answer = conn.scalar(
            select(AppliedChangeRow.result).where(AppliedChangeRow.change_id == change["change_id"])
        )
        logged = conn.execute(select(AuditRow)).all()
    assert name.lower() not in json.loads(answer)["record"]["description"].lower()
    assert name.lower() not in str(logged).lower()
    assert any(r.action == "text_redacted" and r.record_id == change["id"] for r in logged)


def test_est_server_find_text_and_redact(server: RunningServer, module_database_url: str) -> None:
    reporter = server.token("rep_boras")
    name = _name()
    change = incident_change(description=f"Bråk utanför hos {name}")
    _pushed(server, reporter, change)

    found = run_cli("find-text", "--database", module_database_url, name.swapcase())
    assert found.returncode == 0, found.stderr
    assert change["id"] in found.stdout and f"hos {name}" in found.stdout
    assert found.stdout.splitlines()[-1] == "1 poster nämner texten."

    dry = run_cli("redact", "--database", module_database_url, name, "--dry-run")
    assert dry.returncode == 0 and "1 händelse" in dry.stdout
    assert _current(server, reporter, change["id"])["revision"] == 1
    done = run_cli("redact", "--database", module_database_url, name)
    assert done.returncode == 0, done.stderr
    record = _current(server, reporter, change["id"])["record"]
    assert record["description"] == "Bråk utanför hos […]"
    assert record["updated_by"].startswith("cli")
    assert run_cli("redact", "--database", module_database_url, "x").returncode == 2


def test_retention_redacts_old_incidents_and_keeps_them_for_statistics(
    server: RunningServer, module_database_url: str
) -> None:
    reporter = server.token("rep_bostader")
    old = incident_change(
        occurred_at=LONG_AGO.isoformat(),
        description="Gammal händelse med namn",
        place_name="Hässleholmens centrum",
    )
    old_address = incident_change(occurred_at=LONG_AGO.isoformat(), place_name="Storgatan 3")
    recent = incident_change(description="Ny händelse")
    for change in (old, old_address, recent):
        _pushed(server, reporter, change)

    dry = run_cli("retention", "--database", module_database_url, "--older-than", "5y", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Torrkörning" in dry.stdout and " händelser skulle maskas" in dry.stdout
    assert _current(server, reporter, old["id"])["revision"] == 1

    done = run_cli("retention", "--database", module_database_url, "--older-than", "5y")
    assert done.returncode == 0, done.stderr
    redacted = _current(server, reporter, old["id"])
    record = redacted["record"]
    assert redacted["revision"] == 2 and not redacted["deleted"]
    assert record["description"] == ""
    assert record["place_name"] == "Hässleholmens centrum"  # a public place: kept
    assert record["time_precision"] == "date"
    assert record["category"] == old["fields"]["category"]
    assert _current(server, reporter, old_address["id"])["record"]["place_name"] == ""
    assert _current(server, reporter, recent["id"])["revision"] == 1

    again = run_cli("retention", "--database", module_database_url, "--older-than", "5y")
    assert again.returncode == 0
    assert _current(server, reporter, old["id"])["revision"] == 2  # nothing left to do


def test_retention_in_delete_mode_leaves_tombstones_without_text(
    server: RunningServer, module_database_url: str
) -> None:
    reporter = server.token("rep_boras")
    old = incident_change(occurred_at=LONG_AGO.isoformat(), description="Ska bort")
    _pushed(server, reporter, old)

    done = run_cli(
        "retention", "--database", module_database_url, "--older-than", "5y", "--mode", "delete"
    )
    assert done.returncode == 0, done.stderr
    gone = _current(server, reporter, old["id"])
    assert gone["deleted"] and gone["record"]["description"] == ""
    bad = run_cli("retention", "--database", module_database_url, "--mode", "shred")
    assert bad.returncode == 2


def test_retention_forgets_audit_entries_older_than_their_own_limit(
    server: RunningServer, server_db: ServerDatabase, module_database_url: str
) -> None:
    marker = f"ancient-{uuid.uuid4().hex[:8]}"
    with server_db.transaction() as conn:
        audit.record(conn, [AuditEvent(marker, Action.PULL, count=1)], at=LONG_AGO)
    server.token("analyst")  # a fresh entry, to be kept

    args = ("retention", "--database", module_database_url, "--audit-older-than", "2y")
    dry = run_cli(*args, "--dry-run")
    assert dry.returncode == 0 and "i granskningsloggen skulle glömmas" in dry.stdout
    assert run_cli(*args).returncode == 0

    with server_db.reading() as conn:
        users = set(conn.scalars(select(AuditRow.username)))
    assert marker not in users and "analyst" in users
