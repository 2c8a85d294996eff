"""The police events feed (polisen.se's public JSON list) → `ImportRow`s.

Quirks: `datetime` is when the police published or last updated the event (not when it happened)
and is written '2025-06-07 7:32:06 +02:00'; when it happened is only in `name`
('06 juni 18.50, Misshandel, Borås'), without a year, so the year comes from `datetime`; the same
id again with a later `datetime` is an update; `location.gps` is a municipality's or county's
centre, and `location.name` is often only the county, so the municipality is the last part of
`name`. Every event is therefore placed at the municipality's centre with location precision
"municipality". Summaries of the night are not incidents.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from est_desktop.domain.incident import (
    LOCAL_TZ,
    IncidentDraft,
    LocationPrecision,
    Source,
    TimePrecision,
)
from est_desktop.domain.language import translate
from est_desktop.domain.validation import MAX_DESCRIPTION, MUNICIPALITY_CENTRE
from est_desktop.importers.category_map import CategoryMap
from est_desktop.importers.errors import ImportFormatError
from est_desktop.importers.rows import (
    MUNICIPALITY,
    ImportFormat,
    ImportRow,
    ParsedImport,
    is_municipality,
)
from est_desktop.importers.values import decode_text, parse_feed_datetime

EVENTS_URL = "https://polisen.se/api/events"
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb"),
            ("mars", "mar"),
            ("april", "apr"),
            ("maj",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augusti", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WHEN = re.compile(r"(\d{1,2})\s+([a-zåäö]+)\.?(?:\s+(\d{1,2})[.:](\d{2}))?", re.IGNORECASE)
_SUMMARY = "sammanfattning"


def read_police_events(data: bytes, *, categories: CategoryMap | None = None) -> ParsedImport:
    """Parse a saved (or fetched) feed; `ImportFormatError` if it is not the feed's JSON list."""
    try:
        events = json.loads(decode_text(data))
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            translate("Import", "Filen är ingen JSON-fil från polisens händelser: {error}.").format(
                error=exc
            )
        ) from None
    if isinstance(events, Mapping) and isinstance(events.get("events"), list):
        events = events["events"]
    if not isinstance(events, list):
        raise ImportFormatError(
            translate("Import", "Filen ska innehålla en lista med händelser (polisens JSON).")
        )
    categories = categories or CategoryMap.load()
    versions = [
        _read_event(position, event, categories) for position, event in enumerate(events, 1)
    ]
    rows = _latest_versions(versions)
    return ParsedImport(
        ImportFormat.POLICE_EVENTS,
        tuple(rows),
        read=len(versions),
        updates_by_id=True,
        superseded=len(versions) - len(rows),
    )


def fetch_police_events(municipality: str = MUNICIPALITY, timeout: float = 20.0) -> bytes:
    """The feed for one municipality from the public events API (needs a connection).

    Called off the UI thread; raises `requests.RequestException` when offline.
    """
    import requests

    response = requests.get(EVENTS_URL, params={"locationname": municipality}, timeout=timeout)
    response.raise_for_status()
    return response.content


def _read_event(position: int, event: Any, categories: CategoryMap) -> tuple[ImportRow, datetime]:
    never = datetime.min.replace(tzinfo=LOCAL_TZ)
    if not isinstance(event, Mapping):
        return ImportRow(
            position, reason=translate("Import", "Händelsen är inget JSON-objekt.")
        ), never
    event_id, name = str(event.get("id", "")).strip(), str(event.get("name", "")).strip()
    event_type = str(event.get("type", "")).strip()
    label = translate("Import", "Händelse {id}").format(id=event_id)
    if not event_id:
        return ImportRow(position, reason=translate("Import", "Händelsen saknar id.")), never
    published = parse_feed_datetime(str(event.get("datetime", "")))
    if published is None:
        text = translate("Import", "{event}: tiden {time} känns inte igen.")
        return ImportRow(
            position, reason=text.format(event=label, time=repr(event.get("datetime")))
        ), never
    parts = [part.strip() for part in name.split(",")]
    if any(text.casefold().startswith(_SUMMARY) for text in (event_type, *parts[1:2])):
        return ImportRow(position, skipped=True), published
    if len(parts) < 3:
        text = translate("Import", "{event}: namnet {name} saknar tid, typ och ort.")
        return ImportRow(position, reason=text.format(event=label, name=repr(name))), published
    municipality = _municipality(parts[-1], event.get("location"))
    if not is_municipality(municipality):
        return ImportRow(position, outside=True), published
    when = _occurred(parts[0], published)
    if when is None:
        text = translate("Import", "{event}: tiden {time} känns inte igen.")
        return ImportRow(position, reason=text.format(event=label, time=repr(parts[0]))), published
    occurred_at, precision = when
    lat, lon = MUNICIPALITY_CENTRE
    summary = str(event.get("summary", "") or "").strip()
    kind = event_type or ", ".join(parts[1:-1])
    description = f"{kind}. {summary}" if summary else kind
    draft = IncidentDraft(
        occurred_at=occurred_at,
        time_precision=precision,
        category=categories.for_event(kind),
        lat=lat,
        lon=lon,
        location_precision=LocationPrecision.MUNICIPALITY,
        description=description[:MAX_DESCRIPTION],
        place_name=MUNICIPALITY,
        source=Source.POLICE,
        external_id=event_id,
    )
    return ImportRow(position, draft), published


def _municipality(last_part: str, location: object) -> str:
    """The municipality: `location.name` unless that is only the county, else `name`'s end."""
    located = str(location.get("name", "")).strip() if isinstance(location, Mapping) else ""
    if located and not located.casefold().endswith("län"):
        return located
    return last_part


def _occurred(text: str, published: datetime) -> tuple[datetime, TimePrecision] | None:
    """'06 juni 18.50' in the year that puts it at or before its publication."""
    match = _WHEN.fullmatch(text.strip())
    if match is None or match.group(2).casefold() not in _MONTHS:
        return None
    day, month = int(match.group(1)), _MONTHS[match.group(2).casefold()]
    published_day = published.astimezone(LOCAL_TZ).date()
    try:
        moment = time(int(match.group(3)), int(match.group(4))) if match.group(3) else None
        happened = date(published_day.year, month, day)
        if happened > published_day + timedelta(days=1):
            happened = date(published_day.year - 1, month, day)  # 31 Dec, published 1 Jan
    except ValueError:
        return None
    precision = TimePrecision.DATE if moment is None else TimePrecision.EXACT
    return datetime.combine(happened, moment or time(0, 0), tzinfo=LOCAL_TZ), precision


def _latest_versions(rows: list[tuple[ImportRow, datetime]]) -> list[ImportRow]:
    """One row per event id: the version with the latest `datetime` (an update replaces)."""
    latest: dict[str, tuple[ImportRow, datetime]] = {}
    others: list[ImportRow] = []
    for row, published in rows:
        key = row.draft.external_id if row.draft is not None else None
        if key is None:
            others.append(row)
        elif key not in latest or published >= latest[key][1]:
            latest[key] = (row, published)
    return sorted([*others, *(row for row, _ in latest.values())], key=lambda r: r.line)
