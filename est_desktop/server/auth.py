"""Who may ask: argon2id passwords, bearer tokens stored hashed, and login throttling.

All of it lives in the database (tables `users`, `tokens`, `login_failures`), so every server
process over one database accepts the same tokens and counts the same failures.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Annotated

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, delete, func, insert, select, text

from est_desktop.server.database import ServerDatabase
from est_desktop.server.errors import ApiError, unauthorized
from est_desktop.server.identity import Role, User
from est_desktop.server.settings import ServerSettings
from est_desktop.server.tables import LoginFailureRow, TokenRow, UserRow

# argon2id with OWASP's recommended minimum (19 MiB, 2 passes): affordable for many logins at
# once on a small host. The parameters travel inside each hash, so raising them later is safe.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MAX_TOKEN_LENGTH = 200  # ours are 43 characters; anything far longer is not worth a lookup


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    """Checked for unknown users, so they take as long to refuse as a wrong password."""
    return hash_password(secrets.token_urlsafe(16))


def prepare_logins() -> None:
    """Make the dummy hash now (at start), so the first unknown user is not the slow one."""
    _dummy_hash()


def token_digest(token: str, secret: str) -> str:
    """What is stored of a token: its HMAC-SHA256 under the server's secret (see secret.py)."""
    key = secret.encode("utf-8", "surrogatepass")
    return hmac.new(key, token.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def throttle_key(kind: str, value: str, secret: str) -> str:
    """What the failure counter stores for a username (`kind` "user") or an address ("addr"):
    `kind:` and an HMAC of both under the server's secret, so the table names nobody in plain
    text. ':' never occurs in a token, so no key can equal a token's digest."""
    return f"{kind}:{token_digest(f'{kind}:{value}', secret)}"


# --- tokens --------------------------------------------------------------------------------


def issue_token(
    conn: Connection, username: str, now: datetime, settings: ServerSettings
) -> tuple[str, datetime]:
    """A new bearer token for `username` and when it expires; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    expires_at = (now + settings.token_lifetime).replace(microsecond=0)
    conn.execute(
        insert(TokenRow).values(
            token_hash=token_digest(token, settings.secret),
            username=username,
            created_at=now,
            expires_at=expires_at,
        )
    )
    return token, expires_at


def user_for_token(conn: Connection, token: str, now: datetime, secret: str) -> User | None:
    """The active user a valid, unexpired token belongs to, else None."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    row = conn.execute(
        select(UserRow.username, UserRow.organisation, UserRow.role)
        .join(TokenRow, TokenRow.username == UserRow.username)
        .where(
            TokenRow.token_hash == token_digest(token, secret),
            TokenRow.expires_at > now,
            UserRow.active.is_(True),
        )
    ).first()
    return User(row.username, row.organisation, Role(row.role)) if row else None


def revoke_tokens(conn: Connection, username: str) -> int:
    return conn.execute(delete(TokenRow).where(TokenRow.username == username)).rowcount


# --- logging in ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoginOutcome:
    """A login's result: a token, or a failure (the how-manieth), or a refusal for now."""

    user: User | None = None
    token: str = ""
    expires_at: datetime | None = None
    failures: int = 0  # failures in the window, this one included, when it failed
    retry_after: int | None = None  # seconds, when refused without checking the password


def log_in(
    db: ServerDatabase,
    settings: ServerSettings,
    username: str,
    password: str,
    address: str,
    now: datetime | None = None,
) -> LoginOutcome:
    """Check a username and password, counting failures per username and per address.

    The failure is written before the password is checked and removed on success, so
    concurrent guesses (on any process) cannot slip past the limit together. Blocking: run it
    off the event loop.
    """
    now = now or datetime.now(UTC)
    user_key = throttle_key("user", username, settings.secret)
    keys = sorted({user_key, throttle_key("addr", address, settings.secret)})
    with db.transaction() as conn:
        _lock_keys(conn, keys)
        recent = {key: _recent_failures(conn, key, now, settings) for key in keys}
        waits = [
            _seconds_until_below_limit(times, now, settings)
            for times in recent.values()
            if len(times) >= settings.login_max_failures
        ]
        if waits:
            return LoginOutcome(retry_after=max(waits))
        provisional = [
            conn.execute(
                insert(LoginFailureRow).values(key=key, failed_at=now).returning(LoginFailureRow.id)
            ).scalar_one()
            for key in keys
        ]
    failures = 1 + max(len(times) for times in recent.values())
    with db.reading() as conn:
        row = conn.execute(select(UserRow).where(UserRow.username == username)).first()
    good = verify_password(row.password_hash if row else _dummy_hash(), password)
    if not (row and good and row.active):
        return LoginOutcome(failures=failures)
    user = User(row.username, row.organisation, Role(row.role))
    with db.transaction() as conn:
        conn.execute(delete(LoginFailureRow).where(LoginFailureRow.key == user_key))
        conn.execute(delete(LoginFailureRow).where(LoginFailureRow.id.in_(provisional)))
        _prune(conn, now, settings)
        token, expires_at = issue_token(conn, user.username, now, settings)
    return LoginOutcome(user=user, token=token, expires_at=expires_at)


def _lock_keys(conn: Connection, keys: Iterable[str]) -> None:
    """Serialise logins on the same keys. SQLite's BEGIN IMMEDIATE already serialises all."""
    if conn.dialect.name == "postgresql":
        for key in keys:  # sorted by the caller: no deadlock between two logins
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": key})


def _recent_failures(
    conn: Connection, key: str, now: datetime, settings: ServerSettings
) -> list[datetime]:
    return list(
        conn.scalars(
            select(LoginFailureRow.failed_at)
            .where(
                LoginFailureRow.key == key, LoginFailureRow.failed_at > now - settings.login_window
            )
            .order_by(LoginFailureRow.failed_at)
        )
    )


def _seconds_until_below_limit(
    times: list[datetime], now: datetime, settings: ServerSettings
) -> int:
    """When enough of the oldest failures have aged out of the window for one more try."""
    ages_out = times[len(times) - settings.login_max_failures] + settings.login_window
    return max(1, math.ceil((ages_out - now).total_seconds()))


def _prune(conn: Connection, now: datetime, settings: ServerSettings) -> None:
    """Forget failures older than the window and expired tokens (done at each login)."""
    conn.execute(
        delete(LoginFailureRow).where(LoginFailureRow.failed_at <= now - settings.login_window)
    )
    conn.execute(delete(TokenRow).where(TokenRow.expires_at <= now))


def failure_count(conn: Connection, key: str) -> int:
    """How many failures are stored for a key (`throttle_key`; for operators and tests)."""
    return conn.execute(
        select(func.count()).select_from(LoginFailureRow).where(LoginFailureRow.key == key)
    ).scalar_one()


# --- the bearer dependency -----------------------------------------------------------------

_bearer = HTTPBearer(
    auto_error=False,
    description="Token från POST /api/v1/auth/token, som `Authorization: Bearer <token>`.",
)


def current_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    """The user behind the request's bearer token, or 401 (missing, unknown, expired, disabled)."""
    if credentials is None:
        raise unauthorized("Inloggning krävs: skicka en giltig token i Authorization: Bearer.")
    db: ServerDatabase = request.app.state.db
    with db.reading() as conn:
        user = user_for_token(
            conn, credentials.credentials, datetime.now(UTC), request.app.state.settings.secret
        )
    if user is None:
        raise unauthorized("Token är ogiltig eller har gått ut. Logga in igen.")
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def requires(role: Role) -> Callable[[User], User]:
    """A dependency: the current user when their role is at least `role`, else 403.

    The role travels on the function as `required_role`, so tests can find every route that
    needs one by walking the app's routes.
    """

    def at_least(user: CurrentUser) -> User:
        if not user.at_least(role):
            raise ApiError(403, "Din roll får inte göra detta.")
        return user

    at_least.required_role = role  # type: ignore[attr-defined]
    return at_least


AnalystUser = Annotated[User, Depends(requires(Role.ANALYST))]
AdminUser = Annotated[User, Depends(requires(Role.ADMIN))]
