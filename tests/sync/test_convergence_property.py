"""Three PCs editing at random over a network that fails at random still converge.

Each client records, edits and deletes through IncidentService (so its outbox is real) and
syncs through a transport that fails now and then before the server handles a request or after
(the answer lost). Conflicts are resolved at random. Throughout, nothing a client made is lost;
at the end, after every conflict is settled and everybody has synced until quiet, every client
shows exactly the server's records, revisions included.
"""

from __future__ import annotations

import contextlib
import json
import random
from dataclasses import replace

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import select

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import Incident
from est_desktop.domain.wire import incident_to_wire
from est_desktop.server.identity import Role, User
from est_desktop.store.conflicts import DELETION
from est_desktop.store.outbox import pending_changes
from est_desktop.store.tables import IncidentRow
from est_desktop.sync.errors import Offline
from tests.store.records import draft
from tests.sync.clients import (
    Client,
    FlakyTransport,
    InProcessTransport,
    TempServer,
    open_client,
    server_records,
    visible,
)

TAXONOMY = Taxonomy.load()
ADMIN = User("revisor", "bostader", Role.ADMIN)
CLIENTS = 3
FAILURE_RATE = 0.15
TEXTS = ("Klotter", "Glaskross", "Nedskräpning vid entrén", "Trasig lampa")
FIELDS = ("description", "place_name", "police_notified")
WHO = st.integers(0, CLIENTS - 1)
PICK = st.integers(0, 10_000)
CHOICE = st.sampled_from(["mine", "theirs"])


class Convergence(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.shared = TempServer.open("est-convergence-", TAXONOMY)
        self.clients: list[Client] = []
        self.flaky: list[FlakyTransport] = []
        self.creator: dict[str, Client] = {}
        self.touched: dict[str, set[str]] = {}  # record id -> clients that changed it

    @initialize(rng=st.randoms(use_true_random=False))
    def open_clients(self, rng: random.Random) -> None:
        for n in range(CLIENTS):
            user = User(f"user{n}", "bostader", Role.REPORTER)
            flaky = FlakyTransport(InProcessTransport(self.shared.service, user), rng, FAILURE_RATE)
            self.flaky.append(flaky)
            client = open_client(
                user.username,
                self.shared.folder,
                None,
                TAXONOMY,
                self.shared.clock,
                transport=flaky,
            )
            self.clients.append(client)

    # -- what people do -------------------------------------------------------------------

    @rule(who=WHO, text=st.sampled_from(TEXTS))
    def record(self, who: int, text: str) -> None:
        client = self.clients[who]
        recorded = client.service.record(draft(description=text))
        self.creator[str(recorded.id)] = client
        self._touch(str(recorded.id), client)

    @rule(who=WHO, pick=PICK, field=st.sampled_from(FIELDS), text=st.sampled_from(TEXTS))
    def edit(self, who: int, pick: int, field: str, text: str) -> None:
        client = self.clients[who]
        if (current := self._pick(client, pick)) is None:
            return
        value = not current.police_notified if field == "police_notified" else text
        client.service.edit(current.id, replace(current.as_draft(), **{field: value}))
        self._touch(str(current.id), client)

    @rule(who=WHO, pick=PICK)
    def delete(self, who: int, pick: int) -> None:
        client = self.clients[who]
        if (current := self._pick(client, pick)) is not None:
            client.service.delete(current.id)
            self._touch(str(current.id), client)

    @rule(who=WHO)
    def sync(self, who: int) -> None:
        with contextlib.suppress(Offline):  # tried again by a later sync
            self.clients[who].engine.sync_once()

    @rule()
    def everyone_syncs(self) -> None:
        for who in range(CLIENTS):
            self.sync(who)

    @rule(who=WHO, pick=PICK, text=st.sampled_from(TEXTS))
    def sync_while_editing(self, who: int, pick: int, text: str) -> None:
        """An edit saved while a sync runs, between its push and its pull, preferably of a
        record the pull is about to bring a newer version of."""
        client, flaky = self.clients[who], self.flaky[who]

        def edit_meanwhile() -> None:
            flaky.before_pull = None
            since = client.store.setting("sync_cursor")
            coming = json.loads(self.shared.service.pull(flaky.inner.user, since, 1000).to_json())
            newer = {c["id"]: c["revision"] for c in coming["changes"] if not c["deleted"]}
            live = [
                record_id
                for record_id, revision in newer.items()
                if (local := client.service.get(record_id))
                and not local.deleted
                and (local.revision or 0) < revision
            ]
            if live:
                current = client.service.get(live[pick % len(live)])
                client.service.edit(current.id, replace(current.as_draft(), description=text))
                self._touch(str(current.id), client)
            else:
                self.edit(who, pick, "description", text)

        flaky.before_pull = edit_meanwhile
        self.sync(who)
        flaky.before_pull = None

    @rule(who=WHO, pick=PICK, data=st.data())
    def resolve(self, who: int, pick: int, data: st.DataObject) -> None:
        client = self.clients[who]
        conflicts = client.conflicts.list()
        if not conflicts:
            return
        conflict = conflicts[pick % len(conflicts)]
        choices = {name: data.draw(CHOICE) for name in (*conflict.fields, DELETION)}
        client.conflicts.resolve(
            conflict.record_id, choices, by=client.name, at=self.shared.clock()
        )
        if "mine" in choices.values():
            self._touch(conflict.record_id, client)

    # -- what must always hold ------------------------------------------------------------

    @invariant()
    def nothing_made_here_is_lost(self) -> None:
        for record_id, client in self.creator.items():
            assert client.service.get(record_id) is not None, record_id

    @invariant()
    def the_server_holds_only_records_the_clients_made(self) -> None:
        assert set(self._server_ids()) <= set(self.creator)

    @invariant()
    def a_conflict_always_involves_another_pc(self) -> None:
        for client in self.clients:
            for conflict in client.conflicts.list():
                others = self.touched.get(conflict.record_id, set()) - {client.name}
                assert others, f"{client.name} conflicts with itself on {conflict.record_id}"

    @invariant()
    def a_record_shows_what_is_queued_for_it(self) -> None:
        """Until the server has it, nothing overwrites what this PC changed (conflicts too)."""
        for client in self.clients:
            with client.store.reading() as conn:
                queued = pending_changes(conn)
            expected: dict[str, dict[str, object]] = {}
            for change in queued:
                fields = expected.setdefault(change.record_id, {})
                fields.update(change.fields)
                fields["deleted"] = change.op == "delete"
            for record_id, fields in expected.items():
                local = client.service.get(record_id)
                shown = {**incident_to_wire(local), "deleted": local.deleted}
                assert {k: shown[k] for k in fields} == fields, (client.name, record_id)

    # -- the end ----------------------------------------------------------------------------

    def teardown(self) -> None:
        try:
            if self.clients:
                self._settle()
                self._check_converged()
        finally:
            self.shared.close(self.clients)

    def _settle(self) -> None:
        for flaky in self.flaky:
            flaky.rate = 0.0
        for _ in range(10):
            moved = 0
            for client in self.clients:
                for conflict in client.conflicts.list():
                    client.conflicts.resolve(conflict.record_id, {}, by="x", at=self.shared.clock())
                    moved += 1
                report = client.engine.sync_once()
                moved += report.pushed + report.pulled + report.conflicts + report.rejected
            if moved == 0:
                return
        raise AssertionError("the clients did not settle in 10 rounds")

    def _check_converged(self) -> None:
        on_server = server_records(self.shared.service, ADMIN)
        for client in self.clients:
            assert visible(client) == on_server, client.name
            status = client.engine.status()
            assert (status.waiting, status.conflicts, status.rejected) == (0, 0, 0)
        reached = set(self._server_ids())
        for record_id, client in self.creator.items():
            if record_id not in reached:  # dropped only when deleted before it ever left
                local = client.service.get(record_id)
                assert local.deleted and local.revision is None, record_id

    def _touch(self, record_id: str, client: Client) -> None:
        self.touched.setdefault(record_id, set()).add(client.name)

    def _server_ids(self) -> list[str]:
        from est_desktop.server.tables import RecordRow

        with self.shared.db.reading() as conn:
            return list(conn.scalars(select(RecordRow.id)))

    def _pick(self, client: Client, pick: int) -> Incident | None:
        # In the order rows were stored here, not by (random) id, so a run can be replayed.
        live = select(IncidentRow.id).where(IncidentRow.deleted.is_(False))
        with client.store.reading() as conn:
            ids = list(conn.scalars(live.order_by(IncidentRow.pk)))
        return client.service.get(ids[pick % len(ids)]) if ids else None


Convergence.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestConvergence = Convergence.TestCase
