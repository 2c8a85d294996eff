"""What parsing a police file yields: per row a draft incident, or the reason it has none."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from est_desktop.domain.incident import IncidentDraft
from est_desktop.importers.category_map import UNMAPPED

MUNICIPALITY = "Borås"  # the service area's municipality, as police files name it


class ImportFormat(StrEnum):
    POLICE_CSV = "police-csv"
    POLICE_EVENTS = "police-events"


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One incident-to-be from a file. Exactly one of `draft`, `reason`, `outside`, `skipped`
    says what becomes of it."""

    line: int  # CSV: the line in the file; feed: the position in its list (from 1)
    draft: IncidentDraft | None = None
    reason: str = ""  # why it cannot be imported, for the user (Swedish)
    outside: bool = False  # in another municipality: not ours to import
    skipped: bool = False  # not an incident at all (the feed's summaries of the night)

    @property
    def unmapped(self) -> bool:
        return self.draft is not None and self.draft.category == UNMAPPED


@dataclass(frozen=True, slots=True)
class ParsedImport:
    format: ImportFormat
    rows: tuple[ImportRow, ...]
    read: int  # rows of the file (a CSV row with several crimes gives several `rows`)
    # True where the same external id seen again is a newer version of the record (the feed).
    updates_by_id: bool = False
    superseded: int = 0  # earlier versions of an event that the file also holds in a later one


def is_municipality(name: str) -> bool:
    """'Borås', 'BORÅS', 'Borås kommun' and 'Borås stad' all name the service area."""
    words = name.casefold().replace("kommun", "").replace("stad", "").split()
    return words == [MUNICIPALITY.casefold()]
