"""What a sync run tells its caller while it runs, and how the caller asks it to stop.

No Qt: the engine calls `on_progress` on its own (worker) thread between batches, and looks at
`cancel` there too. A cancelled run stops after the batch under way: what was sent is answered
and stored, what was pulled is stored with its cursor, and the next run goes on from there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class SyncStage(StrEnum):
    PUSH = "push"  # sending the changes made here
    PULL = "pull"  # fetching what changed on the server


@dataclass(frozen=True, slots=True)
class SyncProgress:
    stage: SyncStage
    done: int  # changes answered (push) or records received (pull) so far in this run
    total: int | None  # push: the changes waiting when it began; pull: not known


def _ignore(_progress: SyncProgress) -> None:
    pass


@dataclass
class SyncWatch:
    """Handed to `SyncEngine.sync_once` by whoever shows the run (the window's controller)."""

    on_progress: Callable[[SyncProgress], None] = _ignore
    cancel: threading.Event = field(default_factory=threading.Event)

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def pushed(self, done: int, total: int) -> None:
        self.on_progress(SyncProgress(SyncStage.PUSH, done, max(total, done)))

    def pulled(self, done: int) -> None:
        self.on_progress(SyncProgress(SyncStage.PULL, done, None))
