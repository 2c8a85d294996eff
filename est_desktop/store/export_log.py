"""Exports made on this PC, kept until the server's audit log has them.

An export is recorded locally the moment its file is written (or its report printed), online or
not: what kind, which format, how many records, whether free text or police records went with
it; never what it held. The sync run sends the waiting entries (`sync/audit_reports.py`) and
forgets each one the server has confirmed. Each entry keeps one report id for life, so one sent
again after a lost answer is still recorded once on the server.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Boolean, Integer, String, delete, func, insert, select
from sqlalchemy.orm import Mapped, mapped_column

from est_desktop.store.database import Store
from est_desktop.store.tables import Base, EpochSeconds

KINDS = ("incidents", "aggregated", "report")


class ExportLogRow(Base):
    """One export made here and not yet confirmed by the server."""

    __tablename__ = "export_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    report_id: Mapped[str] = mapped_column(String(36), unique=True)
    made_at: Mapped[datetime] = mapped_column(EpochSeconds)
    kind: Mapped[str] = mapped_column(String(16))  # incidents, aggregated or report
    format: Mapped[str] = mapped_column(String(16))  # csv, geojson, pdf, print
    count: Mapped[int] = mapped_column(Integer)
    free_text: Mapped[bool] = mapped_column(Boolean)
    police: Mapped[bool] = mapped_column(Boolean)


@dataclass(frozen=True, slots=True)
class ExportMade:
    """What an export took out of the store, without its contents."""

    kind: str  # one of KINDS
    format: str
    count: int  # records (the detailed export, a report) or rows of counts (aggregated)
    free_text: bool = False
    police: bool = False


@dataclass(frozen=True, slots=True)
class WaitingReport:
    report_id: str
    made_at: datetime
    export: ExportMade

    def as_wire(self) -> dict[str, Any]:
        """The body of `POST /api/v1/audit/export`."""
        return {
            "report_id": self.report_id,
            "kind": self.export.kind,
            "format": self.export.format,
            "count": self.export.count,
            "free_text": self.export.free_text,
            "police": self.export.police,
        }


def record_export(store: Store, export: ExportMade, now: datetime | None = None) -> str:
    """Note that `export` was made, in a transaction of its own; its report id. Any thread."""
    if export.kind not in KINDS:
        raise ValueError(f"unknown export kind {export.kind!r}")
    report_id = str(uuid.uuid4())
    with store.transaction() as conn:
        conn.execute(
            insert(ExportLogRow).values(
                report_id=report_id,
                made_at=now or datetime.now(UTC),
                kind=export.kind,
                format=export.format[:16],
                count=max(0, export.count),
                free_text=export.free_text,
                police=export.police,
            )
        )
    return report_id


def waiting_reports(store: Store, limit: int = 100) -> list[WaitingReport]:
    """The oldest `limit` exports the server has not confirmed yet."""
    with store.reading() as conn:
        rows = conn.execute(select(ExportLogRow).order_by(ExportLogRow.seq).limit(limit)).all()
    return [
        WaitingReport(
            row.report_id,
            row.made_at,
            ExportMade(row.kind, row.format, row.count, row.free_text, row.police),
        )
        for row in rows
    ]


def waiting_count(store: Store) -> int:
    with store.reading() as conn:
        return conn.scalar(select(func.count()).select_from(ExportLogRow)) or 0


def forget_reported(store: Store, report_id: str) -> None:
    """The server has recorded this export: it no longer waits."""
    with store.transaction() as conn:
        conn.execute(delete(ExportLogRow).where(ExportLogRow.report_id == report_id))
