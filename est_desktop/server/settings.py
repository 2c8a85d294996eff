"""The server's tunable limits: token lifetime, body size, login throttling.

Read once at start (`ServerSettings.from_environment()`), so every worker process of one
`est-server serve` gets the same values through the environment the command sets.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

TOKEN_HOURS_ENV = "EST_SERVER_TOKEN_HOURS"


@dataclass(frozen=True, slots=True)
class ServerSettings:
    token_lifetime: timedelta = timedelta(hours=12)
    max_body_bytes: int = 5 * 1024 * 1024  # PROTOCOL.md: a body over 5 MiB is answered 413
    max_changes: int = 500  # PROTOCOL.md: more changes in one push are answered 413
    login_window: timedelta = timedelta(minutes=15)
    login_max_failures: int = 10  # the 11th failure within the window is answered 429
    login_delay_first: float = 0.05  # seconds; doubles with every failure in the window ...
    login_delay_max: float = 1.5  # ... up to this

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ServerSettings:
        """Defaults, with the token lifetime from $EST_SERVER_TOKEN_HOURS when it is set."""
        environ = os.environ if environ is None else environ
        raw = environ.get(TOKEN_HOURS_ENV, "").strip()
        if not raw:
            return cls()
        return cls(token_lifetime=timedelta(hours=parse_token_hours(raw)))

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
