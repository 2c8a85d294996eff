"""What the entry form's type-ahead fields offer: categories and named places, best first."""

from __future__ import annotations

from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.places import PlaceIndex
from est_desktop.ui.preferences import Preferences


class EntryChoices:
    def __init__(self, taxonomy: Taxonomy, places: PlaceIndex, preferences: Preferences) -> None:
        self._taxonomy = taxonomy
        self.places = places
        self._preferences = preferences

    def categories(self, text: str) -> list[tuple[str, object]]:
        """(shown text, code) of the matching categories, the recently used first."""
        found = self._taxonomy.search(text, first=self._preferences.recent_categories)
        return [(self.category_text(c.code), c.code) for c in found]

    def category_text(self, code: str) -> str:
        return f"{self._taxonomy.label(code)} ({self._taxonomy.group_label(code)})"

    def category_code(self, text: str) -> str:
        """The code of a category typed out in full; otherwise the text, for validation."""
        text = text.strip()
        for category in self._taxonomy.search(text, limit=50) if text else []:
            labels = (category.label_sv.casefold(), category.label_en.casefold())
            if text.casefold() in (*labels, category.code):
                return category.code
        return text

    def named_places(self, text: str) -> list[tuple[str, object]]:
        """(name, NamedPlace) of the matching places."""
        found = self.places.search(text, limit=15)
        last, typed = self._preferences.last_district, text.strip().casefold()
        # The place named exactly as typed first (Enter takes the first entry), then the
        # last district's places: "Sjöbo torg" must not pick "Coop Sjöbo torg".
        found.sort(key=lambda p: (p.name.casefold() != typed, p.district != last))
        return [(p.name, p) for p in found]
