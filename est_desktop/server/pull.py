"""Answering a pull: the records changed after a cursor, in change-number order.

The cursor is the change number (`seq`) of the last record handed out, as opaque text. Change
numbers become visible in the order they were given (see `database.next_seqs`), so nothing can
later appear below a cursor. The body is assembled from the stored JSON texts, never decoding
and re-encoding a record: a full pull of 100,000 records is mostly string joining.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from est_desktop.server.access import visible_records
from est_desktop.server.database import ServerDatabase
from est_desktop.server.identity import User
from est_desktop.server.tables import RecordRow

CURSOR_PREFIX = "c1."
MAX_CURSOR_DIGITS = 19  # a BigInteger


class InvalidCursorError(ValueError):
    """A `since` the server did not hand out."""


@dataclass(frozen=True, slots=True)
class PulledChange:
    entity: str
    id: str
    revision: int
    deleted: bool
    record_json: str

    @property
    def record(self) -> dict[str, Any]:
        return json.loads(self.record_json)

    def to_json(self) -> str:
        deleted = "true" if self.deleted else "false"
        return (
            f'{{"entity":"{self.entity}","id":"{self.id}","revision":{self.revision},'
            f'"deleted":{deleted},"record":{self.record_json}}}'
        )


@dataclass(frozen=True, slots=True)
class PullPage:
    changes: list[PulledChange]
    cursor: str
    has_more: bool

    def to_json(self, reference_version: str | None = None) -> bytes:
        """The whole 200 body: {"changes": [...], "cursor": "...", "has_more": bool}, and,
        when given, "reference_version" (an extension: clients refetch reference data when it
        changes)."""
        changes = ",".join(change.to_json() for change in self.changes)
        has_more = "true" if self.has_more else "false"
        extra = "" if reference_version is None else f',"reference_version":"{reference_version}"'
        # Ids and entities are the server's own (UUIDs, fixed words); records are stored JSON.
        body = f'{{"changes":[{changes}],"cursor":"{self.cursor}","has_more":{has_more}{extra}}}'
        return body.encode("utf-8")


def parse_cursor(since: str | None) -> int:
    """The change number a cursor stands for; 0 (the beginning) for None or ""."""
    if since is None or since == "":
        return 0
    digits = since[len(CURSOR_PREFIX) :] if isinstance(since, str) else ""
    if (
        not since.startswith(CURSOR_PREFIX)
        or not digits.isascii()
        or not digits.isdigit()
        or len(digits) > MAX_CURSOR_DIGITS
    ):
        raise InvalidCursorError("Ogiltig markör: skicka tillbaka en markör som servern gav.")
    return int(digits)


def make_cursor(seq: int) -> str:
    return f"{CURSOR_PREFIX}{seq}"


def pull(db: ServerDatabase, user: User, since: str | None, limit: int) -> PullPage:
    after = parse_cursor(since)
    columns = (
        RecordRow.seq,
        RecordRow.entity,
        RecordRow.id,
        RecordRow.revision,
        RecordRow.deleted,
        RecordRow.record,
    )
    query = select(*columns).where(RecordRow.seq > after).order_by(RecordRow.seq).limit(limit + 1)
    if (visible := visible_records(user)) is not None:
        query = query.where(visible)
    with db.reading() as conn:
        rows = conn.execute(query).all()
    page = rows[:limit]
    changes = [
        PulledChange(row.entity, row.id, row.revision, bool(row.deleted), row.record)
        for row in page
    ]
    return PullPage(changes, make_cursor(page[-1].seq if page else after), len(rows) > limit)
