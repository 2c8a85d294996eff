"""The sync outbox: each local change, queued in the same transaction as the record it changes.

Fields are kept in wire form (PROTOCOL.md), so the sync client sends them as they are.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from est_desktop.domain.wire import wire_fields
from est_desktop.store.tables import OutboxRow


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    seq: int
    change_id: str
    entity: str
    record_id: str
    op: str
    base_revision: int | None
    fields: dict[str, Any]
    created_at: datetime


def queue_change(
    conn: Connection,
    *,
    entity: str,
    record_id: str,
    op: str,
    base_revision: int | None,
    fields: Mapping[str, object],
    now: datetime,
) -> str:
    """Queue one change inside the caller's transaction; returns its change id."""
    change_id = str(uuid.uuid4())
    conn.execute(
        insert(OutboxRow).values(
            change_id=change_id,
            entity=entity,
            record_id=record_id,
            op=op,
            base_revision=base_revision,
            fields=json.dumps(wire_fields(fields), ensure_ascii=False),
            created_at=now,
        )
    )
    return change_id


def pending_changes(conn: Connection, limit: int | None = None) -> list[OutboxEntry]:
    """The queued changes, oldest first."""
    query = select(OutboxRow).order_by(OutboxRow.seq).limit(limit)
    return [
        OutboxEntry(
            seq=row.seq,
            change_id=row.change_id,
            entity=row.entity,
            record_id=row.record_id,
            op=row.op,
            base_revision=row.base_revision,
            fields=json.loads(row.fields),
            created_at=row.created_at,
        )
        for row in conn.execute(query)
    ]
