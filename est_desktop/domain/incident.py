"""The incident record: what happened, where and when, and who recorded it.

Field names and allowed values are those of the sync protocol (shared/PROTOCOL.md), so a record
travels between the local store, the wire and the server without renaming.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Europe/Stockholm")


class TimePrecision(StrEnum):
    EXACT = "exact"
    APPROXIMATE = "approximate"  # within an hour or so
    DATE = "date"  # only the day is known


class LocationPrecision(StrEnum):
    EXACT = "exact"
    APPROXIMATE = "approximate"  # within a few hundred metres
    MUNICIPALITY = "municipality"  # only the municipality is known; lat/lon are its centre


class Source(StrEnum):
    STAFF = "staff"
    POLICE = "police"


class SyncState(StrEnum):
    """How far a local record has come on its way to the shared server."""

    LOCAL = "local"  # saved on this PC, waiting to be sent
    SENT = "sent"  # sent, no answer yet
    CONFIRMED = "confirmed"  # the server has stored exactly this version
    CONFLICT = "conflict"  # changed here and on the server; both versions kept
    REJECTED = "rejected"  # the server refused it; the reasons are kept


@dataclass(frozen=True, slots=True)
class IncidentDraft:
    """What a person (or an importer) says about an incident, before it is a record.

    Every field may be missing or wrong: `validation.check_incident` says what is.
    """

    occurred_at: datetime | None = None
    category: str = ""
    lat: float | None = None
    lon: float | None = None
    time_precision: TimePrecision = TimePrecision.EXACT
    occurred_until: datetime | None = None
    description: str = ""
    place_name: str = ""
    location_precision: LocationPrecision = LocationPrecision.EXACT
    police_notified: bool = False
    source: Source = Source.STAFF
    external_id: str | None = None

    def as_fields(self) -> dict[str, object]:
        """Every field as name → value, e.g. for a new record's first outbox entry."""
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}


# The fields a client sets; everything else on a record is bookkeeping.
EDITABLE_FIELDS: tuple[str, ...] = (
    "occurred_at",
    "time_precision",
    "occurred_until",
    "category",
    "description",
    "lat",
    "lon",
    "place_name",
    "location_precision",
    "police_notified",
    "source",
    "external_id",
)


@dataclass(frozen=True, slots=True)
class Incident:
    """A stored incident, with the bookkeeping the store and the server keep about it."""

    id: uuid.UUID
    occurred_at: datetime
    category: str
    lat: float
    lon: float
    district: str | None
    time_precision: TimePrecision = TimePrecision.EXACT
    occurred_until: datetime | None = None
    description: str = ""
    place_name: str = ""
    location_precision: LocationPrecision = LocationPrecision.EXACT
    police_notified: bool = False
    source: Source = Source.STAFF
    external_id: str | None = None
    organisation: str = ""
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""
    revision: int | None = None  # the server's revision; None until the server confirms one
    deleted: bool = False
    sync_state: SyncState = SyncState.LOCAL
    sync_errors: dict[str, str] = field(default_factory=dict)

    def as_draft(self) -> IncidentDraft:
        """The editable part, e.g. to fill a form for an edit."""
        return IncidentDraft(**{name: getattr(self, name) for name in EDITABLE_FIELDS})

    def with_fields(self, draft: IncidentDraft) -> Incident:
        return replace(self, **{name: getattr(draft, name) for name in EDITABLE_FIELDS})


def changed_fields(before: IncidentDraft, after: IncidentDraft) -> dict[str, object]:
    """The editable fields whose value differs, as name → new value."""
    return {
        name: getattr(after, name)
        for name in EDITABLE_FIELDS
        if getattr(before, name) != getattr(after, name)
    }


def new_incident_id() -> uuid.UUID:
    return uuid.uuid4()
