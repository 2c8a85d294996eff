"""A meter of the longest stall of the UI event loop, for the tests that long work leaves the
window responsive."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

# Generous: the test machine is shared and loaded. This is no speed benchmark. Work on the UI
# thread stalls the window for as long as the work lasts; work on a worker stalls it only in
# short spells (another thread holding the interpreter lock), which a loaded machine stretches.
# So a stall counts only when it is both long and most of the work's time.
STALL_LIMIT_MS = 500
STALL_SHARE = 0.5
TICK_MS = 10


class StallMeter(QObject):
    """While entered, a timer ticks every TICK_MS on the UI thread; `longest_ms` is the
    biggest gap seen between ticks (and up to the exit): how long the window could not paint."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = self._entered = 0.0
        self.longest_ms = self.elapsed_ms = 0.0
        self.ticks = 0

    def __enter__(self) -> StallMeter:
        self._last = self._entered = time.perf_counter()
        self.longest_ms, self.ticks = 0.0, 0
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._tick()
        self._timer.stop()
        self.elapsed_ms = (time.perf_counter() - self._entered) * 1000

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now
        self.ticks += 1

    def assert_responsive(self, limit_ms: float = STALL_LIMIT_MS) -> None:
        limit = max(limit_ms, STALL_SHARE * self.elapsed_ms)
        assert self.longest_ms < limit, (
            f"the UI stalled {self.longest_ms:.0f} ms of {self.elapsed_ms:.0f} ms of work"
        )
