"""The sync logic of the shared server, free of HTTP: push (applying changes) and pull.

The HTTP layer authenticates the user, checks the request's envelope and calls `push` or
`pull`; everything about records, revisions, conflicts, visibility and cursors is decided here
and in the modules this one joins (push.py, batch_state.py, record_kinds.py, access.py,
pull.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.server import audit
from est_desktop.server import pull as pulling
from est_desktop.server.audit_buffer import AuditBuffer
from est_desktop.server.database import ServerDatabase
from est_desktop.server.identity import User
from est_desktop.server.pull import InvalidCursorError, PullPage
from est_desktop.server.push import Pusher
from est_desktop.server.record_kinds import IncidentKind, MeasureKind, RecordKind

__all__ = ["InvalidCursorError", "PullPage", "SyncService"]


class SyncService:
    """Push and pull against one server database. Thread-safe: one instance for all requests."""

    def __init__(
        self,
        db: ServerDatabase,
        taxonomy: Taxonomy,
        districts: DistrictLookup,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._db = db
        kinds: dict[str, RecordKind] = {
            "incident": IncidentKind(taxonomy, districts),
            "measure": MeasureKind(taxonomy, districts),
        }
        self._pusher = Pusher(db, kinds, clock)
        self._clock = clock
        self._pull_audit = AuditBuffer(db)  # a pull's entry needs no commit of its own

    def push(
        self, user: User, client_id: str, changes: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """One result per change, in order: {"change_id", "id", "status", "revision", "record",
        "errors"}. The envelope is the caller's to check (`changes` a list of at most 500 dicts,
        each with a valid UUID "change_id"); anything wrong inside a change rejects that change
        alone. Runs in one transaction, retried whole if it loses a race with another push."""

        # The audit entries go in the push's own transaction: one multi-row insert per request.
        def write_audit(conn: Connection, results: list[dict[str, Any]]) -> None:
            audit.record(conn, audit.push_events(user.username, changes, results))

        return self._pusher.push(user, changes, on_write=write_audit)

    def pull(self, user: User, since: str | None, limit: int) -> PullPage:
        """The next page after `since` of the records `user` may see (limit checked by the
        caller, 1..1000). InvalidCursorError for a cursor this server did not make."""
        page = pulling.pull(self._db, user, since, limit)
        if page.changes:  # an empty poll hands out nothing: not worth a write
            event = audit.AuditEvent(
                user.username, audit.Action.PULL, count=len(page.changes), at=self._clock()
            )
            self._pull_audit.add([event])
        return page

    def flush_audit(self) -> None:
        """Write the pull entries gathered so far (before the audit log is read)."""
        self._pull_audit.flush()

    def close(self) -> None:
        """Write the pull entries still gathered; for the server's clean shutdown."""
        self._pull_audit.close()
