"""The EST category taxonomy: groups of categories, each with a stable code and two labels.

The one module that reads the category list. The taxonomy comes from `resources/categories.json`
(or, later, from the server's reference data, which has the same shape flattened).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from est_desktop.domain.language import current_language
from est_desktop.domain.text_search import TypeAhead


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    group: str  # the code of its group
    label_sv: str
    label_en: str
    active: bool = True
    # Offered when recording by hand; "Omappad" (a police crime type with no EST category
    # yet) is only ever set by an import.
    entry: bool = True

    def label(self, language: str | None = None) -> str:
        """The label in `language`, by default the user's (domain.language)."""
        return self.label_en if (language or current_language()) == "en" else self.label_sv


@dataclass(frozen=True, slots=True)
class CategoryGroup:
    code: str
    label_sv: str
    label_en: str
    categories: tuple[Category, ...]

    def label(self, language: str | None = None) -> str:
        """The label in `language`, by default the user's (domain.language)."""
        return self.label_en if (language or current_language()) == "en" else self.label_sv


class Taxonomy:
    """Groups and categories in their defined order, looked up by code."""

    def __init__(self, groups: Iterable[CategoryGroup], version: str = "") -> None:
        self.version = version
        self.groups: tuple[CategoryGroup, ...] = tuple(groups)
        self._groups = {group.code: group for group in self.groups}
        self._categories = {c.code: c for group in self.groups for c in group.categories}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Taxonomy:
        """Parse the shape of `categories.json`; a clear ValueError says what is wrong."""
        try:
            groups = [
                CategoryGroup(
                    code=str(group["code"]),
                    label_sv=str(group["label_sv"]),
                    label_en=str(group["label_en"]),
                    categories=tuple(
                        Category(
                            code=str(item["code"]),
                            group=str(group["code"]),
                            label_sv=str(item["label_sv"]),
                            label_en=str(item["label_en"]),
                            active=bool(item.get("active", True)),
                            entry=bool(item.get("entry", True)),
                        )
                        for item in group["categories"]
                    ),
                )
                for group in data["groups"]
            ]
        except (KeyError, TypeError) as exc:
            raise ValueError(f"category list is malformed: missing or wrong {exc}") from exc
        codes = [c.code for g in groups for c in g.categories]
        if duplicates := sorted({code for code in codes if codes.count(code) > 1}):
            raise ValueError(f"category codes appear twice: {', '.join(duplicates)}")
        return cls(groups, version=str(data.get("version", "")))

    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        if path is None:
            from est_desktop.resources import resource_path

            path = resource_path("categories.json")
        with open(path, encoding="utf-8") as file:
            return cls.from_dict(json.load(file))

    def category(self, code: str) -> Category | None:
        return self._categories.get(code)

    def group(self, code: str) -> CategoryGroup | None:
        return self._groups.get(code)

    def categories(self, *, active_only: bool = False) -> list[Category]:
        return [c for group in self.groups for c in group.categories if c.active or not active_only]

    def is_active(self, code: str) -> bool:
        category = self._categories.get(code)
        return category is not None and category.active

    def label(self, code: str, language: str | None = None) -> str:
        """The category's label; an unknown code (e.g. retired on the server) shows as itself."""
        category = self._categories.get(code)
        return category.label(language) if category else code

    def group_label(self, category_code: str, language: str | None = None) -> str:
        category = self._categories.get(category_code)
        group = self._groups.get(category.group) if category else None
        return group.label(language) if group else ""

    def search(self, text: str, *, first: Iterable[str] = (), limit: int = 50) -> list[Category]:
        """Categories one may record (active, for entry) matching `text` in their own or their
        group's label (either language) or code; those in `first` (e.g. the recent) lead."""
        choosable = [c for c in self.categories(active_only=True) if c.entry]
        leading = [c for code in first if (c := self._categories.get(code)) in choosable]
        rest = [c for c in choosable if c not in leading]
        return TypeAhead(
            (c, f"{c.label_sv} {c.label_en} {self._groups[c.group].label_sv} {c.code}")
            for c in [*leading, *rest]
        ).search(text, limit)

    def codes_in_group(self, group_code: str) -> list[str]:
        group = self._groups.get(group_code)
        return [c.code for c in group.categories] if group else []
