"""Over HTTP: security headers on every answer, JSON nesting and time limits, and error bodies
that never show a stack trace or SQL, even when the database itself fails."""

from __future__ import annotations

import asyncio
import json
import socket
import time
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from est_desktop.server.limits import MAX_JSON_DEPTH, BodySizeLimit, json_too_deep
from est_desktop.server.security_headers import SECURITY_HEADERS
from tests.postgres import database_params, fresh_database
from tests.server.endpoints import Endpoint, app_endpoints, bearer, call
from tests.server.running_server import (
    RunningServer,
    assert_error,
    incident_change,
    prepare_database,
    start_server,
)

LEAKS = ("Traceback", "SELECT", "INSERT", "sqlite", "psycopg", "sqlalchemy", 'File "', "records")


def assert_security_headers(answer: requests.Response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert answer.headers.get(name) == value, (name, answer.status_code, answer.url)


def nested(depth: int) -> list:
    """Lists `depth` levels deep."""
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


@pytest.fixture(scope="module")
def token(server: RunningServer) -> str:
    return server.token("admin")


@pytest.mark.parametrize("endpoint", app_endpoints(), ids=str)
def test_every_endpoint_answers_with_the_security_headers(
    server: RunningServer, token: str, endpoint: Endpoint
) -> None:
    for headers in ({}, bearer(token), bearer("forged")):
        assert_security_headers(call(server, endpoint, headers))


def test_errors_and_the_schema_carry_the_security_headers_too(
    server: RunningServer, token: str
) -> None:
    answers = [
        server.request("GET", "/openapi.json"),
        server.request("GET", "/no/such/path"),
        server.request("DELETE", "/health"),
        server.request("GET", "/sync/pull", token=token, params={"limit": 0}),
        server.request("POST", "/sync/push", token=token, data=b"{"),
        server.request("POST", "/sync/push", token=token, data=b"x" * (5 * 1024 * 1024 + 1)),
        server.login("nobody", "fel", address=f"192.0.2.{uuid.uuid4().hex[:6]}"),
    ]
    assert [a.status_code for a in answers] == [200, 404, 405, 422, 400, 413, 401]
    for answer in answers:
        assert_security_headers(answer)


def test_a_login_answer_holding_a_token_is_never_cached(server: RunningServer) -> None:
    answer = server.login("rep_boras")
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "no-store"


def test_json_depth_is_measured_without_recursion() -> None:
    assert not json_too_deep(nested(MAX_JSON_DEPTH))
    assert json_too_deep(nested(MAX_JSON_DEPTH + 1))
    assert json_too_deep(nested(100_000))  # would overflow a recursive walk
    assert not json_too_deep({"a": [1, {"b": "c"}], "d": list(range(10_000))})
    assert json_too_deep({"wide": [1, 2], "deep": {"x": nested(MAX_JSON_DEPTH)}})


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH, 900, 990, 5000])
def test_a_deeply_nested_body_is_400_never_a_5xx(
    server: RunningServer, token: str, depth: int
) -> None:
    change = json.dumps(incident_change(description="HERE"))
    deep = "[" * (depth - 1) + "1" + "]" * (depth - 1)  # too deep for json.dumps to write
    raw = ('{"changes": [' + change.replace('"HERE"', deep) + "]}").encode()
    answer = server.request("POST", "/sync/push", token=token, data=raw)
    error = assert_error(answer, 400, "invalid_json")
    assert str(MAX_JSON_DEPTH) in error["message"] or "djupt" in error["message"]


def test_a_body_nested_within_the_limit_is_read(server: RunningServer, token: str) -> None:
    change = incident_change(description=nested(MAX_JSON_DEPTH - 5))
    answer = server.push(token, [change])
    assert answer.status_code == 200, answer.text
    (result,) = answer.json()["results"]
    assert result["status"] == "rejected" and "description" in result["errors"]


def test_a_body_that_trickles_in_is_answered_408() -> None:
    """A client that sends part of a body and then stalls holds nothing for long."""
    sent: list[dict] = []
    reached_app = False

    async def app(scope: dict, receive: object, send: object) -> None:
        nonlocal reached_app
        reached_app = True

    async def receive() -> dict:
        if not sent:
            sent.append({})
            return {"type": "http.request", "body": b'{"changes": [', "more_body": True}
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")

    answers: list[dict] = []

    async def send(message: dict) -> None:
        answers.append(message)

    limit = BodySizeLimit(app, max_bytes=1024, read_seconds=0.2)
    started = time.monotonic()
    asyncio.run(limit({"type": "http", "headers": []}, receive, send))  # type: ignore[arg-type]
    assert time.monotonic() - started < 2
    assert not reached_app
    assert answers[0]["status"] == 408
    body = json.loads(answers[1]["body"])
    assert body["error"]["code"] == "request_timeout"


def test_an_idle_connection_is_closed_by_the_server(server: RunningServer) -> None:
    if not server.database_url.startswith("sqlite"):
        pytest.skip("a property of the HTTP layer; once is enough")
    host, port = server.base.removeprefix("http://").split("/")[0].split(":")
    with socket.create_connection((host, int(port)), timeout=15) as sock:
        sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n")
        received, started = b"", time.monotonic()
        while chunk := sock.recv(65536):  # until the server closes (our timeout would raise)
            received += chunk
        assert received.startswith(b"HTTP/1.1 200") and received.endswith(b"}")
        assert time.monotonic() - started < 10


@pytest.mark.parametrize("backend", database_params())
def test_a_database_error_is_a_generic_500_without_sql_or_trace(
    backend: str, tmp_path: Path
) -> None:
    with fresh_database(backend, tmp_path) as url:
        prepare_database(url, {"kim": ("bostader", "reporter")})
        server = start_server(url, tmp_path)
        try:
            token = server.token("kim")
            engine = create_engine(url)
            with engine.begin() as conn:
                conn.execute(text("DROP TABLE records"))
            engine.dispose()
            for answer in (
                server.request("GET", "/sync/pull", token=token),
                server.push(token, [incident_change()]),
            ):
                error = assert_error(answer, 500, "internal_error")
                assert error == {"code": "internal_error", "message": error["message"]}
                assert not [leak for leak in LEAKS if leak.lower() in answer.text.lower()]
                assert_security_headers(answer)
        finally:
            assert server.stop() == 0, server.log()
        assert "records" in server.log()  # the details went to the log instead
