"""Small hand-written fakes of the sync layer, so the sync widgets are tested without a server."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from est_desktop.domain.incident import Incident
from est_desktop.store.conflicts import Conflict
from est_desktop.sync.engine import LocalSyncStatus, SyncReport
from est_desktop.sync.progress import SyncWatch
from est_desktop.sync.transport import Session

REPORT = SyncReport(
    pushed=1, pulled=2, conflicts=0, rejected=0, waiting=0, finished_at=datetime.now(UTC)
)


class FakeEngine:
    """`sync_once` answers from `outcomes` (a report or an exception to raise), else REPORT.

    With `gate` set, each call waits for the gate first: the test decides when a sync ends.
    """

    def __init__(self, *outcomes: object, status: LocalSyncStatus | None = None) -> None:
        self.outcomes = list(outcomes)
        self.gate: threading.Event | None = None
        self.calls = 0
        self.running = 0
        self.most_at_once = 0
        self.threads: list[threading.Thread] = []
        self.local = status or LocalSyncStatus(
            waiting=0, conflicts=0, rejected=0, last_success=None, last_error=None
        )
        self._lock = threading.Lock()

    def sync_once(self, watch: SyncWatch | None = None) -> SyncReport:
        with self._lock:
            self.calls += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
            self.threads.append(threading.current_thread())
            outcome = self.outcomes.pop(0) if self.outcomes else REPORT
        try:
            if self.gate is not None:
                assert self.gate.wait(10), "the test never opened the gate"
            if isinstance(outcome, BaseException):
                raise outcome
            self.local = replace(self.local, last_success=outcome.finished_at)  # type: ignore[attr-defined]
            return outcome  # type: ignore[return-value]
        finally:
            with self._lock:
                self.running -= 1

    def status(self) -> LocalSyncStatus:
        return self.local


class FakeBackoff:
    """Fixed, short delays; records what it was asked."""

    def __init__(self, delay: float = 0.05) -> None:
        self.delay = delay
        self.asked: list[float | None] = []
        self.resets = 0

    def next_delay(self, retry_after: float | None = None) -> float:
        self.asked.append(retry_after)
        return max(self.delay, retry_after or 0.0)

    def reset(self) -> None:
        self.resets += 1


class FakeTokenStore:
    def __init__(self, tokens: Mapping[tuple[str, str], str] | None = None) -> None:
        self.tokens: dict[tuple[str, str], str] = dict(tokens or {})

    def get(self, server_url: str, username: str) -> str | None:
        return self.tokens.get((server_url, username))

    def put(self, server_url: str, username: str, token: str) -> None:
        self.tokens[(server_url, username)] = token

    def delete(self, server_url: str, username: str) -> None:
        self.tokens.pop((server_url, username), None)


def session(username: str = "anna", token: str = "tok-1") -> Session:
    return Session(
        token=token,
        expires_at=datetime(2026, 11, 27, tzinfo=UTC),
        username=username,
        organisation="boras_stad",
        role="reporter",
    )


@dataclass
class FakeConflictRepository:
    conflicts: list[Conflict]
    resolved: list[tuple[str, dict[str, str], str]] = field(default_factory=list)

    def list(self) -> list[Conflict]:
        return list(self.conflicts)

    def count(self) -> int:
        return len(self.conflicts)

    def get(self, record_id: str) -> Conflict | None:
        return next((c for c in self.conflicts if c.record_id == record_id), None)

    def resolve(self, record_id: str, choices: Mapping[str, str], *, by: str, at: datetime) -> None:
        self.resolved.append((record_id, dict(choices), by))
        self.conflicts = [c for c in self.conflicts if c.record_id != record_id]


def conflict(
    local: Incident, server: Incident | None, fields: tuple[str, ...], **flags
) -> Conflict:
    return Conflict(
        record_id=str(local.id),
        local=local,
        server=server,
        server_deleted=flags.get("server_deleted", False),
        local_deleted=flags.get("local_deleted", False),
        fields=fields,
    )
