"""The worker helper: results, progress and cancel come back on the UI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from est_desktop.ui.tasks import Cancelled, Progress, TrackedTask

WAIT_MS = 10_000


def test_progress_reported_per_row_reaches_the_ui_thread_coalesced_and_the_last_count_first(
    qtbot,
):
    rows = 50_000

    def work(progress: Progress) -> str:
        for done in range(1, rows + 1):
            progress.advance(done, rows)
        return "klart"

    task = TrackedTask(work)
    seen: list[tuple[tuple[int, int], bool]] = []
    ui_thread = QApplication.instance().thread()
    task.relay.progressed.connect(lambda v: seen.append((v, QThread.currentThread() is ui_thread)))
    with qtbot.waitSignal(task.relay.succeeded, timeout=WAIT_MS) as done:
        task.start()
    assert done.args == ["klart"]
    assert seen[-1] == ((rows, rows), True)  # the final count, before the result
    assert all(on_ui for _value, on_ui in seen)
    assert len(seen) < rows  # one delivery waits at a time: the window is not flooded
    counts = [value[0] for value, _ in seen]
    assert counts == sorted(counts)


def test_cancel_stops_work_that_checks_and_it_fails_with_cancelled(qtbot):
    started = threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        while True:
            progress.check()
            progress.cancel_event.wait(0.01)

    task = TrackedTask(work)
    with qtbot.waitSignal(task.relay.failed, timeout=WAIT_MS) as failed:
        task.start()
        assert started.wait(5)
        task.cancel()
    assert isinstance(failed.args[0], Cancelled)
    assert task.cancelled
