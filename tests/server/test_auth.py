"""Over HTTP: logging in, tokens (hashed, expiring, revoked), and login throttling in the DB."""

from __future__ import annotations

import hashlib
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select, update

from est_desktop.server.auth import failure_count, throttle_key, token_digest
from est_desktop.server.database import ServerDatabase
from est_desktop.server.secret import load_secret
from est_desktop.server.tables import LoginFailureRow, TokenRow
from est_desktop.server.users import add_user, reset_password, set_active
from tests.server.running_server import PASSWORD, RunningServer, assert_error


def fresh_user(db: ServerDatabase, organisation: str = "bostader", role: str = "reporter") -> str:
    username = f"u_{uuid.uuid4().hex[:10]}"
    add_user(db, username, organisation, role, PASSWORD)
    return username


def fresh_address() -> str:
    return f"198.51.100.{uuid.uuid4().int % 250 + 1}-{uuid.uuid4().hex[:6]}"


def user_key(username: str) -> str:
    """What the failure counter stores for `username`."""
    return throttle_key("user", username, load_secret())


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_login_answers_a_bearer_token_its_expiry_and_the_user(server: RunningServer) -> None:
    before = datetime.now(UTC)
    answer = server.login("analyst")
    assert answer.status_code == 200
    body = answer.json()
    assert set(body) == {"access_token", "token_type", "expires_at", "user"}
    assert body["token_type"] == "bearer"
    assert len(body["access_token"]) >= 40
    assert body["user"] == {"username": "analyst", "organisation": "boras_stad", "role": "analyst"}
    assert body["expires_at"].endswith("Z")
    lifetime = parse_time(body["expires_at"]) - before
    assert timedelta(hours=11, minutes=59) < lifetime <= timedelta(hours=12, seconds=5)
    reference = server.request("GET", "/reference", token=body["access_token"])
    assert reference.status_code == 200


def test_tokens_are_stored_only_as_their_hmac_under_the_server_secret(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    token = server.token("admin")
    with server_db.reading() as conn:
        stored = set(conn.scalars(select(TokenRow.token_hash)))
    assert token_digest(token, load_secret()) in stored
    assert hashlib.sha256(token.encode()).hexdigest() not in stored  # peppered, not bare
    assert token not in stored


def test_each_login_gets_its_own_token(server: RunningServer) -> None:
    first, second = server.token("rep_boras"), server.token("rep_boras")
    assert first != second
    for token in (first, second):
        assert server.request("GET", "/reference", token=token).status_code == 200


def test_wrong_password_and_unknown_user_get_the_same_401(server: RunningServer) -> None:
    address = fresh_address()
    wrong = server.login("rep_boras", "fel-lösenord", address=address)
    unknown = server.login("nobody_" + uuid.uuid4().hex[:8], PASSWORD, address=address)
    first = assert_error(wrong, 401, "unauthorized")
    second = assert_error(unknown, 401, "unauthorized")
    assert first == second
    assert wrong.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"username": "admin"}, {"password"}),
        ({"password": PASSWORD}, {"username"}),
        ({"username": 5, "password": PASSWORD}, {"username"}),
        ({"username": "admin", "password": ["x"]}, {"password"}),
        ({"username": "", "password": ""}, {"username", "password"}),
        ({"username": "a\u0000b", "password": PASSWORD}, {"username"}),
        ({"username": "x" * 121, "password": PASSWORD}, {"username"}),
        ({"username": "admin", "password": "x" * 5000}, {"password"}),
        ({"username": "\ud800", "password": "\udfff"}, {"username", "password"}),
    ],
)
def test_login_body_of_the_wrong_shape_is_422(
    server: RunningServer, body: dict, fields: set[str]
) -> None:
    error = assert_error(server.login_raw(body), 422, "validation_error")
    assert set(error["fields"]) == fields


@pytest.mark.parametrize("body", [None, [], "admin", 1])
def test_login_body_that_is_not_an_object_is_422(server: RunningServer, body: object) -> None:
    error = assert_error(server.login_raw(body), 422, "validation_error")
    assert "fields" in error


@pytest.mark.parametrize(
    "raw", [b"", b"{", b"username=admin&password=x", b"\xff\xfe{}", b'{"username": NaN}']
)
def test_login_body_that_is_not_json_is_400(server: RunningServer, raw: bytes) -> None:
    answer = server.request(
        "POST", "/auth/token", data=raw, headers={"Content-Type": "application/json"}
    )
    assert_error(answer, 400, "invalid_json")


def test_disabled_user_cannot_log_in_and_its_tokens_stop_working(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    username = fresh_user(server_db)
    token = server.token(username)
    set_active(server_db, username, False)
    assert_error(server.request("GET", "/reference", token=token), 401, "unauthorized")
    refused = server.login(username, address=fresh_address())
    assert_error(refused, 401, "unauthorized")
    assert refused.json() == server.login(username, "fel", address=fresh_address()).json()
    set_active(server_db, username, True)
    assert server.login(username).status_code == 200


def test_a_new_password_ends_the_old_sessions(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    username = fresh_user(server_db)
    token = server.token(username)
    reset_password(server_db, username, "Nytt-lösenord-2")
    assert_error(server.request("GET", "/sync/pull", token=token), 401, "unauthorized")
    assert_error(server.login(username, PASSWORD, address=fresh_address()), 401, "unauthorized")
    assert server.login(username, "Nytt-lösenord-2").status_code == 200


def test_an_expired_token_is_refused(server: RunningServer, server_db: ServerDatabase) -> None:
    token = server.token("rep_bostader")
    digest = token_digest(token, load_secret())
    with server_db.transaction() as conn:
        conn.execute(
            update(TokenRow)
            .where(TokenRow.token_hash == digest)
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    assert_error(server.request("GET", "/sync/pull", token=token), 401, "unauthorized")


def test_expired_tokens_are_pruned_at_the_next_login(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    token = server.token("rep_bostader")
    digest = token_digest(token, load_secret())
    with server_db.transaction() as conn:
        conn.execute(
            update(TokenRow)
            .where(TokenRow.token_hash == digest)
            .values(expires_at=datetime.now(UTC) - timedelta(hours=1))
        )
    server.token("rep_boras")
    with server_db.reading() as conn:
        assert conn.scalar(select(TokenRow.token_hash).where(TokenRow.token_hash == digest)) is None


def test_the_eleventh_failure_for_a_username_is_429_with_retry_after(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    username = fresh_user(server_db)
    # 16 guesses at once, each from its own address: only the username counts them all, and
    # however they race, exactly ten are checked.
    with ThreadPoolExecutor(16) as pool:
        answers = list(
            pool.map(lambda _: server.login(username, "fel", address=fresh_address()), range(16))
        )
    assert sorted(a.status_code for a in answers) == [401] * 10 + [429] * 6
    for password in ("fel", PASSWORD):  # not even the right password is checked now
        answer = server.login(username, password, address=fresh_address())
        assert_error(answer, 429, "too_many_requests")
        assert 1 <= int(answer.headers["Retry-After"]) <= 15 * 60
    with server_db.reading() as conn:
        assert failure_count(conn, user_key(username)) == 10  # refusals are not counted


def test_the_eleventh_failure_from_one_address_is_429_whatever_the_username(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    address = fresh_address()
    with ThreadPoolExecutor(10) as pool:
        answers = list(
            pool.map(lambda i: server.login(f"guess{i}", "fel", address=address), range(10))
        )
    assert [a.status_code for a in answers] == [401] * 10
    answer = server.login(fresh_user(server_db), address=address)
    assert_error(answer, 429, "too_many_requests")
    assert int(answer.headers["Retry-After"]) >= 1
    assert server.login("rep_boras", address=fresh_address()).status_code == 200


def test_retry_after_counts_down_to_when_the_oldest_failure_ages_out(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    username = fresh_user(server_db)
    now = datetime.now(UTC)
    with server_db.transaction() as conn:
        for minutes_ago in range(14, 4, -1):  # ten failures, the oldest 14 minutes ago
            conn.execute(
                insert(LoginFailureRow).values(
                    key=user_key(username), failed_at=now - timedelta(minutes=minutes_ago)
                )
            )
    answer = server.login(username, address=fresh_address())
    assert_error(answer, 429, "too_many_requests")
    assert 50 <= int(answer.headers["Retry-After"]) <= 61


def test_failures_older_than_fifteen_minutes_do_not_count(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    username = fresh_user(server_db)
    long_ago = datetime.now(UTC) - timedelta(minutes=16)
    with server_db.transaction() as conn:
        for _ in range(12):
            conn.execute(insert(LoginFailureRow).values(key=user_key(username), failed_at=long_ago))
    assert server.login(username, address=fresh_address()).status_code == 200
    with server_db.reading() as conn:
        assert failure_count(conn, user_key(username)) == 0  # cleared and pruned


def test_each_failure_slows_the_answer_down(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    username, address = fresh_user(server_db), fresh_address()
    started = time.monotonic()
    assert server.login(username, "fel", address=address).status_code == 401
    first = time.monotonic() - started
    with server_db.transaction() as conn:
        for _ in range(7):
            conn.execute(
                insert(LoginFailureRow).values(key=user_key(username), failed_at=datetime.now(UTC))
            )
    started = time.monotonic()
    assert server.login(username, "fel", address=address).status_code == 401
    ninth = time.monotonic() - started
    assert first < 0.8
    assert ninth >= 1.4


def test_a_success_clears_the_usernames_failures(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    username, address = fresh_user(server_db), fresh_address()
    for _ in range(3):
        assert server.login(username, "fel", address=address).status_code == 401
    assert server.login(username, address=address).status_code == 200
    with server_db.reading() as conn:
        assert failure_count(conn, user_key(username)) == 0
        assert failure_count(conn, throttle_key("addr", address, load_secret())) == 3


def test_the_failure_counter_stores_no_username_or_address_in_plain_text(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    username, address = fresh_user(server_db), fresh_address()
    for _ in range(2):
        assert server.login(username, "fel", address=address).status_code == 401
    with server_db.reading() as conn:
        keys = list(conn.scalars(select(LoginFailureRow.key)))
    assert not [key for key in keys if username in key or address in key]
    assert keys.count(user_key(username)) == 2
    # Keyed with the secret: a plain hash of a guessed name does not find its count.
    assert hashlib.sha256(f"user:{username}".encode()).hexdigest() not in "".join(keys)
