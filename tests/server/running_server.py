"""A real `est-server serve` in a subprocess, and a small client for talking to it over HTTP.

Used by the HTTP test modules through the fixtures in conftest.py. Servers run on 127.0.0.1 and
a free port; they trust X-Forwarded-For from 127.0.0.1, so a test can act as any client address
(login throttling counts per address) by sending the header.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import requests

from est_desktop.server.database import ServerDatabase
from est_desktop.server.users import add_user

PASSWORD = "Rätt-lösenord-1"
# username: (organisation, role)
USERS: dict[str, tuple[str, str]] = {
    "rep_bostader": ("bostader", "reporter"),
    "rep_boras": ("boras_stad", "reporter"),
    "analyst": ("boras_stad", "analyst"),
    "police": ("polisen", "reporter"),
    "admin": ("boras_stad", "admin"),
}
HULTA = (57.7255, 12.9790)  # inside the Hulta outline
TIMEOUT = 30


def est_server_command() -> list[str]:
    script = Path(sys.executable).with_name("est-server")
    return [str(script)] if script.exists() else [sys.executable, "-m", "est_desktop.server"]


def run_cli(
    *args: str, stdin: str = "", env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*est_server_command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def prepare_database(database_url: str, users: Mapping[str, tuple[str, str]] = USERS) -> None:
    """`est-server init`, then the users (added in-process; test_cli.py tests add-user)."""
    result = run_cli("init", "--database", database_url)
    assert result.returncode == 0, result.stderr
    db = ServerDatabase.connect(database_url)
    try:
        for username, (organisation, role) in users.items():
            add_user(db, username, organisation, role, PASSWORD)
    finally:
        db.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RunningServer:
    """One `est-server serve` process; `base` is its API root (http://127.0.0.1:N/api/v1)."""

    database_url: str
    process: subprocess.Popen[bytes]
    base: str
    log_path: Path
    _http: requests.Session = field(default_factory=requests.Session)

    def url(self, path: str) -> str:
        return self.base + path

    def request(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        address: str | None = None,
        **kw: Any,
    ) -> requests.Response:
        headers = dict(kw.pop("headers", None) or {})
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if address is not None:
            headers["X-Forwarded-For"] = address
        return self._http.request(method, self.url(path), headers=headers, timeout=TIMEOUT, **kw)

    def login(self, username: str, password: str = PASSWORD, **kw: Any) -> requests.Response:
        return self.request(
            "POST", "/auth/token", json={"username": username, "password": password}, **kw
        )

    def login_raw(self, body: object, **kw: Any) -> requests.Response:
        """A login with any JSON value as the body (even null)."""
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        return self.request("POST", "/auth/token", data=data, headers=headers, **kw)

    def token(self, username: str, password: str = PASSWORD) -> str:
        answer = self.login(username, password)
        assert answer.status_code == 200, answer.text
        return answer.json()["access_token"]

    def push(self, token: str, changes: Sequence[Mapping[str, Any]]) -> requests.Response:
        body = {"client_id": str(uuid.uuid4()), "changes": list(changes)}
        return self.request("POST", "/sync/push", token=token, json=body)

    def pull_all(
        self, token: str, since: str | None = None, limit: int = 1000
    ) -> tuple[dict[str, dict], str]:
        """Every change after `since` (all pages), newest per id, and the last cursor."""
        seen: dict[str, dict] = {}
        while True:
            params = {"limit": limit, **({"since": since} if since else {})}
            answer = self.request("GET", "/sync/pull", token=token, params=params)
            assert answer.status_code == 200, answer.text
            page = answer.json()
            for change in page["changes"]:
                if change["id"] not in seen or seen[change["id"]]["revision"] <= change["revision"]:
                    seen[change["id"]] = change
            since = page["cursor"]
            if not page["has_more"]:
                return seen, since

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> int:
        """SIGTERM, as a service manager stops it; the exit code (0 expected)."""
        self._http.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"server did not stop on SIGTERM; log:\n{self.log()}") from None


def start_server(database_url: str, log_dir: Path, *args: str) -> RunningServer:
    """Start `est-server serve` on a free port and wait until /health answers."""
    port = free_port()
    log_path = log_dir / f"server-{port}.log"
    command = [
        *est_server_command(),
        "serve",
        "--database",
        database_url,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--forwarded-allow-ips",
        "127.0.0.1",
        *args,
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    server = RunningServer(database_url, process, f"http://127.0.0.1:{port}/api/v1", log_path)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"est-server serve exited with {process.returncode}:\n{server.log()}"
            )
        try:
            if requests.get(server.url("/health"), timeout=2).status_code == 200:
                return server
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    server.stop()
    raise AssertionError(f"est-server serve did not answer /health:\n{server.log()}")


# --- changes -------------------------------------------------------------------------------


def incident_change(
    record_id: str | None = None,
    *,
    base_revision: int | None = None,
    op: str = "upsert",
    **fields: Any,
) -> dict[str, Any]:
    """A push change for an incident; a new one (all required fields) when no id is given."""
    if record_id is None:
        lat, lon = HULTA
        occurred = (datetime.now(UTC) - timedelta(hours=1)).replace(microsecond=0)
        fields = {
            "occurred_at": occurred.isoformat(),
            "category": "klotter",
            "description": "Klotter på muren",
            "lat": lat,
            "lon": lon,
            **fields,
        }
    return {
        "change_id": str(uuid.uuid4()),
        "entity": "incident",
        "id": record_id or str(uuid.uuid4()),
        "op": op,
        "base_revision": base_revision,
        "fields": fields if op == "upsert" else {},
    }


def measure_change(**fields: Any) -> dict[str, Any]:
    return {
        "change_id": str(uuid.uuid4()),
        "entity": "measure",
        "id": str(uuid.uuid4()),
        "op": "upsert",
        "base_revision": None,
        "fields": {"title": "Bättre belysning", "start_date": "2026-01-10", **fields},
    }


def assert_error(answer: requests.Response, status: int, code: str) -> dict[str, Any]:
    """The answer has `status` and the protocol's error body with `code`; returns the error."""
    assert answer.status_code == status, (answer.status_code, answer.text)
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert error["code"] == code, error
    assert isinstance(error["message"], str) and error["message"]
    assert set(error) <= {"code", "message", "fields"}, error
    return error
