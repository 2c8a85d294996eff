"""What can go wrong with the local store, each with a message a person can act on.

Messages are Swedish (the UI's language); the English text of each class's docstring says the
same for developers. No error here ever leads to the store file being overwritten or deleted.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The local store cannot do what was asked."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


class StoreLockedError(StoreError):
    """Another running EST Desktop has the store open."""


class NotAnEstStoreError(StoreError):
    """The file exists but is not an EST store (another program's database, or not SQLite)."""


class CorruptStoreError(StoreError):
    """The file is an EST store but damaged."""


class NewerStoreError(StoreError):
    """The store was made by a newer EST Desktop; this version must not touch it."""


class StoreWriteError(StoreError):
    """A write failed (disk full, read-only disk or folder, I/O error); nothing was saved."""


class RecordNotFoundError(StoreError):
    """The record asked for is not in the store."""
