"""How long to wait before the next sync attempt after a failure.

Exponential with full jitter (a uniformly random wait up to the exponential bound), so many
clients that lost the server at once do not all come back at the same moment.
"""

from __future__ import annotations

import random
from collections.abc import Callable


class Backoff:
    """Delays of `uniform(0, min(cap, base * 2**n))` for the n-th failure in a row.

    A server's Retry-After is a floor: the wait is never shorter than the server asked for
    (nor longer than the cap, unless the server asked for more).
    """

    def __init__(
        self, *, base: float = 5.0, cap: float = 900.0, rng: Callable[[], float] = random.random
    ) -> None:
        self.base = base
        self.cap = cap
        self._rng = rng
        self._failures = 0

    def next_delay(self, retry_after: float | None = None) -> float:
        bound = min(self.cap, self.base * 2 ** min(self._failures, 64))
        self._failures += 1
        delay = bound * self._rng()
        if retry_after is not None and retry_after > delay:
            return float(retry_after)
        return delay

    def reset(self) -> None:
        """After a success: the next failure starts from `base` again."""
        self._failures = 0
