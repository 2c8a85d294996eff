"""Shared pieces of the sync-logic tests: users of each kind, change builders, a service fixture.

Test modules import the `sync` fixture with `from tests.server.helpers_sync import sync_fixture`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.server.database import ServerDatabase
from est_desktop.server.identity import Role, User
from est_desktop.server.sync_service import SyncService
from est_desktop.server.tables import AppliedChangeRow, RecordRow
from tests.conftest import Clock

ANNA = User("anna", "bostader", Role.REPORTER)
BERIT = User("berit", "bostader", Role.REPORTER)  # Anna's colleague
OLLE = User("olle", "boras_stad", Role.REPORTER)  # another organisation
PETRA = User("petra", "polisen", Role.REPORTER)  # the police see police records
ALVA = User("alva", "boras_stad", Role.ANALYST)
ADAM = User("adam", "boras_stad", Role.ADMIN)

# Inside the district "hulta" and the service area.
HULTA = (57.7259, 12.9781)
NORRBY = (57.7307, 12.9482)
NOT_YOURS = "Posten finns inte eller får inte ändras av dig."


def new_id() -> str:
    return str(uuid.uuid4())


def incident_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "occurred_at": "2026-11-25T21:40:00+01:00",
        "category": "klotter",
        "lat": HULTA[0],
        "lon": HULTA[1],
        "description": "Klotter på muren",
    }
    fields.update(overrides)
    return fields


def measure_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"title": "Bättre belysning", "start_date": "2026-12-01"}
    fields.update(overrides)
    return fields


def change(
    record_id: str | None = None,
    fields: dict[str, Any] | None = None,
    *,
    base: int | None = None,
    op: str = "upsert",
    entity: str = "incident",
    change_id: str | None = None,
) -> dict[str, Any]:
    built: dict[str, Any] = {
        "change_id": change_id or new_id(),
        "entity": entity,
        "op": op,
        "id": record_id or new_id(),
        "base_revision": base,
    }
    if fields is not None:
        built["fields"] = fields
    return built


@dataclass
class SyncEnv:
    """A migrated server database with the sync service on it, and helpers to drive it."""

    db: ServerDatabase
    service: SyncService
    clock: Clock

    def push(self, user: User, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        results = self.service.push(user, "client-1", list(changes))
        assert len(results) == len(changes)
        json.dumps(results)  # every answer must be JSON as it stands
        return results

    def push_one(self, user: User, one: dict[str, Any]) -> dict[str, Any]:
        return self.push(user, one)[0]

    def create(self, user: User = ANNA, entity: str = "incident", **fields: Any) -> dict[str, Any]:
        """A new record with the default fields (overridden by `fields`); its result."""
        base = incident_fields() if entity == "incident" else measure_fields()
        result = self.push_one(user, change(fields={**base, **fields}, entity=entity))
        assert result["status"] == "applied", result
        return result

    def edit(
        self, user: User, record_id: str, base: int | None, entity: str = "incident", **fields: Any
    ) -> dict[str, Any]:
        return self.push_one(user, change(record_id, fields, base=base, entity=entity))

    def delete(
        self, user: User, record_id: str, base: int | None, entity: str = "incident"
    ) -> dict[str, Any]:
        return self.push_one(user, change(record_id, op="delete", base=base, entity=entity))

    def stored(self, record_id: str) -> Any:
        """The `records` row of `record_id`, or None."""
        with self.db.reading() as conn:
            return conn.execute(
                select(RecordRow.__table__).where(RecordRow.id == record_id)
            ).first()

    def counts(self) -> tuple[int, int]:
        """How many records and how many answered changes are stored."""
        with self.db.reading() as conn:
            records = len(conn.execute(select(RecordRow.id)).all())
            answers = len(conn.execute(select(AppliedChangeRow.change_id)).all())
        return records, answers

    def pull_all(self, user: User, limit: int = 1000) -> dict[str, dict[str, Any]]:
        """Everything `user` may pull, id -> change (newest)."""
        seen: dict[str, dict[str, Any]] = {}
        cursor = None
        while True:
            page = json.loads(self.service.pull(user, cursor, limit).to_json())
            for pulled in page["changes"]:
                seen[pulled["id"]] = pulled
            cursor = page["cursor"]
            if not page["has_more"]:
                return seen


def make_env(url: str, taxonomy: Taxonomy, clock: Clock) -> SyncEnv:
    db = ServerDatabase.connect(url)
    db.migrate()
    return SyncEnv(db, SyncService(db, taxonomy, DistrictLookup.default(), clock=clock), clock)


@pytest.fixture(name="sync")
def sync_fixture(server_database_url: str, taxonomy: Taxonomy, clock: Clock) -> Iterator[SyncEnv]:
    env = make_env(server_database_url, taxonomy, clock)
    yield env
    env.db.close()
