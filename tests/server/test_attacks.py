"""Over HTTP, as an attacker would try: tokens that are missing, expired, forged, garbled or
belong to a disabled user; roles reaching above themselves; reporters reaching for police
records and other organisations' incidents; usernames probed through login answers.

Every route of the app is walked, so an endpoint added later is covered without a new test.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
import requests
from argon2 import PasswordHasher
from sqlalchemy import select, update

from est_desktop.server.auth import log_in, prepare_logins, requires, token_digest
from est_desktop.server.database import ServerDatabase
from est_desktop.server.errors import ApiError
from est_desktop.server.identity import Role, User
from est_desktop.server.secret import load_secret
from est_desktop.server.settings import ServerSettings
from est_desktop.server.tables import TokenRow
from est_desktop.server.users import add_user, set_active
from tests.server.endpoints import ROLE_ORDER, Endpoint, app_endpoints, bearer, call
from tests.server.running_server import PASSWORD, RunningServer, assert_error, incident_change

PUBLIC = {("GET", "/api/v1/health"), ("POST", "/api/v1/auth/token")}
ENDPOINTS = app_endpoints()
PROTECTED = [e for e in ENDPOINTS if e.needs_token]
ROLE_LIMITED = [e for e in PROTECTED if e.role not in (None, Role.REPORTER)]


def fresh_user(db: ServerDatabase, organisation: str = "bostader", role: str = "reporter") -> str:
    username = f"x_{uuid.uuid4().hex[:10]}"
    add_user(db, username, organisation, role, PASSWORD)
    return username


def fresh_address() -> str:
    return f"203.0.113.{uuid.uuid4().int % 250 + 1}-{uuid.uuid4().hex[:6]}"


# --- which routes need what -----------------------------------------------------------------


def test_only_health_and_login_answer_without_a_token() -> None:
    public = {(e.method, e.path) for e in ENDPOINTS if not e.needs_token}
    assert public == PUBLIC
    assert PROTECTED, "the walk found no protected route: the dependency marker is gone"


def test_a_role_requirement_refuses_lower_roles_with_403() -> None:
    admin_only = requires(Role.ADMIN)
    assert admin_only.required_role is Role.ADMIN  # type: ignore[attr-defined]
    for role in (Role.REPORTER, Role.ANALYST):
        with pytest.raises(ApiError) as refused:
            admin_only(User("u", "boras_stad", role))
        assert refused.value.status == 403 and refused.value.code == "forbidden"
    admin = User("a", "boras_stad", Role.ADMIN)
    assert admin_only(admin) is admin


# --- tokens ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bad_tokens(server: RunningServer, server_db: ServerDatabase) -> dict[str, str]:
    """Tokens an attacker might hold, each of which must be worth nothing."""
    expired = server.token("rep_boras")
    with server_db.transaction() as conn:
        conn.execute(
            update(TokenRow)
            .where(TokenRow.token_hash == token_digest(expired, load_secret()))
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    disabled_user = fresh_user(server_db)
    disabled = server.token(disabled_user)
    set_active(server_db, disabled_user, False)
    valid = server.token("rep_boras")
    garbled = valid[:-1] + ("A" if valid[-1] != "A" else "B")
    with server_db.reading() as conn:  # what a stolen copy of the database shows
        stored = conn.scalar(
            select(TokenRow.token_hash).where(
                TokenRow.token_hash == token_digest(valid, load_secret())
            )
        )
    assert stored
    return {
        "expired": expired,
        "disabled user": disabled,
        "forged": secrets.token_urlsafe(32),
        "garbled": garbled,
        "stored hash": stored,
        "extended": valid + "x",
        "empty": "",
    }


@pytest.mark.parametrize("endpoint", PROTECTED, ids=str)
def test_every_protected_endpoint_refuses_a_missing_or_worthless_token(
    server: RunningServer, bad_tokens: dict[str, str], endpoint: Endpoint
) -> None:
    attempts = {"none": {}, **{kind: bearer(token) for kind, token in bad_tokens.items()}}
    for kind, headers in attempts.items():
        answer = call(server, endpoint, headers)
        error = assert_error(answer, 401, "unauthorized")
        assert answer.headers["WWW-Authenticate"].startswith("Bearer"), kind
        assert "Traceback" not in error["message"]


@pytest.mark.parametrize("endpoint", ROLE_LIMITED, ids=str)
def test_an_endpoint_above_a_role_answers_403_and_lets_the_role_through(
    server: RunningServer, endpoint: Endpoint
) -> None:
    assert endpoint.role is not None
    allowed = {Role.REPORTER: "rep_boras", Role.ANALYST: "analyst", Role.ADMIN: "admin"}
    for role in ROLE_ORDER:
        answer = call(server, endpoint, bearer(server.token(allowed[role])))
        if ROLE_ORDER.index(role) < ROLE_ORDER.index(endpoint.role):
            assert_error(answer, 403, "forbidden")
        else:
            assert answer.status_code not in (401, 403), (role, answer.text)


# --- records a reporter may not reach -------------------------------------------------------


def push_one(server: RunningServer, token: str, change: dict) -> dict:
    answer = server.push(token, [change])
    assert answer.status_code == 200, answer.text
    (result,) = answer.json()["results"]
    return result


def without_change_id(result: dict) -> dict:
    return {key: value for key, value in result.items() if key not in ("change_id", "id")}


@pytest.mark.parametrize(
    "make_change",
    [
        pytest.param(lambda rid: incident_change(rid, base_revision=1, description="x"), id="edit"),
        pytest.param(lambda rid: incident_change(rid, base_revision=1, op="delete"), id="delete"),
        pytest.param(lambda rid: incident_change(rid, base_revision=5), id="edit-wrong-base"),
    ],
)
def test_a_reporter_learns_nothing_about_a_police_record_from_a_push(
    server: RunningServer, make_change: Callable[[str], dict]
) -> None:
    hidden = incident_change(source="police", external_id=f"K{uuid.uuid4().int % 10**9}")
    assert push_one(server, server.token("analyst"), hidden)["status"] == "applied"
    reporter = server.token("rep_bostader")
    on_hidden = push_one(server, reporter, make_change(hidden["id"]))
    on_missing = push_one(server, reporter, make_change(str(uuid.uuid4())))
    assert on_hidden["status"] in ("rejected", "conflict")
    assert without_change_id(on_hidden) == without_change_id(on_missing)
    assert "police" not in str(on_hidden) and "Klotter" not in str(on_hidden)
    pulled, _ = server.pull_all(server.token("analyst"))
    assert pulled[hidden["id"]]["revision"] == 1  # and nothing was changed


def test_creating_a_record_over_a_hidden_ones_id_shows_none_of_it(server: RunningServer) -> None:
    """The id is taken, so this cannot be answered like a fresh id (PROTOCOL.md promises that
    for edits and deletes); it gets the answer an edit of a missing record gets."""
    hidden = incident_change(source="police", external_id=f"K{uuid.uuid4().int % 10**9}")
    push_one(server, server.token("analyst"), hidden)
    reporter = server.token("rep_bostader")
    over_hidden = push_one(server, reporter, {**incident_change(), "id": hidden["id"]})
    edit_missing = push_one(server, reporter, incident_change(str(uuid.uuid4()), base_revision=1))
    assert over_hidden["status"] == "rejected"
    assert without_change_id(over_hidden) == without_change_id(edit_missing)


def test_a_reporter_cannot_edit_delete_or_take_over_another_organisations_incident(
    server: RunningServer,
) -> None:
    theirs = incident_change()
    assert push_one(server, server.token("rep_boras"), theirs)["status"] == "applied"
    reporter = server.token("rep_bostader")
    for change in (
        incident_change(theirs["id"], base_revision=1, description="Ändrat av fel part"),
        incident_change(theirs["id"], base_revision=1, op="delete"),
        incident_change(theirs["id"], base_revision=1, organisation="bostader"),
    ):
        result = push_one(server, reporter, change)
        assert result["status"] == "rejected", result
        assert set(result["errors"]) == {"id"}
    pulled, _ = server.pull_all(reporter)
    record = pulled[theirs["id"]]
    assert record["revision"] == 1 and not record["deleted"]
    assert record["record"]["organisation"] == "boras_stad"


def test_a_reporter_cannot_pull_police_records_with_any_cursor_or_limit(
    server: RunningServer,
) -> None:
    hidden = incident_change(source="police", external_id=f"K{uuid.uuid4().int % 10**9}")
    push_one(server, server.token("police"), hidden)
    reporter = server.token("rep_boras")
    for params in ({}, {"since": ""}, {"since": "c1.0"}, {"limit": 1}, {"limit": 1000}):
        answer = server.request("GET", "/sync/pull", token=reporter, params=params)
        assert answer.status_code == 200, answer.text
        assert hidden["id"] not in answer.text
    pulled, _ = server.pull_all(reporter, limit=1)
    assert hidden["id"] not in pulled
    assert all(
        c["record"] is None or c["record"].get("source") != "police" for c in pulled.values()
    )


def test_replaying_someone_elses_change_id_does_not_return_their_answer(
    server: RunningServer,
) -> None:
    hidden = incident_change(source="police", external_id=f"K{uuid.uuid4().int % 10**9}")
    push_one(server, server.token("police"), hidden)
    replay = push_one(server, server.token("rep_bostader"), hidden)
    assert replay["status"] == "rejected"
    assert replay["record"] is None and replay["revision"] is None


# --- finding out who has an account ---------------------------------------------------------


def test_unknown_wrong_password_and_disabled_get_identical_answers(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    disabled = fresh_user(server_db)
    set_active(server_db, disabled, False)
    answers = [
        server.login(username, password, address=fresh_address())
        for username, password in (
            ("rep_boras", "fel-lösenord"),
            (f"nobody_{uuid.uuid4().hex[:8]}", "fel-lösenord"),
            (disabled, PASSWORD),
        )
    ]
    for answer in answers:
        assert_error(answer, 401, "unauthorized")
    assert len({a.text for a in answers}) == 1
    headers = [{k: v for k, v in a.headers.items() if k.lower() != "date"} for a in answers]
    assert headers[0] == headers[1] == headers[2]


@pytest.fixture
def counted_argon2(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often argon2 hashes and verifies, for asserting on the code path, not on time."""
    counts = {"hash": 0, "verify": 0}
    original_hash, original_verify = PasswordHasher.hash, PasswordHasher.verify

    def counting_hash(self: PasswordHasher, *args: object, **kw: object) -> str:
        counts["hash"] += 1
        return original_hash(self, *args, **kw)

    def counting_verify(self: PasswordHasher, *args: object, **kw: object) -> bool:
        counts["verify"] += 1
        return original_verify(self, *args, **kw)

    monkeypatch.setattr(PasswordHasher, "hash", counting_hash)
    monkeypatch.setattr(PasswordHasher, "verify", counting_verify)
    prepare_logins()  # as the server does at start
    return counts


def test_an_unknown_user_costs_exactly_one_argon2_check_like_a_known_one(
    server_db: ServerDatabase, counted_argon2: dict[str, int]
) -> None:
    disabled = fresh_user(server_db)
    set_active(server_db, disabled, False)
    settings = ServerSettings()
    for username, password in [
        (f"nobody_{uuid.uuid4().hex[:8]}", "gissning"),
        ("rep_boras", "gissning"),
        (disabled, PASSWORD),
    ]:
        before = dict(counted_argon2)
        outcome = log_in(server_db, settings, username, password, fresh_address())
        assert outcome.user is None
        assert counted_argon2["verify"] - before["verify"] == 1, username
        assert counted_argon2["hash"] == before["hash"], username


def test_a_locked_out_username_answers_the_same_whether_it_exists(
    server: RunningServer, server_db: ServerDatabase
) -> None:
    def ten_failures_then_one_more(username: str) -> requests.Response:
        def guess(_: int) -> requests.Response:
            return server.login(username, "fel", address=fresh_address())

        with ThreadPoolExecutor(10) as pool:
            assert {a.status_code for a in pool.map(guess, range(10))} == {401}
        return guess(10)

    known = fresh_user(server_db)
    unknown = f"nobody_{uuid.uuid4().hex[:8]}"
    with ThreadPoolExecutor(2) as pool:
        locked_known, locked_unknown = pool.map(ten_failures_then_one_more, (known, unknown))
    for answer in (locked_known, locked_unknown):
        assert_error(answer, 429, "too_many_requests")
        assert 1 <= int(answer.headers["Retry-After"]) <= 15 * 60
    assert locked_known.json() == locked_unknown.json()
