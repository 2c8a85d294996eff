"""Police crime types → EST categories, from the editable table `resources/police_categories.csv`.

The table has the columns `typ;värde;kategori` (typ: brottskod, brottsbenämning or
händelsetyp; lines starting with # are comments). A crime type the table does not know lands in
the category "omappad" (shown as "Omappad"), so it stays visible instead of being dropped.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from est_desktop.importers.errors import ImportFormatError

UNMAPPED = "omappad"
KINDS = ("brottskod", "brottsbenämning", "händelsetyp")


@dataclass(frozen=True)
class CategoryMap:
    by_code: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)
    by_event_type: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> CategoryMap:
        if path is None:
            from est_desktop.resources import resource_path

            path = resource_path("police_categories.csv")
        return cls.from_text(path.read_text(encoding="utf-8-sig"))

    @classmethod
    def from_text(cls, text: str) -> CategoryMap:
        tables: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        lines = (line for line in io.StringIO(text) if line.strip() and not line.startswith("#"))
        for number, row in enumerate(csv.reader(lines, delimiter=";"), start=1):
            if number == 1 and row and _key(row[0]) == "typ":
                continue  # the header
            if len(row) < 3 or _key(row[0]) not in tables or not row[2].strip():
                raise ImportFormatError(
                    f"Kategoritabellen: raden {';'.join(row)!r} ska vara typ;värde;kategori "
                    f"med typ {', '.join(KINDS)}."
                )
            tables[_key(row[0])][_key(row[1])] = row[2].strip()
        return cls(tables["brottskod"], tables["brottsbenämning"], tables["händelsetyp"])

    def for_crime(self, code: str, name: str) -> str:
        """The category of a crime by its code, else its name; UNMAPPED if neither is known."""
        return self.by_code.get(_key(code)) or self.by_name.get(_key(name)) or UNMAPPED

    def for_event(self, event_type: str) -> str:
        return self.by_event_type.get(_key(event_type), UNMAPPED)

    def categories(self) -> set[str]:
        return {*self.by_code.values(), *self.by_name.values(), *self.by_event_type.values()}


def _key(text: str) -> str:
    """Case and spacing do not matter; a code's leading zeros neither ("0857" is 857)."""
    key = " ".join(text.split()).casefold()
    return key.lstrip("0") or key if key.isdigit() else key
