"""A meter of the longest stall of the UI event loop, for the tests that long work leaves the
window responsive."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

# Generous: the test machine is shared and loaded. This is no speed benchmark; a stall this
# long means the work ran on the UI thread, which takes several times longer on such a store.
STALL_LIMIT_MS = 500
TICK_MS = 10


class StallMeter(QObject):
    """While entered, a timer ticks every TICK_MS on the UI thread; `longest_ms` is the
    biggest gap seen between ticks (and up to the exit): how long the window could not paint."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest_ms = 0.0
        self.ticks = 0

    def __enter__(self) -> StallMeter:
        self._last = time.perf_counter()
        self.longest_ms, self.ticks = 0.0, 0
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._tick()
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now
        self.ticks += 1

    def assert_responsive(self, limit_ms: float = STALL_LIMIT_MS) -> None:
        assert self.longest_ms < limit_ms, f"the UI stalled {self.longest_ms:.0f} ms"
