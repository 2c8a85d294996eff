"""The records a pushed batch touches, held in memory while its changes are decided.

A push reads everything it needs in three queries (the records of the batch's ids, the answers
already given to its change ids, the owners of the external ids it mentions), decides every
change against this state, so a later change sees an earlier one, and then writes the changed
records and the answers with one executemany each. Nothing is written for a change that is
rejected, because nothing is written until every change has been decided.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from est_desktop.domain.wire import dumps_json
from est_desktop.server.database import next_seqs
from est_desktop.server.tables import AppliedChangeRow, RecordRow

RECORDS = RecordRow.__table__
ANSWERS = AppliedChangeRow.__table__
# A field missing from `field_revisions` was set when the record was made, at revision 1.
CREATED_REVISION = 1


@dataclass(slots=True)
class CurrentRecord:
    """One record as it stands at this point of the batch."""

    id: str
    entity: str
    revision: int
    deleted: bool
    source: str
    organisation: str
    external_id: str | None
    record: dict[str, Any]  # the wire form; replaced, never changed in place
    record_json: str
    field_revisions: dict[str, int]
    in_database: bool  # an update when written; otherwise an insert
    draft: Any = None  # parsed from `record` on first need (new records never need it)

    def field_revision(self, name: str) -> int:
        return self.field_revisions.get(name, CREATED_REVISION)


@dataclass(slots=True)
class KnownAnswer:
    username: str
    result_json: str  # as stored
    result: dict[str, Any] | None = None  # decided in this batch; else parsed on need

    def replay(self) -> dict[str, Any]:
        return dict(self.result) if self.result is not None else json.loads(self.result_json)


class BatchState:
    def __init__(self) -> None:
        self.records: dict[str, CurrentRecord] = {}
        self.answers: dict[str, KnownAnswer] = {}
        # (entity, source, external id) -> record id: external ids are unique per source.
        self.external_ids: dict[tuple[str, str, str], str] = {}
        self._changed: dict[str, CurrentRecord] = {}
        self._new_answers: list[dict[str, Any]] = []

    @classmethod
    def load(
        cls,
        conn: Connection,
        record_ids: Iterable[str],
        change_ids: Iterable[str],
        external_ids: Iterable[str],
    ) -> BatchState:
        state = cls()
        if ids := sorted(set(record_ids)):
            # FOR UPDATE (PostgreSQL): a concurrent push of the same records waits for ours and
            # then decides against our result; in id order, so two pushes cannot deadlock here.
            rows = conn.execute(
                select(RECORDS)
                .where(RECORDS.c.id.in_(ids))
                .order_by(RECORDS.c.id)
                .with_for_update()
            )
            for row in rows:
                record = CurrentRecord(
                    id=row.id,
                    entity=row.entity,
                    revision=row.revision,
                    deleted=row.deleted,
                    source=row.source,
                    organisation=row.organisation,
                    external_id=row.external_id,
                    record=json.loads(row.record),
                    record_json=row.record,
                    field_revisions=json.loads(row.field_revisions),
                    in_database=True,
                )
                state.records[row.id] = record
                state._index_external_id(record)
        if change_ids := list(set(change_ids)):
            for row in conn.execute(
                select(ANSWERS.c.change_id, ANSWERS.c.username, ANSWERS.c.result).where(
                    ANSWERS.c.change_id.in_(change_ids)
                )
            ):
                state.answers[row.change_id] = KnownAnswer(row.username, row.result)
        if external_ids := list(set(external_ids)):
            columns = (RECORDS.c.id, RECORDS.c.entity, RECORDS.c.source, RECORDS.c.external_id)
            for row in conn.execute(
                select(*columns).where(RECORDS.c.external_id.in_(external_ids))
            ):
                state.external_ids[(row.entity, row.source, row.external_id)] = row.id
        return state

    def put(self, record: CurrentRecord) -> None:
        """`record` is the new current version; it will be written."""
        before = self.records.get(record.id)
        if before is not None and before.external_id is not None:
            self.external_ids.pop((before.entity, before.source, before.external_id), None)
        self.records[record.id] = record
        self._changed[record.id] = record
        self._index_external_id(record)

    def answer(
        self, change_id: str, username: str, result: dict[str, Any], result_json: str, now: datetime
    ) -> None:
        self.answers[change_id] = KnownAnswer(username, result_json, result)
        self._new_answers.append(
            {"change_id": change_id, "username": username, "result": result_json, "applied_at": now}
        )

    def write(self, conn: Connection) -> None:
        """Write the changed records and the new answers, reserving change numbers last."""
        changed = list(self._changed.values())
        if changed:
            seq = next_seqs(conn, len(changed))  # locks the counter until commit: keep it late
            rows = [_row(record, seq + offset) for offset, record in enumerate(changed)]
            updates = [
                {"b_id": row.pop("id"), **row}
                for row, record in zip(rows, changed, strict=True)
                if record.in_database
            ]
            inserts = [row for row in rows if "id" in row]
            # Updates first: an edit may free an external id a new record of the batch takes.
            if updates:
                conn.execute(update(RECORDS).where(RECORDS.c.id == bindparam("b_id")), updates)
            if inserts:
                _insert(conn, RECORDS, inserts)
        if self._new_answers:
            _insert(conn, ANSWERS, self._new_answers)

    def _index_external_id(self, record: CurrentRecord) -> None:
        if record.external_id is not None:
            self.external_ids[(record.entity, record.source, record.external_id)] = record.id


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys in the same order) with one executemany.

    On SQLite straight to the driver: SQLAlchemy would pass every value of every row through
    its parameter processing in Python, which costs more than the insert itself. A column type
    that converts values (a time) converts each distinct value once. Elsewhere SQLAlchemy's
    multi-row VALUES ("insertmanyvalues") are the fast way, so it does the work.
    """
    dialect = conn.dialect
    if dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    keys = list(rows[0])
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    order = [keys.index(name) for name in compiled.positiontup or ()]
    params = [[row[key] for key in keys] for row in rows]
    for index, key in enumerate(keys):
        process = table.c[key].type.bind_processor(dialect)
        if process is not None:
            done: dict[Any, Any] = {}
            for values in params:
                value = values[index]
                values[index] = (
                    done[value] if value in done else done.setdefault(value, process(value))
                )
    conn.exec_driver_sql(compiled.string, [tuple(values[i] for i in order) for values in params])


def _row(record: CurrentRecord, seq: int) -> dict[str, Any]:
    return {
        "id": record.id,
        "entity": record.entity,
        "seq": seq,
        "revision": record.revision,
        "deleted": record.deleted,
        "source": record.source,
        "organisation": record.organisation,
        "external_id": record.external_id,
        "record": record.record_json,
        "field_revisions": dumps_json(record.field_revisions) if record.field_revisions else "{}",
    }
