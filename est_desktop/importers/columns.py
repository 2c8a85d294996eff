"""Which column of a police CSV export holds what: recognised from Swedish headers, or set by
the user in the column-mapping dialog (which stores it per file layout, see `layout_key`)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields

from est_desktop.domain.language import QT_TRANSLATE_NOOP, translate

# Swedish labels for the mapping dialog and for messages; `column_label` translates them.
COLUMN_LABELS: dict[str, str] = {
    "case_number": QT_TRANSLATE_NOOP("ImportColumns", "Ärendenummer"),
    "crime_code": QT_TRANSLATE_NOOP("ImportColumns", "Brottskod"),
    "crime_name": QT_TRANSLATE_NOOP("ImportColumns", "Brottsbenämning"),
    "date_from": QT_TRANSLATE_NOOP("ImportColumns", "Datum från"),
    "time_from": QT_TRANSLATE_NOOP("ImportColumns", "Klockslag från"),
    "date_to": QT_TRANSLATE_NOOP("ImportColumns", "Datum till"),
    "time_to": QT_TRANSLATE_NOOP("ImportColumns", "Klockslag till"),
    "address": QT_TRANSLATE_NOOP("ImportColumns", "Adress"),
    "municipality": QT_TRANSLATE_NOOP("ImportColumns", "Kommun"),
    "north": QT_TRANSLATE_NOOP("ImportColumns", "Nordkoordinat / latitud"),
    "east": QT_TRANSLATE_NOOP("ImportColumns", "Ostkoordinat / longitud"),
    "description": QT_TRANSLATE_NOOP("ImportColumns", "Beskrivning"),
}


def column_label(name: str) -> str:
    """The label of column `name` in the user's language."""
    return translate("ImportColumns", COLUMN_LABELS[name])


# Normalised header texts (see `_normalise`) for each field, most specific first.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "case_number": (
        "ärendenummer",
        "ärendenr",
        "ärende",
        "diarienummer",
        "diarienr",
        "dnr",
        "anmälningsnummer",
        "anmälan",
        "k-nummer",
        "knummer",
        "ärende id",
    ),
    "crime_code": ("brottskod", "brottskoder", "bk", "brottsrubriceringskod", "kod"),
    "crime_name": (
        "brottsbenämning",
        "brottsbenämningar",
        "brott",
        "brottsrubricering",
        "rubricering",
        "brottstyp",
        "benämning",
    ),
    "date_from": (
        "datum från",
        "från datum",
        "brottsdatum från",
        "fr o m datum",
        "fr.o.m. datum",
        "from datum",
        "startdatum",
        "brottsdatum",
        "händelsedatum",
        "datum",
    ),
    "time_from": (
        "klockslag från",
        "från klockslag",
        "tid från",
        "från tid",
        "starttid",
        "klockslag",
        "tid",
        "kl",
    ),
    "date_to": ("datum till", "till datum", "brottsdatum till", "t o m datum", "slutdatum"),
    "time_to": ("klockslag till", "till klockslag", "tid till", "till tid", "sluttid"),
    "address": ("adress", "gatuadress", "brottsplats", "plats", "platsadress", "gata"),
    "municipality": ("kommun", "kommunnamn", "brottskommun"),
    "north": (
        "nordkoordinat",
        "nord",
        "northing",
        "n",
        "x",
        "x-koordinat",
        "sweref99 n",
        "sweref 99 tm n",
        "latitud",
        "lat",
        "latitude",
        "wgs84 lat",
    ),
    "east": (
        "ostkoordinat",
        "öst",
        "ost",
        "easting",
        "e",
        "y",
        "y-koordinat",
        "sweref99 e",
        "sweref 99 tm e",
        "longitud",
        "lon",
        "long",
        "longitude",
        "wgs84 lon",
    ),
    "description": ("beskrivning", "händelsebeskrivning", "fritext", "kommentar", "text"),
}

# Without these nothing can be imported; a crime needs its code or its name (either will do).
REQUIRED: tuple[str, ...] = ("case_number", "crime", "date_from")


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Field name → the header of the column that holds it (None: the file has no such column)."""

    case_number: str | None = None
    crime_code: str | None = None
    crime_name: str | None = None
    date_from: str | None = None
    time_from: str | None = None
    date_to: str | None = None
    time_to: str | None = None
    address: str | None = None
    municipality: str | None = None
    north: str | None = None
    east: str | None = None
    description: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """For storing the mapping (e.g. in preferences, under `layout_key(headers)`)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ColumnMapping:
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in data.items() if k in known and v})

    def indexes(self, headers: Sequence[str]) -> dict[str, int]:
        """Field name → column index, for the fields whose header is in `headers`."""
        position = {header: i for i, header in reversed(list(enumerate(headers)))}
        return {
            name: position[header]
            for name, header in self.as_dict().items()
            if header is not None and header in position
        }


def recognise_columns(headers: Sequence[str]) -> ColumnMapping:
    """The mapping the headers suggest; each header is used for one field at most."""
    normalised = [_normalise(h) for h in headers]
    taken: set[int] = set()
    chosen: dict[str, str] = {}
    for name, synonyms in _SYNONYMS.items():
        for synonym in synonyms:
            index = next(
                (i for i, h in enumerate(normalised) if h == synonym and i not in taken), None
            )
            if index is not None:
                chosen[name] = headers[index]
                taken.add(index)
                break
    return ColumnMapping(**chosen)


def missing_columns(mapping: ColumnMapping, headers: Sequence[str] | None = None) -> list[str]:
    """The required fields the mapping leaves without a column (of `headers`, when given).

    "crime" stands for brottskod or brottsbenämning: either one is enough.
    """
    present = (
        set(mapping.indexes(headers))
        if headers is not None
        else {name for name, header in mapping.as_dict().items() if header}
    )
    missing = []
    for name in REQUIRED:
        if name == "crime":
            if not {"crime_code", "crime_name"} & present:
                missing.append("crime_name")
        elif name not in present:
            missing.append(name)
    return missing


def layout_key(headers: Sequence[str]) -> str:
    """A short fingerprint of a file layout, under which the UI can remember its mapping."""
    text = "\x1f".join(_normalise(h) for h in headers)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _normalise(header: str) -> str:
    text = header.strip().strip('"').casefold().replace("_", " ")
    text = re.sub(r"[()\[\]:]", " ", text)
    return re.sub(r"\s+", " ", text).strip()
