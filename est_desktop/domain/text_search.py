"""Type-ahead matching for short lists: categories, named places.

Matching ignores case and diacritics ("hassle" finds "Hässleholmen"); an item where the typed
text starts a word ranks before one where it only occurs inside a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")

_WORD_START = re.compile(r"(?<![0-9a-z])")  # positions not preceded by a letter or digit


def fold(text: str) -> str:
    """Case- and diacritics-insensitive form: "Hässleholmen" -> "hassleholmen"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


class TypeAhead(Generic[T]):
    """Items found by their search text; ties keep the order the items were given in."""

    def __init__(self, items: Iterable[tuple[T, str]]) -> None:
        self._entries = [(item, fold(text)) for item, text in items]
        self._word_starts = [
            frozenset(m.start() for m in _WORD_START.finditer(key)) for _, key in self._entries
        ]

    def search(self, text: str, limit: int = 10) -> list[T]:
        """Items whose text contains `text`: word-start matches first. Empty text: all."""
        query = fold(text)
        if not query:
            return [item for item, _ in self._entries][:limit]
        prefix: list[T] = []
        inner: list[T] = []
        for (item, key), starts in zip(self._entries, self._word_starts, strict=True):
            at = key.find(query)
            if at < 0:
                continue
            while at >= 0 and at not in starts:
                at = key.find(query, at + 1)
            (prefix if at >= 0 else inner).append(item)
            if len(prefix) >= limit:
                break
        return (prefix + inner)[:limit]
