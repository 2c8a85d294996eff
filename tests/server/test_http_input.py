"""Over HTTP: bad input never gets a 5xx or a partial write. Not JSON → 400, the wrong shape →
422 with fields, too big → 413; a bad value inside one change rejects that change alone."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest

from tests.server.running_server import RunningServer, assert_error, incident_change

FIVE_MIB = 5 * 1024 * 1024


@pytest.fixture(scope="module")
def token(server: RunningServer) -> str:
    return server.token("rep_bostader")


def push_raw(server: RunningServer, token: str, data: bytes | Iterator[bytes]) -> object:
    headers = {"Content-Type": "application/json"}
    return server.request("POST", "/sync/push", token=token, data=data, headers=headers)


def envelope(*changes: object, **extra: object) -> bytes:
    return json.dumps({"client_id": str(uuid.uuid4()), "changes": list(changes), **extra}).encode()


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"{",
        b"{'changes': []}",
        b'{"changes": []} trailing',
        b"\xff\xfe\x00{",
        b'{"changes": [], "client_id": "\xe5"}',  # Latin-1, not UTF-8
        b"\xef\xbb\xbf" + b'{"changes": []}',  # a byte order mark is not JSON
        b'{"changes": [], "x": NaN}',
        b'{"changes": [], "x": Infinity}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"changes": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_000 + b"}",
        b"changes=[]",
    ],
)
def test_a_body_that_is_not_json_is_400(server: RunningServer, token: str, raw: bytes) -> None:
    assert_error(push_raw(server, token, raw), 400, "invalid_json")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"null", "body"),
        (b"[]", "body"),
        (b'"changes"', "body"),
        (b"42", "body"),
        (b"{}", "changes"),
        (b'{"changes": null}', "changes"),
        (b'{"changes": {"0": {}}}', "changes"),
        (b'{"changes": "[]"}', "changes"),
        (b'{"changes": [], "client_id": 5}', "client_id"),
        (b'{"changes": [1]}', "changes[0]"),
        (b'{"changes": [null]}', "changes[0]"),
        (b'{"changes": [{}]}', "changes[0].change_id"),
        (b'{"changes": [{"change_id": 7}]}', "changes[0].change_id"),
        (b'{"changes": [{"change_id": "not-a-uuid"}]}', "changes[0].change_id"),
        (
            b'{"changes": [{"change_id": "urn:uuid:0b6e5bd4-04a8-4d6a-9a53-1c6f3e9b1a11"}]}',
            "changes[0].change_id",
        ),
        (
            b'{"changes": [{"change_id": "0b6e5bd404a84d6a9a531c6f3e9b1a11"}]}',
            "changes[0].change_id",
        ),
        (b'{"changes": [{"change_id": "\\ud800"}]}', "changes[0].change_id"),
    ],
)
def test_a_push_envelope_of_the_wrong_shape_is_422_with_fields(
    server: RunningServer, token: str, body: bytes, field: str
) -> None:
    error = assert_error(push_raw(server, token, body), 422, "validation_error")
    assert field in error["fields"], error
    assert all(isinstance(message, str) and message for message in error["fields"].values())


def test_an_envelope_error_applies_nothing(server: RunningServer, token: str) -> None:
    good = incident_change()
    answer = push_raw(server, token, envelope(good, {"change_id": "oops", "entity": "incident"}))
    error = assert_error(answer, 422, "validation_error")
    assert set(error["fields"]) == {"changes[1].change_id"}
    pulled, _ = server.pull_all(token)
    assert good["id"] not in pulled
    # The good change was not remembered either: sent alone, it is applied now.
    again = server.push(token, [good])
    assert again.status_code == 200
    assert again.json()["results"][0]["status"] == "applied"


def test_a_push_without_client_id_is_accepted(server: RunningServer, token: str) -> None:
    change = incident_change()
    answer = push_raw(server, token, json.dumps({"changes": [change]}).encode())
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"][0]["status"] == "applied"


def test_an_empty_push_answers_no_results(server: RunningServer, token: str) -> None:
    answer = push_raw(server, token, envelope())
    assert answer.status_code == 200
    assert answer.json() == {"results": []}


def test_more_than_500_changes_is_413_and_applies_nothing(
    server: RunningServer, token: str
) -> None:
    changes = [incident_change() for _ in range(501)]
    assert_error(push_raw(server, token, envelope(*changes)), 413, "payload_too_large")
    pulled, _ = server.pull_all(token)
    assert not {c["id"] for c in changes} & set(pulled)


def test_500_changes_are_accepted(server: RunningServer, token: str) -> None:
    changes = [incident_change() for _ in range(500)]
    answer = push_raw(server, token, envelope(*changes))
    assert answer.status_code == 200, answer.text
    assert [r["status"] for r in answer.json()["results"]] == ["applied"] * 500


def test_a_body_over_5_mib_is_413(server: RunningServer, token: str) -> None:
    padding = "x" * FIVE_MIB
    raw = envelope(incident_change(description="kort"), padding=padding)
    assert len(raw) > FIVE_MIB
    assert_error(push_raw(server, token, raw), 413, "payload_too_large")


def test_a_streamed_body_over_5_mib_is_413(server: RunningServer, token: str) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: sent chunked
        yield b'{"changes": [], "padding": "'
        for _ in range(6):
            yield b"x" * (1024 * 1024)
        yield b'"}'

    assert_error(push_raw(server, token, chunks()), 413, "payload_too_large")


def test_a_body_just_under_5_mib_is_read(server: RunningServer, token: str) -> None:
    raw = envelope(padding="")
    raw = raw[:-1] + b', "pad": "' + b"x" * (FIVE_MIB - len(raw) - 20) + b'"}'
    assert len(raw) <= FIVE_MIB
    assert push_raw(server, token, raw).status_code == 200


def test_an_oversized_body_is_413_even_without_a_token(server: RunningServer) -> None:
    answer = server.request("POST", "/auth/token", data=b"{" + b" " * (FIVE_MIB + 1) + b"}")
    assert_error(answer, 413, "payload_too_large")


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"lat": "57.72"}, "lat"),
        ({"lat": True}, "lat"),
        ({"category": 5}, "category"),
        ({"occurred_at": 1700000000}, "occurred_at"),
        ({"description": "x" * 2001}, "description"),
        ({"police_notified": "ja"}, "police_notified"),
    ],
)
def test_a_wrong_value_rejects_that_change_alone(
    server: RunningServer, token: str, fields: dict, bad: str
) -> None:
    bad_change, good_change = incident_change(**fields), incident_change()
    answer = server.push(token, [bad_change, good_change])
    assert answer.status_code == 200, answer.text
    rejected, applied = answer.json()["results"]
    assert rejected["status"] == "rejected"
    assert bad in rejected["errors"]
    assert applied["status"] == "applied"


@pytest.mark.parametrize(
    "raw_value",
    [
        b"1e999",
        b"-1e999",
        b"1" * 5000,
        b'"\\ud800"',
        b'"a\\u0000b"',
        b"[" * 200 + b"]" * 200,
        b'{"a": ' * 200 + b"1" + b"}" * 200,
    ],
)
def test_odd_json_values_inside_fields_are_rejected_not_5xx(
    server: RunningServer, token: str, raw_value: bytes
) -> None:
    placeholder = "__VALUE__"
    change = incident_change(description=placeholder)
    raw = envelope(change, incident_change()).replace(f'"{placeholder}"'.encode(), raw_value)
    answer = push_raw(server, token, raw)
    assert answer.status_code == 200, answer.text
    first, second = answer.json()["results"]
    assert first["status"] == "rejected" and "description" in first["errors"]
    assert second["status"] == "applied"


@pytest.mark.parametrize("limit", ["0", "1001", "-1", "abc", "1.5", ""])
def test_pull_limit_outside_1_to_1000_is_422(server: RunningServer, token: str, limit: str) -> None:
    answer = server.request("GET", "/sync/pull", token=token, params={"limit": limit})
    error = assert_error(answer, 422, "validation_error")
    assert set(error["fields"]) == {"limit"}


@pytest.mark.parametrize("since", ["garbage", "-1", "c:abc", "x" * 2000, "\u00e5"])
def test_pull_with_a_cursor_the_server_did_not_make_is_422(
    server: RunningServer, token: str, since: str
) -> None:
    answer = server.request("GET", "/sync/pull", token=token, params={"since": since})
    error = assert_error(answer, 422, "validation_error")
    assert set(error["fields"]) == {"since"}


@pytest.mark.parametrize("limit", ["1", "1000"])
def test_pull_limit_at_the_bounds_is_fine(server: RunningServer, token: str, limit: str) -> None:
    answer = server.request("GET", "/sync/pull", token=token, params={"limit": limit})
    assert answer.status_code == 200
