"""The server's secret: `init` makes one, `serve` refuses an empty, default or missing one, and
tokens are stored peppered with it, so a new secret ends every session."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from est_desktop.server.secret import (
    SECRET_ENV,
    SECRET_FILE_ENV,
    SecretError,
    ensure_secret,
    load_secret,
    weakness,
)
from tests.server.running_server import prepare_database, run_cli, start_server

STRONG = "q7Lw-3zXv_P0mR9tKc2YbN5aHfJ8dE1s"


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('secret-db')}/est-server.db"
    prepare_database(url, {"kim": ("bostader", "reporter")})
    return url


def serve_until_refused(database_url: str, env: dict[str, str]) -> tuple[int, str]:
    """`est-server serve` that is expected to refuse: its exit code and standard error."""
    result = run_cli("serve", "--database", database_url, "--port", "1", env=env)
    return result.returncode, result.stderr


def test_empty_default_and_weak_secrets_are_named_as_such() -> None:
    for value in ("", "   ", "\n"):
        assert weakness(value) == "hemligheten är tom"
    for value in ("changeme", "CHANGEME", " secret ", "password", "change-me"):
        assert "känt standardvärde" in (weakness(value) or "")
    for value in ("short-Ab1", "a" * 40, "abababababababababab"):
        assert "för svag" in (weakness(value) or "")
    assert weakness(STRONG) is None


@pytest.mark.parametrize("value", ["", "changeme", "secret", "a" * 40])
def test_serve_refuses_an_empty_default_or_weak_secret(database_url: str, value: str) -> None:
    code, stderr = serve_until_refused(database_url, {SECRET_ENV: value})
    assert code == 1
    assert "hemlighet" in stderr and "Traceback" not in stderr
    assert "est-server: startar inte" in stderr


def test_serve_refuses_when_no_secret_was_ever_made(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nowhere" / "secret"
    monkeypatch.delenv(SECRET_ENV, raising=False)
    code, stderr = serve_until_refused(database_url, {SECRET_FILE_ENV: str(missing)})
    assert code == 1
    assert "est-server init" in stderr and str(missing) in stderr


def test_init_makes_a_private_random_secret_once(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "secret"
    env = {SECRET_FILE_ENV: str(path)}
    url = f"sqlite:///{tmp_path}/est-server.db"
    first = run_cli("init", "--database", url, env=env)
    assert first.returncode == 0, first.stderr
    assert str(path) in first.stderr
    secret = path.read_text()
    assert weakness(secret) is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = run_cli("init", "--database", url, env=env)
    assert again.returncode == 0 and path.read_text() == secret
    other = tmp_path / "other-secret"
    run_cli("init", "--database", url, env={SECRET_FILE_ENV: str(other)})
    assert other.read_text() != secret


def test_protocols_commands_start_a_server_that_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`init` then `serve --database --host --port`, nothing else: the server starts."""
    monkeypatch.delenv(SECRET_ENV, raising=False)
    monkeypatch.setenv(SECRET_FILE_ENV, str(tmp_path / "secret"))
    url = f"sqlite:///{tmp_path}/est-server.db"
    prepare_database(url, {"kim": ("bostader", "reporter")})
    server = start_server(url, tmp_path)
    try:
        assert server.token("kim")
    finally:
        assert server.stop() == 0, server.log()


def test_a_new_secret_ends_every_session(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, STRONG)
    server = start_server(database_url, tmp_path)
    try:
        token = server.token("kim")
        assert server.request("GET", "/reference", token=token).status_code == 200
    finally:
        assert server.stop() == 0, server.log()
    monkeypatch.setenv(SECRET_ENV, STRONG[::-1])
    server = start_server(database_url, tmp_path)
    try:
        assert server.request("GET", "/reference", token=token).status_code == 401
        assert server.request("GET", "/reference", token=server.token("kim")).status_code == 200
    finally:
        assert server.stop() == 0, server.log()


def test_the_environment_wins_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    assert ensure_secret({SECRET_FILE_ENV: str(path)}) == path
    from_file = load_secret({SECRET_FILE_ENV: str(path)})
    assert from_file == path.read_text().strip()
    assert load_secret({SECRET_FILE_ENV: str(path), SECRET_ENV: STRONG}) == STRONG
    assert ensure_secret({SECRET_FILE_ENV: str(tmp_path / "b"), SECRET_ENV: STRONG}) is None
    assert not (tmp_path / "b").exists()
    with pytest.raises(SecretError):
        load_secret({SECRET_FILE_ENV: str(path), SECRET_ENV: ""})  # set but empty: refused
