"""Sync test pieces: a server in-process (H1's SyncService on a fresh database), transports
that call it directly (optionally failing before or after the server handles a request), and
local clients each with their own store."""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.server.database import ServerDatabase
from est_desktop.server.identity import Role, User
from est_desktop.store.conflicts import ConflictRepository
from est_desktop.store.database import Store
from est_desktop.store.incident_service import IncidentService
from est_desktop.sync.engine import SyncEngine
from est_desktop.sync.errors import Offline
from tests.conftest import Clock

sync_service = pytest.importorskip("est_desktop.server.sync_service")


def open_server(db: ServerDatabase, taxonomy: Taxonomy, clock: Clock) -> Any:
    db.migrate()
    return sync_service.SyncService(db, taxonomy, DistrictLookup.default(), clock=clock)


@dataclass
class TempServer:
    """A server on a SQLite file in a fresh temp folder, with the clock its PCs share: for a
    state machine, which gets no pytest fixtures (opened in `__init__`, closed in `teardown`)."""

    folder: Path
    clock: Clock
    db: ServerDatabase
    service: Any

    @classmethod
    def open(cls, prefix: str, taxonomy: Taxonomy) -> TempServer:
        folder = Path(tempfile.mkdtemp(prefix=prefix))
        clock = Clock()
        db = ServerDatabase.connect(f"sqlite:///{folder}/server.db")
        return cls(folder, clock, db, open_server(db, taxonomy, clock))

    def close(self, clients: Iterable[Client]) -> None:
        """Close `clients` (their stores are in the folder), the server, then remove the folder."""
        for client in clients:
            client.close()
        self.service.close()  # its audit log written before the database goes
        self.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class InProcessTransport:
    """Calls the service directly, through JSON both ways as HTTP would."""

    def __init__(self, service: Any, user: User) -> None:
        self.service = service
        self.user = user
        self.requests = 0

    def push(self, client_id: str, changes: list[dict]) -> list[dict]:
        self.requests += 1
        results = self.service.push(self.user, client_id, json.loads(json.dumps(changes)))
        return json.loads(json.dumps(results))

    def pull(self, since: str | None, limit: int = 500) -> dict:
        self.requests += 1
        return json.loads(self.service.pull(self.user, since, limit).to_json())

    def reference(self) -> dict:
        raise NotImplementedError


class FlakyTransport:
    """Fails a request at random: before the server sees it, or after (the answer lost)."""

    def __init__(self, inner: InProcessTransport, rng: random.Random, rate: float) -> None:
        self.inner = inner
        self.rng = rng
        self.rate = rate
        self.before_pull: Callable[[], None] | None = None  # e.g. an edit saved meanwhile

    def _call(self, method: str, *args: Any) -> Any:
        if self.rng.random() < self.rate:
            raise Offline("före: ingen kontakt")
        answer = getattr(self.inner, method)(*args)
        if self.rng.random() < self.rate:
            raise Offline("efter: svaret förlorades")
        return answer

    def push(self, client_id: str, changes: list[dict]) -> list[dict]:
        return self._call("push", client_id, changes)

    def pull(self, since: str | None, limit: int = 500) -> dict:
        if self.before_pull is not None:
            self.before_pull()
        return self._call("pull", since, limit)

    def reference(self) -> dict:
        raise NotImplementedError


@dataclass
class Client:
    name: str
    store: Store
    service: IncidentService
    engine: SyncEngine
    conflicts: ConflictRepository
    transport: Any
    created: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.store.close()


def open_client(
    name: str,
    folder: Path,
    server: Any,
    taxonomy: Taxonomy,
    clock: Clock,
    *,
    organisation: str = "bostader",
    role: Role = Role.REPORTER,
    transport: Any = None,
    pull_limit: int = 500,
) -> Client:
    user = User(name, organisation, role)
    store = Store.open(folder / f"{name}.sqlite")
    service = IncidentService(
        store,
        taxonomy,
        DistrictLookup.default().district_at,
        lambda: Actor(user.username, user.organisation),
        clock=clock,
    )
    transport = transport or InProcessTransport(server, user)
    engine = SyncEngine(store, transport, clock=clock, pull_limit=pull_limit)
    return Client(name, store, service, engine, ConflictRepository(store), transport)


def visible(client: Client) -> dict[str, dict[str, Any]]:
    """Every live record of a client as its comparable wire fields plus revision."""
    from sqlalchemy import select

    from est_desktop.store.tables import IncidentRow

    with client.store.reading() as conn:
        ids = list(conn.scalars(select(IncidentRow.id).where(IncidentRow.deleted.is_(False))))
    return {record_id: comparable(client.service.get(record_id)) for record_id in ids}


def comparable(incident: Any) -> dict[str, Any]:
    from est_desktop.domain.wire import incident_to_wire

    wire = incident_to_wire(incident)
    keep = ("created_at", "created_by", "updated_at", "updated_by", "organisation")
    return {k: v for k, v in wire.items() if k not in keep}


def server_records(server: Any, user: User) -> dict[str, dict[str, Any]]:
    """The server's live incidents, as `visible` shows a client's."""
    from est_desktop.domain.wire import incident_from_wire

    records: dict[str, dict[str, Any]] = {}
    since: str | None = None
    while True:
        page = json.loads(server.pull(user, since, 1000).to_json())
        for change in page["changes"]:
            if change["entity"] == "incident" and not change["deleted"]:
                records[change["id"]] = comparable(incident_from_wire(change["record"]))
            else:
                records.pop(change["id"], None)
        since = page["cursor"]
        if not page["has_more"]:
            return records
