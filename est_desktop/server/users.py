"""User administration, as the `est-server` commands do it: add, list, disable, reset password.

Every change that should end a user's sessions (disabling, a new password) also deletes the
user's tokens, so it takes effect at once on every server process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, update

from est_desktop.server import audit
from est_desktop.server.audit import Action, AuditEvent
from est_desktop.server.auth import hash_password, revoke_tokens
from est_desktop.server.database import ServerDatabase
from est_desktop.server.identity import ORGANISATIONS, Role, User
from est_desktop.server.tables import UserRow

MAX_USERNAME = 120  # the column's width
MAX_PASSWORD = 1024
SYSTEM_ACTOR = "system"  # in the audit log, for changes no person is named for


class UserError(ValueError):
    """A user command that cannot be done; the message says why, in Swedish."""


class UserExistsError(UserError):
    pass


class UnknownUserError(UserError):
    pass


@dataclass(frozen=True, slots=True)
class Account:
    user: User
    active: bool
    created_at: datetime


def check_username(username: str) -> str | None:
    """What is wrong with a username (for a person), or None."""
    if not username or username != username.strip():
        return "Användarnamnet får inte vara tomt eller börja eller sluta med blanksteg."
    if len(username) > MAX_USERNAME:
        return f"Användarnamnet får vara högst {MAX_USERNAME} tecken."
    if not is_clean_text(username) or any(ch.isspace() for ch in username):
        return "Användarnamnet får inte innehålla blanksteg eller styrtecken."
    return None


def check_password(password: str) -> str | None:
    if not password:
        return "Lösenordet får inte vara tomt."
    if len(password) > MAX_PASSWORD:
        return f"Lösenordet får vara högst {MAX_PASSWORD} tecken."
    if not is_clean_text(password):
        return "Lösenordet innehåller tecken som inte kan användas."
    return None


def is_clean_text(value: str) -> bool:
    """Encodable as UTF-8 (no lone surrogates) and without control characters."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return value.isprintable()


def parse_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise UserError(f"Okänd roll {role!r}: välj en av {choices}.") from None


def check_organisation(organisation: str) -> str:
    if organisation not in ORGANISATIONS:
        choices = ", ".join(ORGANISATIONS)
        raise UserError(f"Okänd organisation {organisation!r}: välj en av {choices}.")
    return organisation


def add_user(
    db: ServerDatabase,
    username: str,
    organisation: str,
    role: Role | str,
    password: str,
    *,
    actor: str = SYSTEM_ACTOR,
) -> User:
    """Create an active user; UserExistsError if the name is taken, UserError if input is bad.
    `actor` (who did it) goes to the audit log, with the change."""
    for problem in (check_username(username), check_password(password)):
        if problem:
            raise UserError(problem)
    user = User(username, check_organisation(organisation), parse_role(str(role)))
    password_hash = hash_password(password)  # slow on purpose: outside the transaction
    now = datetime.now(UTC)
    with db.transaction() as conn:
        if conn.execute(select(UserRow.username).where(UserRow.username == username)).first():
            raise UserExistsError(f"Användaren {username!r} finns redan.")
        conn.execute(
            insert(UserRow).values(
                username=user.username,
                password_hash=password_hash,
                organisation=user.organisation,
                role=user.role.value,
                active=True,
                created_at=now,
                password_changed_at=now,
            )
        )
        detail = f"user={username} organisation={user.organisation} role={user.role.value}"
        audit.record(conn, [AuditEvent(actor, Action.USER_ADDED, detail=detail)])
    return user


def list_users(db: ServerDatabase) -> list[Account]:
    with db.reading() as conn:
        rows = conn.execute(select(UserRow).order_by(UserRow.username)).all()
    return [
        Account(User(r.username, r.organisation, Role(r.role)), r.active, r.created_at)
        for r in rows
    ]


def set_active(
    db: ServerDatabase, username: str, active: bool, *, actor: str = SYSTEM_ACTOR
) -> None:
    """Disable (ending every session at once) or enable a user."""
    with db.transaction() as conn:
        _require(conn, username)
        conn.execute(update(UserRow).where(UserRow.username == username).values(active=active))
        if not active:
            revoke_tokens(conn, username)
        action = Action.USER_ENABLED if active else Action.USER_DISABLED
        audit.record(conn, [AuditEvent(actor, action, detail=f"user={username}")])


def reset_password(
    db: ServerDatabase, username: str, password: str, *, actor: str = SYSTEM_ACTOR
) -> None:
    """Set a new password and end the user's sessions."""
    if problem := check_password(password):
        raise UserError(problem)
    password_hash = hash_password(password)
    with db.transaction() as conn:
        _require(conn, username)
        conn.execute(
            update(UserRow)
            .where(UserRow.username == username)
            .values(password_hash=password_hash, password_changed_at=datetime.now(UTC))
        )
        revoke_tokens(conn, username)
        audit.record(conn, [AuditEvent(actor, Action.PASSWORD_RESET, detail=f"user={username}")])


def _require(conn: Connection, username: str) -> None:
    if conn.execute(select(UserRow.username).where(UserRow.username == username)).first() is None:
        raise UnknownUserError(f"Användaren {username!r} finns inte.")
