"""The right-of-access and erasure helper: find records whose free text mentions a string (a
person's name, say), and remove that string everywhere.

Matching ignores case. Free text is an incident's description and place name, and a measure's
title, description and follow-up (record_rewrite.FREE_TEXT_FIELDS); tombstones are searched too,
since they keep their text until retention runs. Erasure replaces each occurrence with `MARK` as
a new revision of the record, so clients pull the redacted text and drop the old one, and also
rewrites the push answers the server keeps for idempotency, which quote records.

The string itself is never written to the audit log: only who searched or erased, how many
records were found and which were changed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, select, true, update

from est_desktop.server import audit
from est_desktop.server.audit import Action, AuditEvent
from est_desktop.server.database import ServerDatabase
from est_desktop.server.record_rewrite import (
    BATCH,
    FREE_TEXT_FIELDS,
    RECORDS,
    Rewrite,
    StoredRecord,
    SweepTally,
    stored_records,
    sweep,
)
from est_desktop.server.tables import AppliedChangeRow

MARK = "[…]"
MIN_LENGTH = 3  # shorter strings match everywhere, and the mark would lengthen the text
MAX_LENGTH = 200
MAX_LISTED = 1000
ANSWERS = AppliedChangeRow.__table__
_ALL_FREE_TEXT = frozenset(name for names in FREE_TEXT_FIELDS.values() for name in names)
# Stored JSON escapes everything outside printable ASCII, and `"` and `\`: runs of the rest
# appear in the stored text exactly as in the string searched for.
_VERBATIM_RUN = re.compile(r"[\x20-\x21\x23-\x5b\x5d-\x7e]+")


class TextError(ValueError):
    """A search string that cannot be used; the message says why, in Swedish."""


@dataclass(frozen=True, slots=True)
class TextMatch:
    entity: str
    id: str
    revision: int
    deleted: bool
    fields: tuple[str, ...]  # the free-text fields that mention the string
    record: dict[str, Any]

    def as_wire(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "id": self.id,
            "revision": self.revision,
            "deleted": self.deleted,
            "fields": list(self.fields),
            "record": self.record,
        }


@dataclass(frozen=True, slots=True)
class TextSearch:
    """A checked search string: what matches it, and the records' cheap SQL prefilter."""

    text: str
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, raw: str) -> TextSearch:
        text = unicodedata.normalize("NFC", (raw or "").strip())
        if len(text) < MIN_LENGTH:
            raise TextError(f"Söktexten måste vara minst {MIN_LENGTH} tecken.")
        if len(text) > MAX_LENGTH:
            raise TextError(f"Söktexten får vara högst {MAX_LENGTH} tecken.")
        if not text.isprintable():
            raise TextError("Söktexten får inte innehålla styrtecken.")
        return cls(text, re.compile(re.escape(text), re.IGNORECASE))

    def fields_of(self, entity: str, record: dict[str, Any]) -> tuple[str, ...]:
        names = FREE_TEXT_FIELDS.get(entity, ())
        return tuple(
            n for n in names if isinstance(record.get(n), str) and self.found_in(record[n])
        )

    def found_in(self, value: str) -> bool:
        return self.pattern.search(unicodedata.normalize("NFC", value)) is not None

    def redacted(self, value: str) -> str:
        return self.pattern.sub(MARK, unicodedata.normalize("NFC", value))

    def prefilter(self, column: Any) -> ColumnElement[bool]:
        """A LIKE on the stored JSON with the longest run of the string that JSON keeps as it
        is (lower-cased: SQLite's lower() knows only ASCII, which is all the run holds). Every
        match passes it; the exact test is `fields_of`."""
        runs = [run.lower() for run in _VERBATIM_RUN.findall(self.text) if len(run.strip()) >= 2]
        if not runs:
            return true()
        run = max(runs, key=len)
        escaped = run.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return func.lower(column).like(f"%{escaped}%", escape="\\")


def find_text(
    db: ServerDatabase, raw: str, *, actor: str, limit: int = MAX_LISTED
) -> tuple[list[TextMatch], int]:
    """The records whose free text mentions `raw` (at most `limit` of them, in id order) and how
    many there are in all. Audited with the count, not the text."""
    search = TextSearch.of(raw)
    matches: list[TextMatch] = []
    total = 0
    for stored in stored_records(db, search.prefilter(RECORDS.c.record)):
        fields = search.fields_of(stored.entity, stored.record)
        if fields:
            total += 1
            if len(matches) < limit:
                matches.append(_match(stored, fields))
    event = AuditEvent(actor, Action.TEXT_SEARCHED, status="done", count=total)
    audit.write(db, [event])
    return matches, total


@dataclass(frozen=True, slots=True)
class RedactionReport:
    dry_run: bool
    records: SweepTally
    answers_rewritten: int


def redact_text(
    db: ServerDatabase, raw: str, *, actor: str, dry_run: bool = False
) -> RedactionReport:
    """Replace `raw` (any case) with MARK in every record's free text, as new revisions, and in
    the stored push answers; with `dry_run` only count. Audited: an entry per record changed
    and one for the whole erasure, without the text."""
    search = TextSearch.of(raw)

    def decide(stored: StoredRecord) -> Rewrite | None:
        fields = search.fields_of(stored.entity, stored.record)
        values = {name: search.redacted(stored.record[name]) for name in fields}
        return Rewrite.of(stored, values, stored.deleted) if values else None

    tally = sweep(
        db,
        search.prefilter(RECORDS.c.record),
        decide,
        actor=actor,
        action=Action.TEXT_REDACTED,
        dry_run=dry_run,
    )
    answers = _rewrite_answers(db, search, dry_run)
    if not dry_run:
        summary = AuditEvent(
            actor,
            Action.TEXT_REDACTED,
            status="done",
            count=tally.changed,
            detail=f"answers_rewritten={answers}",
        )
        audit.write(db, [summary])
    return RedactionReport(dry_run, tally, answers)


def _rewrite_answers(db: ServerDatabase, search: TextSearch, dry_run: bool) -> int:
    """Redact the records quoted in stored push answers, a batch per transaction; how many
    answers changed."""
    count, after = 0, ""
    while True:
        with db.reading() if dry_run else db.transaction() as conn:
            rows = conn.execute(
                select(ANSWERS.c.change_id, ANSWERS.c.result)
                .where(search.prefilter(ANSWERS.c.result), ANSWERS.c.change_id > after)
                .order_by(ANSWERS.c.change_id)
                .limit(BATCH)
            ).all()
            rewritten = [
                {"b_change_id": row.change_id, "result": text}
                for row in rows
                if (text := _redacted_answer(search, row.result)) is not None
            ]
            if rewritten and not dry_run:
                conn.execute(
                    update(ANSWERS).where(ANSWERS.c.change_id == bindparam("b_change_id")),
                    rewritten,
                )
        count += len(rewritten)
        if len(rows) < BATCH:
            return count
        after = rows[-1].change_id


def _redacted_answer(search: TextSearch, stored: str) -> str | None:
    """The stored answer with its quoted record redacted; None when it does not mention it."""
    result = json.loads(stored)
    record = result.get("record")
    if not isinstance(record, dict):
        return None
    values = {
        name: search.redacted(value)
        for name, value in record.items()
        if name in _ALL_FREE_TEXT and isinstance(value, str) and search.found_in(value)
    }
    if not values:
        return None
    return _dumps({**result, "record": {**record, **values}})


def _match(stored: StoredRecord, fields: tuple[str, ...]) -> TextMatch:
    return TextMatch(
        stored.entity, stored.id, stored.revision, stored.deleted, fields, stored.record
    )


_dumps = json.JSONEncoder(separators=(",", ":")).encode
