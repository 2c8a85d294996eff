"""What the crash-safety tests run in a child process, to be killed with SIGKILL at any moment.

No Qt: the child saves through the same `IncidentService` the window uses and syncs through
the same `SyncEngine`, and prints a line only after the call has returned, so every printed
line is a promise the store must keep after the kill.

Run as `python -m tests.store.crash_children save STORE` or
`python -m tests.store.crash_children sync STORE SERVER_URL TOKEN`.
"""

from __future__ import annotations

import os
import random
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import IncidentDraft
from est_desktop.store.database import Store
from est_desktop.store.incident_service import IncidentService

HULTA = (57.7255, 12.9790)
SYNC_BATCH = 20  # small batches: many requests, so a kill often falls between two of them
_SAYING = threading.Lock()


def say(line: str) -> None:
    """One whole line at a time: `print` from two threads can interleave a line's text and its
    newline ("saved …synced")."""
    with _SAYING:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def incident_draft(description: str) -> IncidentDraft:
    # An hour ago by the real clock: a real server refuses incidents in the future.
    occurred = (datetime.now(UTC) - timedelta(hours=1)).replace(microsecond=0)
    return IncidentDraft(
        occurred_at=occurred,
        category="klotter",
        lat=HULTA[0],
        lon=HULTA[1],
        description=description,
        place_name="Hulta torg",
    )


def open_service(path: Path) -> IncidentService:
    store = Store.open(path)
    return IncidentService(
        store, Taxonomy.load(), lambda lat, lon: "hulta", lambda: Actor("anna", "bostader")
    )


def save_forever(path: Path) -> None:
    """Record, edit and delete incidents until killed; one line per returned call:
    `saved ID`, `edited ID N` (the description now ends in N) or `deleted ID`."""
    service = open_service(path)
    rng = random.Random(os.getpid())
    alive: list[str] = []
    n = 0
    while True:
        n += 1
        roll = rng.random()
        if alive and roll < 0.25:
            target = rng.choice(alive)
            service.edit(target, incident_draft(f"ändring {n}"))
            say(f"edited {target} {n}")
        elif alive and roll < 0.3:
            target = alive.pop(rng.randrange(len(alive)))
            service.delete(target)
            say(f"deleted {target}")
        else:
            incident = service.record(incident_draft(f"ny {n}"))
            alive.append(str(incident.id))
            say(f"saved {incident.id}")


def sync_forever(path: Path, server_url: str, token: str) -> None:
    """Record incidents on one thread while the main thread syncs, as the app does (entry on
    the UI thread, sync on a worker), until killed."""
    from est_desktop.sync.engine import SyncEngine
    from est_desktop.sync.transport import HttpTransport

    service = open_service(path)

    def record() -> None:
        n = 0
        while True:
            n += 1
            incident = service.record(incident_draft(f"under synk {n}"))
            say(f"saved {incident.id}")
            threading.Event().wait(0.005)

    threading.Thread(target=record, daemon=True).start()
    engine = SyncEngine(
        service.store, HttpTransport(server_url, token=token), batch_size=SYNC_BATCH
    )
    while True:
        engine.sync_once()
        say("synced")


if __name__ == "__main__":
    if sys.argv[1] == "save":
        save_forever(Path(sys.argv[2]))
    else:
        sync_forever(Path(sys.argv[2]), sys.argv[3], sys.argv[4])
