"""Recording, editing and deleting incidents: what the entry form and the list call.

It checks a draft with the protocol's rules, derives the district, stamps who and when, and
writes the record with its outbox entry in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import (
    Incident,
    IncidentDraft,
    LocationPrecision,
    SyncState,
    changed_fields,
    new_incident_id,
)
from est_desktop.domain.language import translate
from est_desktop.domain.validation import MUNICIPALITY_CENTRE, FieldProblem, check_incident
from est_desktop.store.database import Store
from est_desktop.store.errors import RecordNotFoundError
from est_desktop.store.incidents import IncidentRepository

DistrictOf = Callable[[float, float], str | None]


class InvalidIncidentError(ValueError):
    """The draft breaks the rules; `problems` says how, field by field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems


class IncidentService:
    """The incident use cases over one store. Any thread; each call is one transaction."""

    def __init__(
        self,
        store: Store,
        taxonomy: Taxonomy,
        district_of: DistrictOf,
        actor: Callable[[], Actor],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.taxonomy = taxonomy
        self.incidents = IncidentRepository(store)
        self._district_of = district_of
        self._actor = actor
        self._clock = clock

    def check(self, draft: IncidentDraft) -> list[FieldProblem]:
        return check_incident(draft, self.taxonomy, self._clock())

    def record(self, draft: IncidentDraft) -> Incident:
        """Store a new incident and queue it for sync; `InvalidIncidentError` if it is bad."""
        draft = self._normalised(draft)
        now, actor = self._now(), self._actor()
        incident = Incident(
            id=new_incident_id(),
            occurred_at=draft.occurred_at,  # type: ignore[arg-type]  # checked above
            category=draft.category,
            lat=draft.lat,  # type: ignore[arg-type]
            lon=draft.lon,  # type: ignore[arg-type]
            district=self._district(draft),
            organisation=actor.organisation,
            created_at=now,
            created_by=actor.username,
            updated_at=now,
            updated_by=actor.username,
        ).with_fields(draft)
        with self.store.transaction() as conn:
            self.incidents.add(conn, incident)
        return incident

    def edit(self, incident_id: uuid.UUID, draft: IncidentDraft) -> Incident:
        """Store the changed fields of an incident; unchanged drafts write nothing."""
        draft = self._normalised(draft)
        current = self._existing(incident_id)
        changed = changed_fields(current.as_draft(), draft)
        if not changed:
            return current
        actor = self._actor()
        updated = replace(
            current.with_fields(draft),
            district=self._district(draft),
            updated_at=self._now(),
            updated_by=actor.username,
            sync_state=SyncState.LOCAL,
        )
        with self.store.transaction() as conn:
            self.incidents.update(conn, updated, changed)
        return updated

    def delete(self, incident_id: uuid.UUID) -> None:
        with self.store.transaction() as conn:
            self.incidents.mark_deleted(
                conn, incident_id, by=self._actor().username, at=self._now()
            )

    def get(self, incident_id: uuid.UUID) -> Incident | None:
        return self.incidents.get(incident_id)

    def _existing(self, incident_id: uuid.UUID) -> Incident:
        current = self.incidents.get(incident_id)
        if current is None or current.deleted:
            raise RecordNotFoundError(
                translate("Store", "Händelsen {id} finns inte (längre).").format(id=incident_id)
            )
        return current

    def _normalised(self, draft: IncidentDraft) -> IncidentDraft:
        if draft.location_precision == LocationPrecision.MUNICIPALITY:
            draft = replace(draft, lat=MUNICIPALITY_CENTRE[0], lon=MUNICIPALITY_CENTRE[1])
        # The store keeps whole seconds; trimming here keeps the returned record equal to it.
        draft = replace(
            draft,
            occurred_at=_whole_seconds(draft.occurred_at),
            occurred_until=_whole_seconds(draft.occurred_until),
            description=draft.description.strip(),
            place_name=draft.place_name.strip(),
        )
        if problems := self.check(draft):
            raise InvalidIncidentError(problems)
        return draft

    def _district(self, draft: IncidentDraft) -> str | None:
        if draft.location_precision == LocationPrecision.MUNICIPALITY:
            return None
        return self._district_of(draft.lat, draft.lon)  # type: ignore[arg-type]

    def _now(self) -> datetime:
        return self._clock().replace(microsecond=0)


def _whole_seconds(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(microsecond=0)
