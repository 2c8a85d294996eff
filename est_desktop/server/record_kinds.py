"""What the push logic needs to know about each kind of record: incidents and measures.

The revision, conflict and permission machinery is one (push.py); a kind only parses its
fields, lays them over a draft, checks its rules and writes its wire record. Both kinds use
their domain module's codec, so the server and the client cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import EDITABLE_FIELDS, IncidentDraft, LocationPrecision
from est_desktop.domain.measure import (
    MEASURE_FIELDS,
    REQUIRED_NEW_MEASURE_FIELDS,
    MeasureDraft,
    check_measure,
    measure_draft_with,
    measure_fields_to_wire,
    measure_from_wire,
    measure_message,
    parse_measure_fields,
)
from est_desktop.domain.validation import check_incident
from est_desktop.domain.wire import (
    BOOKKEEPING_FIELDS,
    REQUIRED_NEW_FIELDS,
    draft_with,
    incident_from_wire,
    parse_incident_fields,
    problem_message,
    wire_fields,
)
from est_desktop.geo.district_lookup import DistrictLookup


@dataclass(frozen=True, slots=True)
class Bookkeeping:
    """The server-set part of a record, the same for every kind, in its wire form."""

    revision: int
    deleted: bool
    organisation: str
    created_at: str | None
    created_by: str
    updated_at: str | None
    updated_by: str

    @classmethod
    def of(cls, record: Mapping[str, Any]) -> Bookkeeping:
        return cls(*(record.get(name) for name in BOOKKEEPING_FIELDS))  # type: ignore[arg-type]

    def as_wire(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in BOOKKEEPING_FIELDS}


@dataclass(frozen=True, slots=True)
class Problem:
    field: str
    code: str
    message: str


class RecordKind(Protocol):
    entity: str
    fields: tuple[str, ...]  # the fields a client sets
    required: tuple[str, ...]  # fields a new record must be given
    required_message: str
    needs_manager: bool  # only users who manage measures may create or change it

    def parse(self, fields: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """Typed values of the fields given, and per bad field its message."""

    def created(self, values: Mapping[str, Any]) -> Any:
        """The draft of a new record given `values`, derived fields settled."""

    def draft_of(self, record: Mapping[str, Any]) -> Any: ...
    def merged(self, draft: Any, values: Mapping[str, Any], previous: Any) -> Any:
        """The stored `draft` with an edit's `values` laid over it and derived fields settled;
        `previous` is the stored draft."""

    def check(self, draft: Any, now: datetime) -> list[Problem]: ...
    def to_wire(self, record_id: str, draft: Any, book: Bookkeeping) -> dict[str, Any]: ...
    def source(self, draft: Any) -> str: ...
    def external_id(self, draft: Any) -> str | None: ...


class IncidentKind:
    entity = "incident"
    fields = EDITABLE_FIELDS
    required = REQUIRED_NEW_FIELDS
    required_message = problem_message("required", {})
    needs_manager = False

    def __init__(self, taxonomy: Taxonomy, districts: DistrictLookup) -> None:
        self._taxonomy = taxonomy
        self._districts = districts

    def parse(self, fields: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        values, problems = parse_incident_fields(fields)
        return values, {name: problem_message(*problem) for name, problem in problems.items()}

    def created(self, values: Mapping[str, Any]) -> IncidentDraft:
        return IncidentDraft(**values)  # what draft_with(IncidentDraft(), values) makes, faster

    def draft_of(self, record: Mapping[str, Any]) -> IncidentDraft:
        return incident_from_wire(record).as_draft()

    def merged(
        self, draft: IncidentDraft, values: Mapping[str, Any], previous: Any
    ) -> IncidentDraft:
        return draft_with(draft, values)

    def check(self, draft: IncidentDraft, now: datetime) -> list[Problem]:
        return [
            Problem(p.field, p.code, p.message) for p in check_incident(draft, self._taxonomy, now)
        ]

    def to_wire(self, record_id: str, draft: IncidentDraft, book: Bookkeeping) -> dict[str, Any]:
        """What `wire.incident_to_wire` makes of the same record (a test holds them equal),
        without building an `Incident` first: this runs for every pushed change."""
        # The district is always the server's: derived from the position, none when only the
        # municipality is known.
        district = None
        if draft.location_precision != LocationPrecision.MUNICIPALITY:
            district = self._districts.district_at(draft.lat, draft.lon)  # type: ignore[arg-type]
        return {
            "id": record_id,
            **wire_fields(draft.as_fields()),
            "district": district,
            **book.as_wire(),
        }

    def source(self, draft: IncidentDraft) -> str:
        return draft.source.value

    def external_id(self, draft: IncidentDraft) -> str | None:
        return draft.external_id


class MeasureKind:
    entity = "measure"
    fields = MEASURE_FIELDS
    required = REQUIRED_NEW_MEASURE_FIELDS
    required_message = measure_message("required", {})
    needs_manager = True

    def __init__(self, taxonomy: Taxonomy, districts: DistrictLookup) -> None:
        self._taxonomy = taxonomy
        self._districts = districts
        self._district_codes = frozenset(d.code for d in districts.districts())

    def parse(self, fields: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        values, problems = parse_measure_fields(fields)
        return values, {name: measure_message(*problem) for name, problem in problems.items()}

    def created(self, values: Mapping[str, Any]) -> MeasureDraft:
        return self.merged(MeasureDraft(), values, None)

    def draft_of(self, record: Mapping[str, Any]) -> MeasureDraft:
        return measure_from_wire(record).draft

    def merged(
        self, draft: MeasureDraft, values: Mapping[str, Any], previous: MeasureDraft | None
    ) -> MeasureDraft:
        result = measure_draft_with(draft, values)
        if (
            previous is not None
            and "district" not in values
            and {"lat", "lon"} & values.keys()
            and previous.district == self._derived_district(previous)
        ):
            # The district was the server's guess from the old position: guess again.
            result = measure_draft_with(result, {"district": None})
        if result.district is None and (derived := self._derived_district(result)):
            result = measure_draft_with(result, {"district": derived})
        return result

    def check(self, draft: MeasureDraft, now: datetime) -> list[Problem]:
        problems = check_measure(draft, self._taxonomy, self._district_codes)
        return [Problem(p.field, p.code, p.message) for p in problems]

    def to_wire(self, record_id: str, draft: MeasureDraft, book: Bookkeeping) -> dict[str, Any]:
        return {"id": record_id, **measure_fields_to_wire(draft), **book.as_wire()}

    def source(self, draft: MeasureDraft) -> str:
        return "staff"

    def external_id(self, draft: MeasureDraft) -> str | None:
        return None

    def _derived_district(self, draft: MeasureDraft) -> str | None:
        if draft.lat is None or draft.lon is None:
            return None
        return self._districts.district_at(draft.lat, draft.lon)
