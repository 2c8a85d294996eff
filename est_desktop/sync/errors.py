"""What can go wrong while syncing, as exceptions the UI can tell apart.

Every message is Swedish and meant for the status bar's details. None of them loses anything:
the outbox keeps every change until the server has answered it.
"""

from __future__ import annotations


class SyncError(Exception):
    """A sync that did not finish; `str(error)` says why, in Swedish."""


class AuthRequired(SyncError):
    """401: the token is missing or expired; the user must log in again."""


class ServerBusy(SyncError):
    """429 or 503: try again later, not before `retry_after` seconds when the server says so."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Offline(SyncError):
    """The server could not be reached: refused, unknown name, timeout or TLS failure."""


class ProtocolError(SyncError):
    """An answer that breaks the protocol, or an unexpected error status."""
