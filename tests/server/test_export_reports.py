"""`POST /api/v1/audit/export` with a report id: a client's export is logged once, however often
and however concurrently it is sent (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

from tests.server.running_server import RunningServer, assert_error


def _exports_with(server: RunningServer, report_id: str) -> list[dict]:
    admin = server.token("admin")
    params = {"action": "export", "limit": 1000}
    answer = server.request("GET", "/admin/audit", token=admin, params=params)
    assert answer.status_code == 200, answer.text
    return [e for e in answer.json()["entries"] if e["record_id"] == report_id]


def test_a_report_sent_again_and_at_once_is_logged_once(server: RunningServer) -> None:
    token = server.token("analyst")
    report_id = str(uuid.uuid4())
    body = {"report_id": report_id, "kind": "report", "format": "pdf", "count": 7, "police": True}
    with ThreadPoolExecutor(6) as pool:
        answers = list(
            pool.map(
                lambda _: server.request("POST", "/audit/export", token=token, json=body), range(6)
            )
        )
    assert [a.status_code for a in answers] == [200] * 6
    assert all(a.json() == {"recorded": True} for a in answers)
    [entry] = _exports_with(server, report_id)
    assert (entry["username"], entry["count"]) == ("analyst", 7)
    assert entry["detail"] == "kind=report format=pdf free_text=false police=true"


def test_report_ids_are_compared_in_canonical_form(server: RunningServer) -> None:
    token = server.token("rep_boras")
    report_id = uuid.uuid4()
    for spelling in (str(report_id).upper(), report_id.hex):
        body = {"report_id": spelling, "format": "csv", "count": 1}
        assert server.request("POST", "/audit/export", token=token, json=body).status_code == 200
    assert len(_exports_with(server, str(report_id))) == 1


def test_a_bad_report_id_or_kind_is_refused_and_nothing_logged(server: RunningServer) -> None:
    token = server.token("rep_boras")
    body = {"report_id": "inte-ett-uuid", "kind": "allt", "format": "csv", "count": 1}
    answer = server.request("POST", "/audit/export", token=token, json=body)
    assert set(assert_error(answer, 422, "validation_error")["fields"]) == {"report_id", "kind"}
    assert _exports_with(server, "inte-ett-uuid") == []
