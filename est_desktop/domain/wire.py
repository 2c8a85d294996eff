"""Incidents in the sync protocol's wire form (PROTOCOL.md), both ways, with the protocol's types.

The server parses a pushed change's `fields` here, the client parses a pulled `record` here, and
both write records here: one codec, so client and server cannot drift apart. Parsing never
raises on bad input; it says per field what is wrong, so one bad change is rejected on its own.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Callable, Mapping
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import UTC, datetime
from enum import Enum
from typing import Any

import orjson

from est_desktop.domain.incident import (
    EDITABLE_FIELDS,
    Incident,
    IncidentDraft,
    LocationPrecision,
    Source,
    TimePrecision,
)

# The bookkeeping the server keeps on every record, incidents and measures alike.
BOOKKEEPING_FIELDS: tuple[str, ...] = (
    "revision",
    "deleted",
    "organisation",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
)
# Set by the server; a client may send them back unchanged, and they are ignored.
SERVER_FIELDS: frozenset[str] = frozenset({"id", "district", *BOOKKEEPING_FIELDS})
REQUIRED_NEW_FIELDS: tuple[str, ...] = ("occurred_at", "category", "lat", "lon")
_EDITABLE = frozenset(EDITABLE_FIELDS)

WIRE_MESSAGES: dict[str, str] = {
    "unknown_field": "Okänt fält.",
    "wrong_type": "Fel typ: {expected} väntades.",
    "bad_time": "Ogiltig tid: ange RFC 3339 med tidszon, t.ex. 2026-03-14T21:40:00+01:00.",
    "bad_choice": "Ogiltigt värde: tillåtna är {choices}.",
    "required": "Fältet krävs för en ny händelse.",
}


def wire_value(value: object) -> object:
    """A field value as the protocol carries it: times in UTC RFC 3339, enums as their text."""
    if isinstance(value, datetime):
        if value.tzinfo is not UTC:  # a time parsed from "…Z" is in UTC already
            value = value.astimezone(UTC)
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def dumps_json(value: object) -> str:
    """`value` as compact JSON text (UTF-8 when encoded), for bodies and stored records.

    orjson is an order of magnitude faster than the json module on the records every push and
    pull carries. What it refuses (an integer beyond 64 bits, text with a lone surrogate) goes
    through json with ASCII escapes, which any database and any client can carry.
    """
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return _encode_json(value)


def loads_json(data: bytes | str, fallback: Callable[[Any], Any] = json.loads) -> Any:
    """The value of JSON text, always the one the json module reads (`fallback`, which also
    raises for text that is not JSON); orjson reads it first when it reads it alike.

    orjson refuses what json accepts (an escaped lone surrogate, NaN) and reads an integer
    beyond 64 bits as a float: text with 20 digits in a row goes to `fallback` unread.
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    # Every digit made "0": 20 of them in a row is a run of 20 digits. A regular expression
    # costs more here than orjson saves.
    if _TWENTY_DIGITS not in raw.translate(_DIGITS_TO_ZERO):
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
    return fallback(data)


_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
_TWENTY_DIGITS = b"0" * 20
_encode_json = json.JSONEncoder(separators=(",", ":")).encode


def wire_fields(values: Mapping[str, object]) -> dict[str, object]:
    # Most values are already plain (text, numbers): `type` spares them wire_value's tests.
    return {
        name: value if type(value) in _PLAIN else wire_value(value)
        for name, value in values.items()
    }


_PLAIN = frozenset({str, float, int, bool, type(None)})


def incident_to_wire(incident: Incident) -> dict[str, object]:
    """The full record as the server sends it in pulls and push results."""
    return {
        "id": str(incident.id),
        **wire_fields(incident.as_draft().as_fields()),
        "district": incident.district,
        "revision": incident.revision,
        "deleted": incident.deleted,
        "organisation": incident.organisation,
        "created_at": wire_value(incident.created_at),
        "created_by": incident.created_by,
        "updated_at": wire_value(incident.updated_at),
        "updated_by": incident.updated_by,
    }


def incident_from_wire(record: Mapping[str, Any]) -> Incident:
    """A record the server sent; `ValueError` if it is not one (a server bug or a stranger)."""
    values, problems = parse_incident_fields({k: v for k, v in record.items() if k in _EDITABLE})
    if problems:
        raise ValueError(f"not an incident record: {problems}")
    missing = [name for name in REQUIRED_NEW_FIELDS if name not in values]
    if missing:
        raise ValueError(f"incident record without {missing}")
    # One constructor call: pulls build 100,000 of these, so no draft and no replace().
    return Incident(
        id=uuid.UUID(str(record["id"])),
        revision=record.get("revision"),
        deleted=bool(record.get("deleted", False)),
        **server_set_values(record),
        **values,
    )


def server_set_values(record: Mapping[str, Any]) -> dict[str, Any]:
    """The server-set part of a record the server sent, as `Incident` values (revision and
    deleted aside); `ValueError` for a time that is not one."""
    return {
        "district": record.get("district") or None,
        "organisation": str(record.get("organisation") or ""),
        "created_at": _optional_time(record.get("created_at")),
        "created_by": str(record.get("created_by") or ""),
        "updated_at": _optional_time(record.get("updated_at")),
        "updated_by": str(record.get("updated_by") or ""),
    }


def parse_incident_fields(fields: Mapping[str, Any]) -> tuple[dict[str, Any], FieldProblems]:
    """Typed values of the editable fields given, and per bad field its (code, params).

    Server-set fields are skipped. Rules between fields and against the taxonomy are
    `validation.check_incident`'s; this only checks that each value has the protocol's type.
    """
    return parse_fields(fields, _PARSERS, SERVER_FIELDS)


FieldProblems = dict[str, tuple[str, dict[str, object]]]
Parser = Callable[[object], Any]


def parse_fields(
    fields: Mapping[str, Any], parsers: Mapping[str, Parser], skipped: frozenset[str]
) -> tuple[dict[str, Any], FieldProblems]:
    """Each field through its parser: the typed values, and per bad field its (code, params).

    Names in `skipped` (set by the server) are left out; names without a parser are unknown.
    """
    values: dict[str, Any] = {}
    problems: FieldProblems = {}
    for name, raw in fields.items():
        if name in skipped:
            continue
        parser = parsers.get(name)
        if parser is None:
            problems[name] = ("unknown_field", {})
            continue
        try:
            values[name] = parser(raw)
        except BadValue as bad:
            problems[name] = (bad.code, bad.params)
    return values, problems


def draft_with(base: IncidentDraft, values: Mapping[str, Any]) -> IncidentDraft:
    """`base` with the parsed `values` laid over it (an edit on top of the stored record)."""
    known = {f.name for f in dataclass_fields(IncidentDraft)}
    return replace(base, **{k: v for k, v in values.items() if k in known})


class BadValue(ValueError):
    """A field value of the wrong type or form: `code` names the message in WIRE_MESSAGES."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _time(raw: object) -> datetime:
    if not isinstance(raw, str) or len(raw) > 40:
        raise BadValue("bad_time")
    raw = raw.upper()
    if "T" not in raw:
        raise BadValue("bad_time")
    try:
        moment = datetime.fromisoformat(raw)
        moment.astimezone(UTC)  # an offset that leaves the calendar fails here, not later
    except (ValueError, OverflowError):
        raise BadValue("bad_time") from None
    if moment.tzinfo is None or moment.year < 1900:
        raise BadValue("bad_time")
    return moment


def _optional_time(raw: object) -> datetime | None:
    return None if raw is None else _time(raw)


def text_value(raw: object) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise BadValue("wrong_type", expected="text")
    return raw


def optional_text_value(raw: object) -> str | None:
    return None if raw is None or raw == "" else text_value(raw)


def number_value(raw: object) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise BadValue("wrong_type", expected="ett tal")
    try:
        value = float(raw)
    except OverflowError:  # an integer beyond any float, e.g. 10**400
        raise BadValue("wrong_type", expected="ett ändligt tal") from None
    if not math.isfinite(value):
        raise BadValue("wrong_type", expected="ett ändligt tal")
    return value


def _flag(raw: object) -> bool:
    if not isinstance(raw, bool):
        raise BadValue("wrong_type", expected="true eller false")
    return raw


def choice_parser(kind: type[Enum]) -> Callable[[object], Enum]:
    def parse(raw: object) -> Enum:
        try:
            return kind(raw)
        except (ValueError, TypeError):
            choices = ", ".join(member.value for member in kind)
            raise BadValue("bad_choice", choices=choices) from None

    return parse


_PARSERS = {
    "occurred_at": _time,
    "time_precision": choice_parser(TimePrecision),
    "occurred_until": _optional_time,
    "category": text_value,
    "description": text_value,
    "lat": number_value,
    "lon": number_value,
    "place_name": text_value,
    "location_precision": choice_parser(LocationPrecision),
    "police_notified": _flag,
    "source": choice_parser(Source),
    "external_id": optional_text_value,
}
assert set(_PARSERS) == set(EDITABLE_FIELDS)


def problem_message(code: str, params: Mapping[str, object]) -> str:
    """The Swedish text for a parse problem (validation problems carry their own)."""
    return WIRE_MESSAGES[code].format(**params)
