"""One sync run: push the outbox, pull what changed on the server, refresh reference data.

The promise: nothing lost, nothing duplicated, no silent overwrite, whatever the network does.
Changes are marked sent before each request and keep their change ids, so a request that fails
is simply sent again (the server applies a change id once); every answer batch and every pulled
page is applied in one transaction (the pull cursor with it). No Qt: the UI runs `sync_once` on
a worker thread, one at a time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from est_desktop.domain.incident import SyncState
from est_desktop.domain.language import translate
from est_desktop.store.database import Store
from est_desktop.store.measure_sync import conflict_count as measure_conflict_count
from est_desktop.store.outbox import (
    OutboxEntry,
    has_later_changes,
    mark_sent,
    pushable_changes,
    waiting_count,
)
from est_desktop.store.pull_apply import apply_pull_page, pull_cursor
from est_desktop.store.sync_apply import PushTally, apply_push_results
from est_desktop.store.tables import IncidentRow
from est_desktop.sync.audit_reports import ExportReporter, report_exports
from est_desktop.sync.errors import ProtocolError, SyncError
from est_desktop.sync.progress import SyncWatch
from est_desktop.sync.reference_cache import ReferenceCache
from est_desktop.sync.transport import Transport

log = logging.getLogger(__name__)

LAST_SUCCESS_KEY = "sync_last_success"
LAST_ERROR_KEY = "sync_last_error"
# Without a version hint from the server, cached reference data is fetched again this often.
REFERENCE_MAX_AGE = 6 * 3600.0
# Pulled changes applied per transaction (several pages of up to 1000).
PULL_APPLY_BATCH = 5000
_STATUSES = frozenset({"applied", "merged", "conflict", "rejected"})


@dataclass(frozen=True)
class SyncReport:
    """What one run did: changes confirmed, records stored from the pull, conflicts and
    rejections answered in this run, and the changes still waiting afterwards."""

    pushed: int
    pulled: int
    conflicts: int
    rejected: int
    waiting: int
    finished_at: datetime
    cancelled: bool = False  # stopped by the user after a batch; the next run goes on


@dataclass(frozen=True)
class LocalSyncStatus:
    """The store's sync state at a glance (totals, not one run's)."""

    waiting: int
    conflicts: int
    rejected: int
    last_success: datetime | None
    last_error: str | None


class SyncEngine:
    """Syncs one store through one transport. Call `sync_once` from one thread at a time."""

    def __init__(
        self,
        store: Store,
        transport: Transport,
        *,
        batch_size: int = 500,
        pull_limit: int = 500,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        reference_cache: ReferenceCache | None = None,
    ) -> None:
        self._store = store
        self._transport = transport
        self._batch_size = max(1, min(batch_size, 500))
        self._pull_limit = max(1, min(pull_limit, 1000))
        self._clock = clock
        self._reference_cache = reference_cache

    def sync_once(self, watch: SyncWatch | None = None) -> SyncReport:
        """Push until nothing pushable is left, then pull until the server has no more.

        Raises a `SyncError` subclass when the run cannot finish; what was done before stays
        done, and the rest is tried again by the next run. `watch` hears the progress; when
        it is cancelled the run stops after the batch under way (a report with `cancelled`).
        """
        watch = watch or SyncWatch()
        try:
            pushed, conflicts, rejected = self.push_pending(watch)
            if isinstance(self._transport, ExportReporter):  # exports made here, to the audit log
                report_exports(self._store, self._transport)
            pulled, reference_version = (0, None) if watch.cancelled else self.pull_changes(watch)
            if not watch.cancelled:
                self._refresh_reference(reference_version)
        except SyncError as exc:
            self._store.set_setting(LAST_ERROR_KEY, str(exc))
            raise
        finished = self._clock()
        if watch.cancelled:  # not a success: "last synced" stays what it was
            waiting = self.status().waiting
            return SyncReport(pushed, pulled, conflicts, rejected, waiting, finished, True)
        with self._store.transaction() as conn:
            self._store.set_setting(LAST_SUCCESS_KEY, finished.isoformat(), conn)
            self._store.set_setting(LAST_ERROR_KEY, "", conn)
        return SyncReport(pushed, pulled, conflicts, rejected, self.status().waiting, finished)

    def status(self) -> LocalSyncStatus:
        """Cheap and local: a few counts and two settings."""
        with self._store.reading() as conn:
            waiting = waiting_count(conn)
            conflicts = _count_state(conn, SyncState.CONFLICT, include_deleted=True)
            conflicts += measure_conflict_count(conn)
            rejected = _count_state(conn, SyncState.REJECTED, include_deleted=False)
        success = self._store.setting(LAST_SUCCESS_KEY)
        return LocalSyncStatus(
            waiting=waiting,
            conflicts=conflicts,
            rejected=rejected,
            last_success=datetime.fromisoformat(success) if success else None,
            last_error=self._store.setting(LAST_ERROR_KEY) or None,
        )

    # -- push -----------------------------------------------------------------------------

    def push_pending(self, watch: SyncWatch | None = None) -> tuple[int, int, int]:
        """Push every pushable outbox entry; (confirmed, conflicts, rejected) of this run.

        One request at a time, its changes marked sent before it goes. The local work overlaps
        the server's: while one request is under way, the next batch is chosen and marked sent
        and the answers to the one before are stored. A batch whose records have later changes
        queued is the exception: those changes build on its answers, so the answers are stored
        before the next batch is chosen.
        """
        client_id = self._store.installation_id
        tally = PushTally()
        # Changes answered but still queued and not held (a measure in conflict): not again
        # in this run, so the loop always ends.
        answered: set[str] = set()
        sent: _Sent | None = None  # the request under way
        watch = watch or SyncWatch()
        with self._store.reading() as conn:
            total = waiting_count(conn)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as sender:
            while True:
                watch.pushed(tally.confirmed + tally.conflicts + tally.rejected, total)
                if sent is not None and sent.store_first:
                    tally += self._store_answers(sent.batch, sent.results(), answered)
                    sent = None
                # Not the changes of the request under way (their answers are not stored yet),
                # nor, one change a record at a time, the later changes of their records.
                skip = answered | sent.change_ids() if sent else answered
                with self._store.transaction() as conn:
                    # Cancelled: no new batch, so the loop ends once `sent` is answered.
                    batch = (
                        []
                        if watch.cancelled
                        else pushable_changes(conn, self._batch_size, skip=skip)
                    )
                    mark_sent(conn, batch, self._clock())
                    store_first = bool(batch) and has_later_changes(conn, batch)
                # A failed request or a malformed answer raises here, before the next batch is
                # sent (it stays marked sent, as after any request that may not have arrived).
                results = sent.results() if sent else []
                following = None
                if batch:
                    wire = [entry.as_wire() for entry in batch]
                    request = sender.submit(self._transport.push, client_id, wire)
                    following = _Sent(batch, request, store_first)
                if sent is not None:
                    tally += self._store_answers(sent.batch, results, answered)
                elif following is None:
                    return tally.confirmed, tally.conflicts, tally.rejected
                sent = following

    def _store_answers(
        self, batch: list[OutboxEntry], results: list[Any], answered: set[str]
    ) -> PushTally:
        """Apply the answers to `batch`; add to `answered` the changes that stay queued (a
        measure in conflict)."""
        try:
            tally = apply_push_results(self._store, batch, results)
        except (ValueError, KeyError, TypeError) as exc:
            raise ProtocolError(
                translate(
                    "Sync", "Servern svarade på sändningen i ett okänt format ({error})."
                ).format(error=exc)
            ) from exc
        answered.update(
            entry.change_id
            for entry, result in zip(batch, results, strict=True)
            if result["status"] == "conflict" and entry.entity != "incident"
        )
        return tally

    # -- pull -----------------------------------------------------------------------------

    def pull_changes(self, watch: SyncWatch | None = None) -> tuple[int, str | None]:
        """Pull until the server has no more; (records stored, reference version if named).

        Pages are applied a few at a time, each group in one transaction with the cursor of its
        last page: fewer, larger commits write each index page once instead of once a page.
        """
        cursor = pull_cursor(self._store)
        pulled = 0
        reference_version: str | None = None
        pending: list[Mapping[str, Any]] = []
        watch = watch or SyncWatch()
        received = 0
        while True:
            page = self._transport.pull(cursor, self._pull_limit)
            changes, next_cursor, has_more = _check_pull_page(page)
            pending.extend(changes)
            received += len(changes)
            watch.pulled(received)
            if isinstance(page.get("reference_version"), str):
                reference_version = page["reference_version"]
            # Cancelled: what was received is stored with its cursor, the next run goes on.
            if not has_more or len(pending) >= PULL_APPLY_BATCH or watch.cancelled:
                pulled += apply_pull_page(self._store, pending, next_cursor).stored
                pending = []
            if not has_more or watch.cancelled:
                return pulled, reference_version
            if not changes and next_cursor == cursor:
                raise ProtocolError(
                    translate(
                        "Sync", "Servern säger att det finns mer att hämta men skickar inget."
                    )
                )
            cursor = next_cursor

    # -- reference data -------------------------------------------------------------------

    def _refresh_reference(self, server_version: str | None) -> None:
        """Fetch reference data at most once a run, and only when the cached copy is missing,
        differs from the version the server names, or (without a name) has grown old."""
        cache = self._reference_cache
        if cache is None:
            return
        cached = cache.version()
        age = cache.age_seconds()
        stale = server_version != cached if server_version else (age or 0) > REFERENCE_MAX_AGE
        if cached is not None and not stale:
            return
        try:
            cache.save(self._transport.reference())
        except ProtocolError as exc:  # the cached copy still serves; sync itself went fine
            log.warning("reference data not refreshed: %s", exc)


@dataclass(frozen=True, slots=True)
class _Sent:
    """A batch whose request is under way (or done)."""

    batch: list[OutboxEntry]
    request: Future[list[Any]]
    store_first: bool  # a record of the batch has later changes queued

    def change_ids(self) -> set[str]:
        return {entry.change_id for entry in self.batch}

    def results(self) -> list[Any]:
        """The answers, one per change, checked; the request's failure is raised here."""
        results = self.request.result()
        _check_push_results(self.batch, results)
        return results


def _check_push_results(batch: Sequence[OutboxEntry], results: object) -> None:
    """One well-formed result per change, in order; otherwise nothing is applied."""
    if not isinstance(results, list) or len(results) != len(batch):
        raise ProtocolError(translate("Sync", "Servern svarade inte med ett resultat per ändring."))
    for entry, result in zip(batch, results, strict=True):
        if not isinstance(result, Mapping) or result.get("change_id") != entry.change_id:
            raise ProtocolError(
                translate("Sync", "Servern svarade med resultat som inte hör till ändringarna.")
            )
        status = result.get("status")
        if status not in _STATUSES:
            raise ProtocolError(
                translate("Sync", "Servern svarade med okänd status {status}.").format(
                    status=repr(status)
                )
            )
        revision = result.get("revision")
        if status in ("applied", "merged") and (
            not isinstance(revision, int) or isinstance(revision, bool)
        ):
            raise ProtocolError(translate("Sync", "Servern bekräftade en ändring utan revision."))
        if result.get("record") is not None and not isinstance(result["record"], Mapping):
            raise ProtocolError(translate("Sync", "Servern svarade med en post i okänt format."))
        if status == "rejected" and not isinstance(result.get("errors") or {}, Mapping):
            raise ProtocolError(translate("Sync", "Servern avvisade en ändring utan läsbara skäl."))


def _check_pull_page(page: object) -> tuple[list[Mapping[str, Any]], str, bool]:
    if not isinstance(page, Mapping):
        raise ProtocolError(translate("Sync", "Servern svarade på hämtningen i ett okänt format."))
    changes, cursor, has_more = page.get("changes"), page.get("cursor"), page.get("has_more")
    if (
        not isinstance(changes, list)
        or not all(isinstance(change, Mapping) for change in changes)
        or not isinstance(cursor, str)
        or not isinstance(has_more, bool)
    ):
        raise ProtocolError(
            translate(
                "Sync", "Servern svarade på hämtningen utan ändringar, markör eller has_more."
            )
        )
    return changes, cursor, has_more


def _count_state(conn: Any, state: SyncState, *, include_deleted: bool) -> int:
    # `deleted` leads the sync-state index, so both values are named to read only the index.
    deleted = [False, True] if include_deleted else [False]
    query = select(func.count()).where(
        IncidentRow.deleted.in_(deleted), IncidentRow.sync_state == state.value
    )
    return conn.scalar(query) or 0
