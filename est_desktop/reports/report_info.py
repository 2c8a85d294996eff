"""What a printed document says about itself: who made it, when, and from which data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from est_desktop.domain.organisations import PARTNER_NAMES
from est_desktop.reports.document import PageFrame

ORGANISATIONS = PARTNER_NAMES


@dataclass(frozen=True, slots=True)
class ReportInfo:
    """The analyst's part of a document; the numbers come from the analysis results.

    `title` empty: the document's own title ("Distriktssammanfattning", ...). `assessment` is
    the analyst's free text (paragraphs split at blank lines). `map_png` is a picture of the
    map, or None when it could not be drawn (the document says so)."""

    made_by: str
    made_at: date
    data_until: date
    title: str = ""
    organisations: tuple[str, ...] = ORGANISATIONS
    assessment: str = ""
    map_png: bytes | None = None

    def frame(self, default_title: str, period: str, district: str) -> PageFrame:
        """The header and footer of a document made from this info."""
        return PageFrame(
            title=self.title or default_title,
            subtitle=period,
            district=district,
            organisations=self.organisations,
            data_until=self.data_until,
            made_by=self.made_by,
            made_at=self.made_at,
        )
