"""The server's tunable limits (token lifetime, body size and time, login throttling) and its
secret.

Read once at start (`ServerSettings.from_environment()`), so every worker process of one
`est-server serve` gets the same values through the environment the command sets.
"""

from __future__ import annotations

import math
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from est_desktop.server.secret import load_secret

TOKEN_HOURS_ENV = "EST_SERVER_TOKEN_HOURS"


@dataclass(frozen=True, slots=True)
class ServerSettings:
    token_lifetime: timedelta = timedelta(hours=12)
    max_body_bytes: int = 5 * 1024 * 1024  # PROTOCOL.md: a body over 5 MiB is answered 413
    max_changes: int = 500  # PROTOCOL.md: more changes in one push are answered 413
    body_read_seconds: float = 60.0  # a body still arriving after this is answered 408
    login_window: timedelta = timedelta(minutes=15)
    login_max_failures: int = 10  # the 11th failure within the window is answered 429
    login_delay_first: float = 0.05  # seconds; doubles with every failure in the window ...
    login_delay_max: float = 1.5  # ... up to this
    # The pepper of stored token hashes (see secret.py). In-process apps get a random one;
    # `est-server serve` passes the configured one to every worker.
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ServerSettings:
        """Defaults, with the token lifetime from $EST_SERVER_TOKEN_HOURS when it is set and the
        secret from $EST_SERVER_SECRET or its file (SecretError when there is none)."""
        environ = os.environ if environ is None else environ
        raw = environ.get(TOKEN_HOURS_ENV, "").strip()
        secret = load_secret(environ)
        if not raw:
            return cls(secret=secret)
        return cls(token_lifetime=timedelta(hours=parse_token_hours(raw)), secret=secret)

    def login_delay(self, failures: int) -> float:
        """How long to hold back the answer to a failed login, the `failures`-th in the window."""
        if failures <= 0:
            return 0.0
        return min(self.login_delay_max, self.login_delay_first * 2 ** min(failures - 1, 30))


def parse_token_hours(raw: str) -> float:
    """Token lifetime in hours (fractions allowed); ValueError with a Swedish message."""
    try:
        hours = float(raw)
    except ValueError:
        raise ValueError(f"token-livslängden måste vara ett antal timmar, inte {raw!r}") from None
    if not math.isfinite(hours) or hours <= 0 or hours > 24 * 366:
        raise ValueError("token-livslängden måste vara mer än 0 och högst 8784 timmar (ett år)")
    return hours


RETENTION_MODE_ENV = "EST_SERVER_RETENTION_MODE"
RETENTION_AGE_ENV = "EST_SERVER_RETENTION_AGE"
AUDIT_AGE_ENV = "EST_SERVER_AUDIT_AGE"


@dataclass(frozen=True, slots=True)
class RetentionSettings:
    """What `est-server retention` does when its options do not say (docs/privacy.md): redact
    or delete incidents older than the limit. Apart from ServerSettings, as the command runs
    without the serving secret."""

    mode: str = "redact"  # or "delete"
    older_than: str = "5y"  # see retention.parse_age
    audit_older_than: str = ""  # audit entries older than this are forgotten; "": kept

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> RetentionSettings:
        """Defaults, overridden by $EST_SERVER_RETENTION_MODE, $EST_SERVER_RETENTION_AGE and
        $EST_SERVER_AUDIT_AGE."""
        environ = os.environ if environ is None else environ
        default = cls()
        return cls(
            mode=environ.get(RETENTION_MODE_ENV, "").strip().lower() or default.mode,
            older_than=environ.get(RETENTION_AGE_ENV, "").strip() or default.older_than,
            audit_older_than=environ.get(AUDIT_AGE_ENV, "").strip(),
        )
