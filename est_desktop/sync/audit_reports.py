"""Reporting the exports made on this PC to the server's audit log, as a step of a sync run.

Exports are noted in the store when they are made (`store/export_log.py`), online or not; the
sync run sends the waiting ones after its push, one request each, oldest first, and forgets
each one the server has answered. Being offline, busy or signed out fails the run like any
other request; a server that refuses a report does not (it is logged). Either way the rest wait
for the next run. The report id makes a report sent twice count once.
"""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

from est_desktop.store.database import Store
from est_desktop.store.export_log import forget_reported, waiting_reports
from est_desktop.sync.errors import ProtocolError

log = logging.getLogger(__name__)

BATCH = 100  # reports read from the store at a time


@runtime_checkable
class ExportReporter(Protocol):
    """A transport that can report an export (`POST /api/v1/audit/export`)."""

    def report_export(self, report: dict) -> dict: ...


def report_exports(store: Store, reporter: ExportReporter) -> int:
    """Send every waiting export report; how many the server recorded. Raises the transport's
    `SyncError` when a request fails, except a refusal (what was sent before stays sent)."""
    sent = 0
    while waiting := waiting_reports(store, BATCH):
        for report in waiting:
            try:
                reporter.report_export(report.as_wire())
            except ProtocolError as exc:
                # Refused (a server without the endpoint, or one that finds fault with the
                # report): that must not stop the sync. The notes wait for a server that
                # takes them.
                log.warning("export reports not accepted, %d kept: %s", len(waiting), exc)
                return sent
            forget_reported(store, report.report_id)
            sent += 1
    return sent
