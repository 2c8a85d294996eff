"""The `est-server` command as an operator uses it: init, users, and serve (PROTOCOL.md,
"Operating the server")."""

from __future__ import annotations

import signal
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import inspect, select

from est_desktop.server.auth import log_in
from est_desktop.server.database import ServerDatabase
from est_desktop.server.settings import ServerSettings
from est_desktop.server.tables import UserRow
from tests.server.running_server import (
    PASSWORD,
    est_server_command,
    free_port,
    prepare_database,
    run_cli,
    start_server,
)


def add_user(
    url: str,
    username: str,
    *extra: str,
    stdin: str = PASSWORD + "\n",
    role: str = "reporter",
    organisation: str = "bostader",
) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "add-user",
        "--database",
        url,
        "--username",
        username,
        "--organisation",
        organisation,
        "--role",
        role,
        *extra,
        stdin=stdin,
    )


def can_log_in(url: str, username: str, password: str) -> bool:
    db = ServerDatabase.connect(url)
    try:
        return log_in(db, ServerSettings(), username, password, "test").user is not None
    finally:
        db.close()


def test_init_twice_changes_nothing(server_database_url: str) -> None:
    first = run_cli("init", "--database", server_database_url)
    assert first.returncode == 0, first.stderr
    db = ServerDatabase.connect(server_database_url)
    tables = sorted(inspect(db.engine).get_table_names())
    db.close()
    assert {"users", "tokens", "login_failures", "records", "applied_changes", "counters"} <= set(
        tables
    )
    assert add_user(server_database_url, "kim").returncode == 0
    second = run_cli("init", "--database", server_database_url)
    assert second.returncode == 0, second.stderr
    db = ServerDatabase.connect(server_database_url)
    assert sorted(inspect(db.engine).get_table_names()) == tables
    db.check_schema()
    with db.reading() as conn:
        assert list(conn.scalars(select(UserRow.username))) == ["kim"]
    db.close()


def test_users_are_added_listed_disabled_and_given_new_passwords(tmp_path: Path) -> None:
    # SQLite only: the commands are the same on PostgreSQL (init above runs on both).
    url = f"sqlite:///{tmp_path}/est-server.db"
    assert run_cli("init", "--database", url).returncode == 0
    added = add_user(
        url, "anna", stdin="Hemligt-lösen 1\n", organisation="boras_stad", role="analyst"
    )
    assert added.returncode == 0, added.stderr
    assert can_log_in(url, "anna", "Hemligt-lösen 1")  # the line, without its newline
    assert add_user(url, "bo", "--password", "Annat-lösen-2").returncode == 0
    assert can_log_in(url, "bo", "Annat-lösen-2")

    duplicate = add_user(url, "anna")
    assert duplicate.returncode == 1
    assert "anna" in duplicate.stderr and "finns redan" in duplicate.stderr

    listing = run_cli("list-users", "--database", url)
    assert listing.returncode == 0
    rows = [line.split() for line in listing.stdout.splitlines()[1:]]
    assert rows == [
        ["anna", "boras_stad", "analyst", "aktiv"],
        ["bo", "bostader", "reporter", "aktiv"],
    ]

    assert run_cli("disable-user", "--database", url, "--username", "bo").returncode == 0
    assert "avstängd" in run_cli("list-users", "--database", url).stdout
    assert not can_log_in(url, "bo", "Annat-lösen-2")
    assert run_cli("enable-user", "--database", url, "--username", "bo").returncode == 0
    assert can_log_in(url, "bo", "Annat-lösen-2")

    reset = run_cli(
        "reset-password", "--database", url, "--username", "bo", stdin="Tredje-lösen-3\n"
    )
    assert reset.returncode == 0, reset.stderr
    assert can_log_in(url, "bo", "Tredje-lösen-3")
    assert not can_log_in(url, "bo", "Annat-lösen-2")

    for command in (["disable-user"], ["reset-password", "--password", "x"]):
        unknown = run_cli(*command, "--database", url, "--username", "ingen")
        assert unknown.returncode == 1 and "ingen" in unknown.stderr


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (["--role", "chef", "--organisation", "bostader"], PASSWORD, "roll"),
        (["--role", "reporter", "--organisation", "ikea"], PASSWORD, "organisation"),
        (["--role", "reporter", "--organisation", "bostader"], "\n", "tomt"),
    ],
)
def test_add_user_refuses_bad_input_with_exit_2(
    tmp_path: Path, args: list[str], stdin: str, expected: str
) -> None:
    url = f"sqlite:///{tmp_path}/est-server.db"
    assert run_cli("init", "--database", url).returncode == 0
    result = run_cli("add-user", "--database", url, "--username", "x", *args, stdin=stdin)
    assert result.returncode == 2
    assert expected in result.stderr.lower()


def test_database_comes_from_the_environment(tmp_path: Path) -> None:
    env = {"EST_SERVER_DATABASE": f"sqlite:///{tmp_path}/from-env.db"}
    assert run_cli("init", env=env).returncode == 0
    assert (
        run_cli(
            "add-user",
            "--username",
            "env",
            "--organisation",
            "polisen",
            "--role",
            "reporter",
            "--password",
            "p",
            env=env,
        ).returncode
        == 0
    )
    assert "env" in run_cli("list-users", env=env).stdout
    assert (tmp_path / "from-env.db").exists()


def test_serve_refuses_a_database_without_the_schema(tmp_path: Path) -> None:
    port = free_port()
    result = subprocess.run(
        [
            *est_server_command(),
            "serve",
            "--database",
            f"sqlite:///{tmp_path}/empty.db",
            "--port",
            str(port),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "est-server init" in result.stderr


def test_serve_uses_the_token_lifetime_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/est-server.db"
    prepare_database(url, {"kim": ("bostader", "reporter")})
    server = start_server(url, tmp_path, "--token-hours", "2", "--workers", "2")
    try:
        before = datetime.now(UTC)
        answer = server.login("kim")
        assert answer.status_code == 200
        expires = datetime.fromisoformat(answer.json()["expires_at"].replace("Z", "+00:00"))
        assert timedelta(hours=1, minutes=59) < expires - before <= timedelta(hours=2, seconds=5)
    finally:
        assert server.stop() == 0, server.log()
    assert "Started parent process" in server.log()  # logs go to standard error
    with pytest.raises(requests.ConnectionError):
        requests.get(server.url("/health"), timeout=2)


def test_serve_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/est-server.db"
    prepare_database(url, {})
    server = start_server(url, tmp_path)
    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=30) == 0, server.log()
