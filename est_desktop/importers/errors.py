"""Why a whole file cannot be imported (a single bad row is a rejection, not an error)."""

from __future__ import annotations

from collections.abc import Sequence


class ImportFormatError(ValueError):
    """The file cannot be read at all; `message` says why, in Swedish, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MissingColumnsError(ImportFormatError):
    """Required columns were not recognised: the UI opens its column-mapping dialog."""

    def __init__(self, missing: Sequence[str], headers: Sequence[str]) -> None:
        from est_desktop.importers.columns import COLUMN_LABELS

        labels = ", ".join(COLUMN_LABELS[name] for name in missing)
        super().__init__(
            f"Kolumnerna känns inte igen: {labels} saknas. Ange vilka kolumner som avses."
        )
        self.missing = tuple(missing)
        self.headers = tuple(headers)
