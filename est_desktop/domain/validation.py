"""The rules an incident must meet: those of the sync protocol, in one place.

Used alike by the entry form, the importers, the sync client and the server. Every problem is
returned at once, so a form can mark all bad fields in one pass. Messages are Swedish templates
with `{name}` parameters; the UI may translate the template before formatting it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import IncidentDraft, LocationPrecision
from est_desktop.domain.language import QT_TRANSLATE_NOOP, translate

# The service area: the box around Borås municipality (PROTOCOL.md).
LAT_RANGE = (57.55, 57.90)
LON_RANGE = (12.65, 13.25)
# Borås municipality's centre, used when only the municipality is known.
MUNICIPALITY_CENTRE = (57.7210, 12.9401)
MAX_DESCRIPTION = 2000
MAX_PLACE_NAME = 200
MAX_EXTERNAL_ID = 200
FUTURE_TOLERANCE = timedelta(minutes=10)

MESSAGES: dict[str, str] = {
    "required_time": QT_TRANSLATE_NOOP("FieldProblem", "Ange när det hände."),
    "naive_time": QT_TRANSLATE_NOOP("FieldProblem", "Tiden saknar tidszon."),
    "future_time": QT_TRANSLATE_NOOP(
        "FieldProblem", "Tiden ligger i framtiden. Ange när det hände."
    ),
    "until_before_start": QT_TRANSLATE_NOOP("FieldProblem", "Sluttiden ligger före starttiden."),
    "required_category": QT_TRANSLATE_NOOP("FieldProblem", "Välj en kategori."),
    "unknown_category": QT_TRANSLATE_NOOP("FieldProblem", "Okänd kategori: {code}."),
    "inactive_category": QT_TRANSLATE_NOOP(
        "FieldProblem", "Kategorin {code} används inte längre. Välj en annan."
    ),
    "required_position": QT_TRANSLATE_NOOP(
        "FieldProblem",
        "Ange plats: välj en namngiven plats, klicka i kartan eller skriv koordinater.",
    ),
    "not_a_number": QT_TRANSLATE_NOOP("FieldProblem", "Ange ett tal."),
    "lat_outside": QT_TRANSLATE_NOOP(
        "FieldProblem", "Latituden ligger utanför Borås kommun ({low}–{high})."
    ),
    "lon_outside": QT_TRANSLATE_NOOP(
        "FieldProblem", "Longituden ligger utanför Borås kommun ({low}–{high})."
    ),
    "too_long": QT_TRANSLATE_NOOP("FieldProblem", "Högst {limit} tecken (nu {length})."),
}


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """What is wrong with one field, as a message a person can act on."""

    field: str
    code: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def template(self) -> str:
        return MESSAGES[self.code]

    @property
    def message(self) -> str:
        """In the user's language (domain.language); Swedish until the app installs one."""
        return translate("FieldProblem", self.template).format(**self.params)


def check_incident(draft: IncidentDraft, taxonomy: Taxonomy, now: datetime) -> list[FieldProblem]:
    """Every problem with `draft`; an empty list means it may be saved. `now` is aware."""
    return [
        *_check_time(draft, now),
        *_check_category(draft, taxonomy),
        *_check_position(draft),
        *_check_length("description", draft.description, MAX_DESCRIPTION),
        *_check_length("place_name", draft.place_name, MAX_PLACE_NAME),
        *_check_length("external_id", draft.external_id or "", MAX_EXTERNAL_ID),
    ]


def _check_time(draft: IncidentDraft, now: datetime) -> list[FieldProblem]:
    start, until = draft.occurred_at, draft.occurred_until
    if start is None:
        return [FieldProblem("occurred_at", "required_time")]
    if start.tzinfo is None:
        return [FieldProblem("occurred_at", "naive_time")]
    problems = []
    if start > now + FUTURE_TOLERANCE:
        problems.append(FieldProblem("occurred_at", "future_time"))
    if until is not None:
        if until.tzinfo is None:
            problems.append(FieldProblem("occurred_until", "naive_time"))
        elif until < start:
            problems.append(FieldProblem("occurred_until", "until_before_start"))
    return problems


def _check_category(draft: IncidentDraft, taxonomy: Taxonomy) -> list[FieldProblem]:
    code = draft.category.strip()
    if not code:
        return [FieldProblem("category", "required_category")]
    category = taxonomy.category(code)
    if category is None:
        return [FieldProblem("category", "unknown_category", {"code": code})]
    if not category.active:
        return [FieldProblem("category", "inactive_category", {"code": code})]
    return []


def _check_position(draft: IncidentDraft) -> list[FieldProblem]:
    if draft.location_precision == LocationPrecision.MUNICIPALITY:
        return []  # the position is the municipality's centre, set by the store
    if draft.lat is None and draft.lon is None:
        return [FieldProblem("lat", "required_position")]
    problems = []
    for name, value, (low, high), outside in (
        ("lat", draft.lat, LAT_RANGE, "lat_outside"),
        ("lon", draft.lon, LON_RANGE, "lon_outside"),
    ):
        if not _is_number(value):
            problems.append(FieldProblem(name, "not_a_number"))
        elif not low <= value <= high:
            problems.append(FieldProblem(name, outside, {"low": low, "high": high}))
    return problems


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _check_length(name: str, value: str, limit: int) -> list[FieldProblem]:
    if len(value) > limit:
        return [FieldProblem(name, "too_long", {"limit": limit, "length": len(value)})]
    return []
