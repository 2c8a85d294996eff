"""The HTTP transport against a small local stub server: every failure has its own error."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from est_desktop.sync.errors import AuthRequired, Offline, ProtocolError, ServerBusy
from est_desktop.sync.transport import HttpTransport

Reply = tuple[int, dict[str, str], bytes]


class Stub:
    """Answers each request with `reply(method, path, body)`; records what came in."""

    def __init__(self) -> None:
        self.reply: Callable[[str, str, bytes], Reply] = lambda m, p, b: (200, {}, b"{}")
        self.seen: list[tuple[str, str, dict[str, str], bytes]] = []


@pytest.fixture
def stub() -> Iterator[tuple[Stub, str]]:
    state = Stub()

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            state.seen.append((self.command, self.path, dict(self.headers), body))
            status, headers, payload = state.reply(self.command, self.path, body)
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = _serve

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def json_reply(status: int, body: object, **headers: str) -> Callable[..., Reply]:
    return lambda *_: (status, headers, json.dumps(body).encode())


def test_login_keeps_the_token_and_sends_it_afterwards(stub: tuple[Stub, str]) -> None:
    state, url = stub
    token_answer = {
        "access_token": "abc",
        "token_type": "bearer",
        "expires_at": "2026-11-27T00:00:00Z",
        "user": {"username": "anna", "organisation": "bostader", "role": "reporter"},
    }
    state.reply = json_reply(200, token_answer)
    transport = HttpTransport(url)

    session = transport.login("anna", "hemligt")
    state.reply = json_reply(200, {"results": []})
    transport.push("client", [])

    assert (session.token, session.organisation, session.expires_at.year) == (
        "abc",
        "bostader",
        2026,
    )
    assert transport.token == "abc"
    method, path, headers, body = state.seen[-1]
    assert (method, path) == ("POST", "/api/v1/sync/push")
    assert headers["Authorization"] == "Bearer abc"
    assert json.loads(body) == {"client_id": "client", "changes": []}


def test_wrong_credentials_say_so(stub: tuple[Stub, str]) -> None:
    state, url = stub
    state.reply = json_reply(401, {"error": {"code": "unauthorized", "message": "Nej."}})

    with pytest.raises(AuthRequired, match="Fel användarnamn eller lösenord"):
        HttpTransport(url).login("anna", "fel")


def test_an_expired_token_asks_for_a_login(stub: tuple[Stub, str]) -> None:
    state, url = stub
    state.reply = json_reply(401, {"error": {"code": "unauthorized", "message": "Utgången."}})

    with pytest.raises(AuthRequired):
        HttpTransport(url, token="old").pull(None)
    with pytest.raises(AuthRequired):
        HttpTransport(url).pull(None)  # no token: not even sent


@pytest.mark.parametrize(("status", "header", "wait"), [(429, "7", 7.0), (503, None, None)])
def test_a_busy_server_says_when_to_come_back(
    stub: tuple[Stub, str], status: int, header: str | None, wait: float | None
) -> None:
    state, url = stub
    headers = {"Retry-After": header} if header else {}
    state.reply = json_reply(
        status, {"error": {"code": "too_many_requests", "message": "."}}, **headers
    )

    with pytest.raises(ServerBusy) as caught:
        HttpTransport(url, token="t").push("c", [])
    assert caught.value.retry_after == wait


def test_a_body_that_is_not_json_breaks_the_protocol(stub: tuple[Stub, str]) -> None:
    state, url = stub
    state.reply = lambda *_: (200, {"Content-Type": "text/html"}, b"<html>Captive portal</html>")

    with pytest.raises(ProtocolError, match="JSON"):
        HttpTransport(url, token="t").pull(None)


def test_another_error_status_carries_the_servers_message(stub: tuple[Stub, str]) -> None:
    state, url = stub
    error = {"error": {"code": "validation_error", "message": "Ogiltig markör.", "fields": {}}}
    state.reply = json_reply(422, error)

    with pytest.raises(ProtocolError, match="422: Ogiltig markör"):
        HttpTransport(url, token="t").pull("x")


def test_pull_sends_the_cursor_and_limit(stub: tuple[Stub, str]) -> None:
    state, url = stub
    state.reply = json_reply(200, {"changes": [], "cursor": "c1.5", "has_more": False})

    page = HttpTransport(url, token="t").pull("c1.4", 100)

    assert page["cursor"] == "c1.5"
    assert state.seen[-1][1] == "/api/v1/sync/pull?limit=100&since=c1.4"


def test_a_server_too_slow_to_answer_is_offline(stub: tuple[Stub, str]) -> None:
    state, url = stub

    def slow(*_: object) -> Reply:
        time.sleep(1.0)
        return 200, {}, b"{}"

    state.reply = slow
    with pytest.raises(Offline, match="i tid"):
        HttpTransport(url, token="t", timeout=0.2).pull(None)


def test_a_refused_connection_is_offline() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again below: nobody listens there
    with pytest.raises(Offline, match="nekades"):
        HttpTransport(f"http://127.0.0.1:{port}", token="t").pull(None)


def test_an_unknown_host_is_offline() -> None:
    with pytest.raises(Offline, match="DNS"):
        HttpTransport("http://est-server.invalid", token="t", timeout=5).pull(None)


def test_a_failed_tls_handshake_is_offline(stub: tuple[Stub, str]) -> None:
    _, url = stub
    with pytest.raises(Offline, match="TLS"):
        HttpTransport(url.replace("http://", "https://"), token="t", timeout=2).pull(None)
