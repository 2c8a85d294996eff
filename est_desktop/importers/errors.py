"""Why a whole file cannot be imported (a single bad row is a rejection, not an error)."""

from __future__ import annotations

from collections.abc import Sequence

from est_desktop.domain.language import translate


class ImportFormatError(ValueError):
    """The file cannot be read at all; `message` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MissingColumnsError(ImportFormatError):
    """Required columns were not recognised: the UI opens its column-mapping dialog."""

    def __init__(self, missing: Sequence[str], headers: Sequence[str]) -> None:
        from est_desktop.importers.columns import column_label

        labels = ", ".join(column_label(name) for name in missing)
        text = translate(
            "Import", "Kolumnerna känns inte igen: {columns} saknas. Ange vilka kolumner som avses."
        )
        super().__init__(text.format(columns=labels))
        self.missing = tuple(missing)
        self.headers = tuple(headers)
