"""Measures in the local store: those pulled from the server (written by the sync,
remote_rows.py) and those recorded or edited here, each write with its outbox entry.

A row keeps the measure in wire form (PROTOCOL.md, "Measure"). The `measures.revision` column
may not be NULL, so a measure the server has not confirmed yet is kept with revision 0 there
(server revisions start at 1) and `"revision": null` in its record; either way it reads back
as `revision=None`. Revision 0 also lets the pushed answer's record replace the row, since
`store_measures` only overwrites a row with a higher revision.

The control area an analyst picks for a measure's follow-up is not part of the measure record
(PROTOCOL.md has no field for it), so it stays on this PC, in the store's settings.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Collection
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.language import translate
from est_desktop.domain.measure import (
    MEASURE_FIELDS,
    Measure,
    MeasureDraft,
    MeasureProblem,
    check_measure,
    measure_fields_to_wire,
    measure_from_wire,
    measure_to_wire,
)
from est_desktop.store.database import Store
from est_desktop.store.errors import RecordNotFoundError
from est_desktop.store.measure_sync import in_conflict, rejection, sync_states
from est_desktop.store.outbox import changes_for, queue_change
from est_desktop.store.tables import MeasureRow

log = logging.getLogger(__name__)

ENTITY = "measure"
_CONTROL_KEY = "measure_control:{id}"  # a GeoJSON Polygon; absent: the rest of the district
UNCONFIRMED_REVISION = 0  # the column's stand-in for "not yet on the server" (None in a record)


class InvalidMeasureError(ValueError):
    """The draft breaks the rules; `problems` says how, field by field."""

    def __init__(self, problems: list[MeasureProblem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems


class MeasureRepository:
    """Reads and writes measures in one `Store`. Any thread; each write is one transaction.

    Writes check drafts against `taxonomy` and `district_codes`; a repository made without
    them (only to read) refuses to write.
    """

    def __init__(
        self,
        store: Store,
        *,
        taxonomy: Taxonomy | None = None,
        district_codes: Collection[str] | None = None,
    ) -> None:
        self._store = store
        self._taxonomy = taxonomy
        self._district_codes = None if district_codes is None else frozenset(district_codes)

    def live(self) -> list[Measure]:
        """Every measure not deleted, oldest start first. A record this version cannot read
        (a newer server's) is left out and logged, not allowed to break the map or a report."""
        with self._store.reading() as conn:
            rows = conn.execute(
                select(MeasureRow.id, MeasureRow.record).where(MeasureRow.deleted.is_(False))
            ).all()
        measures = []
        for record_id, text in rows:
            try:
                measures.append(measure_from_wire(json.loads(text)))
            except (TypeError, ValueError, KeyError) as exc:
                log.warning("measure %s not readable, left out: %s", record_id, exc)
        return sorted(measures, key=lambda m: (m.draft.start_date is None, m.draft.start_date))

    def get(self, measure_id: uuid.UUID) -> Measure:
        """The stored measure; `RecordNotFoundError` if there is none or it is deleted."""
        with self._store.reading() as conn:
            return self._stored(conn, measure_id)

    def check(self, draft: MeasureDraft) -> list[MeasureProblem]:
        """Every problem with `draft`; empty when it may be saved."""
        if self._taxonomy is None or self._district_codes is None:
            raise RuntimeError("MeasureRepository needs taxonomy and district codes to write")
        return check_measure(draft, self._taxonomy, self._district_codes)

    def record(self, draft: MeasureDraft, actor: Actor, now: datetime) -> Measure:
        """Store a new measure and queue it for sync, in one transaction.

        `InvalidMeasureError` (a `ValueError`, with `.problems`) if the draft is bad; then
        nothing is written.
        """
        draft = _normalised(draft)
        if problems := self.check(draft):
            raise InvalidMeasureError(problems)
        now = _whole_seconds(now)
        measure = Measure(
            id=uuid.uuid4(),
            draft=draft,
            organisation=actor.organisation,
            created_at=now,
            created_by=actor.username,
            updated_at=now,
            updated_by=actor.username,
        )
        with self._store.transaction() as conn:
            conn.execute(
                insert(MeasureRow).values(
                    id=str(measure.id),
                    revision=UNCONFIRMED_REVISION,
                    deleted=False,
                    record=_record_text(measure),
                )
            )
            queue_change(
                conn,
                entity=ENTITY,
                record_id=str(measure.id),
                op="upsert",
                base_revision=None,
                fields=measure_fields_to_wire(draft),
                now=now,
            )
        return measure

    def edit(self, measure: Measure, draft: MeasureDraft, actor: Actor, now: datetime) -> Measure:
        """Store the fields of `draft` that differ from `measure` (as the user saw it) and
        queue only those, based on the revision stored now. An unchanged draft writes nothing.

        The changes are laid over the row as stored in this transaction: a sync may have
        replaced it since `measure` was read, and only what the user changed may win over
        that. A measure the server never confirmed and with no change queued (its create was
        rejected) queues every field, so the server can create it from this change alone. A
        measure in conflict queues nothing: resolving the conflict sends what is chosen.
        `InvalidMeasureError` if the result is bad; `RecordNotFoundError` if it is gone.
        """
        draft = _normalised(draft)
        before, after = measure_fields_to_wire(measure.draft), measure_fields_to_wire(draft)
        changed = [name for name in MEASURE_FIELDS if before[name] != after[name]]
        if not changed:
            return measure
        with self._store.transaction() as conn:
            stored = self._stored(conn, measure.id)
            merged = replace(stored.draft, **{name: getattr(draft, name) for name in changed})
            if problems := self.check(merged):
                raise InvalidMeasureError(problems)
            if stored.revision is None and not changes_for(conn, str(measure.id)):
                changed = list(MEASURE_FIELDS)
            now = _whole_seconds(now)
            updated = replace(stored, draft=merged, updated_at=now, updated_by=actor.username)
            conn.execute(
                update(MeasureRow)
                .where(MeasureRow.id == str(measure.id))
                .values(record=_record_text(updated))
            )
            if in_conflict(conn, str(measure.id)):
                # Held like an incident in conflict: the edit stays here, and the conflicts
                # dialog (which compares this row with the server's) sends what is chosen.
                return updated
            wire = measure_fields_to_wire(merged)
            queue_change(
                conn,
                entity=ENTITY,
                record_id=str(measure.id),
                op="upsert",
                base_revision=stored.revision,
                fields={name: wire[name] for name in changed},
                now=now,
            )
        return updated

    def sync_states(self) -> dict[str, str]:
        """Measure id → "waiting", "conflict" or "rejected", for those not in step with the
        server (measure_sync.py tells them apart)."""
        with self._store.reading() as conn:
            return sync_states(conn)

    def rejection(self, measure_id: uuid.UUID) -> dict[str, str] | None:
        """The server's reasons for refusing the measure's last change, if it did."""
        with self._store.reading() as conn:
            return rejection(conn, str(measure_id))

    def control_area(self, measure_id: uuid.UUID) -> dict[str, Any] | None:
        """The control area picked for the measure's follow-up; None: the rest of its district."""
        text = self._store.setting(_CONTROL_KEY.format(id=measure_id))
        if not text:
            return None
        try:
            geometry = json.loads(text)
        except ValueError:
            log.warning("control area of measure %s not readable, district used", measure_id)
            return None
        return geometry if isinstance(geometry, dict) else None

    def set_control_area(self, measure_id: uuid.UUID, geometry: dict[str, Any] | None) -> None:
        """Remember the control area (a GeoJSON Polygon), or go back to the district (None)."""
        text = "" if geometry is None else json.dumps(geometry)
        self._store.set_setting(_CONTROL_KEY.format(id=measure_id), text)

    @staticmethod
    def _stored(conn: Connection, measure_id: uuid.UUID) -> Measure:
        row = conn.execute(
            select(MeasureRow.revision, MeasureRow.record).where(
                MeasureRow.id == str(measure_id), MeasureRow.deleted.is_(False)
            )
        ).first()
        if row is None or row.record is None:
            raise RecordNotFoundError(
                translate("Store", "Åtgärden {id} finns inte (längre).").format(id=measure_id)
            )
        measure = measure_from_wire(json.loads(row.record))
        revision = None if row.revision == UNCONFIRMED_REVISION else row.revision
        return replace(measure, revision=revision)


def _normalised(draft: MeasureDraft) -> MeasureDraft:
    return replace(
        draft,
        title=draft.title.strip(),
        description=draft.description.strip(),
        responsible_organisation=draft.responsible_organisation.strip(),
        follow_up=draft.follow_up.strip(),
    )


def _whole_seconds(now: datetime) -> datetime:
    # As incidents do: the times the server hands back (whole seconds) then equal ours.
    return now.replace(microsecond=0)


def _record_text(measure: Measure) -> str:
    return json.dumps(measure_to_wire(measure), ensure_ascii=False)
