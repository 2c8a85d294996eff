"""Applying a pushed batch: each change applied, merged, in conflict or rejected (PROTOCOL.md).

The whole request is one transaction: state is read in bulk, every change is decided in memory
in order (a later change sees an earlier one), then everything is written at once. A commit
that loses a race (the same change id or external id from another request, a deadlock or a
serialization failure) is retried whole, re-reading the state, so racing pushes never see a 5xx.
"""

from __future__ import annotations

import random
import re
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError

from est_desktop.domain.wire import dumps_json, wire_value
from est_desktop.server.access import (
    MEASURES_NOT_ALLOWED,
    NOT_YOURS,
    POLICE_SOURCE_NOT_ALLOWED,
    may_change,
    may_see,
)
from est_desktop.server.batch_state import BatchState, CurrentRecord
from est_desktop.server.database import ServerDatabase
from est_desktop.server.identity import User
from est_desktop.server.record_kinds import Bookkeeping, RecordKind
from est_desktop.server.unsafe_values import is_safe_text, unsafe_fields

MAX_ATTEMPTS = 6
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})  # serialization failure, deadlock

MESSAGES: dict[str, str] = {
    "entity": "Okänd posttyp: ange incident eller measure.",
    "op": "Okänd åtgärd: ange upsert eller delete.",
    "id": "Ogiltigt id: ange ett UUID.",
    "base_revision": "Ogiltig basrevision: ange null eller ett heltal som är 0 eller större.",
    "future_base": "Basrevisionen {base} är nyare än postens revision {revision}.",
    "fields": "Fälten ska vara ett objekt med fältnamn och värden.",
    "change_id": "Ändrings-id:t används redan av en annan användare.",
    "external_id": "Det externa id:t {external_id} finns redan för källan {source}.",
}
# Called inside a push's transaction with its results, after its records are written.
OnWrite = Callable[[Connection, list[dict[str, Any]]], None]


class Pusher:
    """Decides and stores pushed changes; one instance serves every request (thread-safe)."""

    def __init__(
        self,
        db: ServerDatabase,
        kinds: Mapping[str, RecordKind],
        clock: Callable[[], datetime],
    ) -> None:
        self._db = db
        self._kinds = kinds
        self._clock = clock

    def push(
        self, user: User, changes: list[dict[str, Any]], on_write: OnWrite | None = None
    ) -> PushResults:
        """One result per change, in order, all decided and stored in one transaction.

        `on_write(conn, results)` runs inside that transaction once everything is written (the
        audit log's entries), so they commit together or not at all, again on a retry.
        """
        for attempt in range(MAX_ATTEMPTS):
            try:
                with self._db.transaction() as conn:
                    state = BatchState.load(conn, *_lookups(changes))
                    now = self._clock().astimezone(UTC).replace(microsecond=0)
                    batch = _Batch(self._kinds, user, now, state)
                    results = PushResults([batch.decide(change) for change in changes])
                    state.write(conn)
                    if on_write is not None:
                        on_write(conn, results)
                return results
            except DBAPIError as error:
                if attempt == MAX_ATTEMPTS - 1 or not _is_retryable(error):
                    raise
                time.sleep(random.uniform(0.002, 0.02) * 2**attempt)  # let the winner commit
        raise AssertionError("unreachable")


class PushResults(list[dict[str, Any]]):
    """One result per change, in order, with the JSON text each was given when it was decided
    (the stored record's text spliced in), so the HTTP answer is not encoded a second time."""

    def __init__(self, decided: list[tuple[dict[str, Any], str]]) -> None:
        super().__init__(result for result, _ in decided)
        self._texts = [text for _, text in decided]

    def to_json(self) -> bytes:
        """The push answer's body: `{"results": [...]}`."""
        return ('{"results":[' + ",".join(self._texts) + "]}").encode()


def answer_body(results: list[dict[str, Any]]) -> bytes:
    """The push answer's body for `results`, using their JSON text when it is at hand."""
    if isinstance(results, PushResults):
        return results.to_json()
    return dumps_json({"results": results}).encode()


class _Batch:
    """The decisions of one request against its in-memory state."""

    def __init__(
        self, kinds: Mapping[str, RecordKind], user: User, now: datetime, state: BatchState
    ) -> None:
        self._kinds = kinds
        self._user = user
        self._now = now
        self._wire_now = wire_value(now)
        self._state = state

    def decide(self, change: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
        """The result of `change` as the answer carries it, and its JSON text."""
        sent_change_id = change["change_id"]
        change_id = _change_key(sent_change_id)
        known = self._state.answers.get(change_id)
        if known is not None:
            if known.username != self._user.username:
                record_id = _canonical_uuid(change.get("id"))
                return _result(sent_change_id, record_id, "rejected", None, None, "change_id")
            result, text = known.replay(), known.result_json
        else:
            result, text = self._evaluate(change_id, change)
            self._state.answer(change_id, self._user.username, result, text, self._now)
        # The answer names the change id as sent; the stored text has its canonical form.
        answered = {**result, "change_id": sent_change_id}
        return answered, text if sent_change_id == change_id else dumps_json(answered)

    def _evaluate(self, change_id: str, change: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
        record_id = _canonical_uuid(change.get("id"))

        def rejected(errors: dict[str, str] | str, revision: int | None = None) -> Any:
            return _result(change_id, record_id, "rejected", revision, None, errors)

        entity, op = change.get("entity"), change.get("op")
        kind = self._kinds.get(entity) if isinstance(entity, str) else None
        if kind is None:
            return rejected("entity")
        if op not in ("upsert", "delete") or not isinstance(op, str):
            return rejected("op")
        if record_id is None:
            return rejected("id")
        base = change.get("base_revision")
        if base is not None and (isinstance(base, bool) or not isinstance(base, int) or base < 0):
            return rejected("base_revision")
        fields = change.get("fields")
        if not isinstance(fields, dict) and not (op == "delete" and fields is None):
            return rejected("fields")

        current = self._state.records.get(record_id)
        if current is None or current.entity != kind.entity:
            if current is not None or op == "delete" or base is not None:
                return rejected({"id": NOT_YOURS})  # the same whether or not the id exists
            return self._create(kind, change_id, record_id, fields)
        if not may_see(self._user, current.entity, current.source):
            return rejected({"id": NOT_YOURS})
        if not may_change(self._user, current.entity, current.source, current.organisation):
            return rejected({"id": NOT_YOURS}, current.revision)
        if base is not None and base > current.revision:
            message = MESSAGES["future_base"].format(base=base, revision=current.revision)
            return rejected({"base_revision": message}, current.revision)
        if op == "delete":
            return self._delete(change_id, current, base)
        return self._update(kind, change_id, current, base, fields)

    def _create(
        self, kind: RecordKind, change_id: str, record_id: str, fields: Mapping[str, Any]
    ) -> tuple[dict[str, Any], str]:
        if kind.needs_manager and not self._user.manages_measures:
            return _result(
                change_id, record_id, "rejected", None, None, {"entity": MEASURES_NOT_ALLOWED}
            )
        values, errors = self._parse(kind, fields)
        for name in kind.required:
            if name not in values and name not in errors:
                errors[name] = kind.required_message
        if not errors:
            draft = kind.created(values)
            errors = self._rule_errors(kind, record_id, draft, None, set(values))
        if errors:
            return _result(change_id, record_id, "rejected", None, None, errors)
        username, now = self._user.username, self._wire_now
        book = Bookkeeping(1, False, self._user.organisation, now, username, now, username)
        record = kind.to_wire(record_id, draft, book)
        current = CurrentRecord(
            id=record_id,
            entity=kind.entity,
            revision=1,
            deleted=False,
            source=kind.source(draft),
            organisation=self._user.organisation,
            external_id=kind.external_id(draft),
            record=record,
            record_json=dumps_json(record),
            field_revisions={},
            in_database=False,
            draft=draft,
        )
        self._state.put(current)
        return self._answer(change_id, "applied", current)

    def _update(
        self,
        kind: RecordKind,
        change_id: str,
        current: CurrentRecord,
        base: int | None,
        fields: Mapping[str, Any],
    ) -> tuple[dict[str, Any], str]:
        if base is None or (current.deleted and current.revision > base):
            return self._answer(change_id, "conflict", current)
        values, errors = self._parse(kind, fields)
        if errors:
            return _result(change_id, current.id, "rejected", current.revision, None, errors)
        if current.draft is None:
            current.draft = kind.draft_of(current.record)
        old = current.draft
        # Setting a field to the value it already has changes nothing and conflicts with nothing.
        changed = {name for name, value in values.items() if getattr(old, name) != value}
        if any(current.field_revision(name) > base for name in changed):
            return self._answer(change_id, "conflict", current)
        if not changed and not current.deleted:
            return self._answer(change_id, "applied", current)
        draft = kind.merged(old, values, old)
        if errors := self._rule_errors(kind, current.id, draft, old, changed):
            return _result(change_id, current.id, "rejected", current.revision, None, errors)
        revision = current.revision + 1
        touched = {name for name in kind.fields if getattr(draft, name) != getattr(old, name)}
        book = replace(
            Bookkeeping.of(current.record),
            revision=revision,
            deleted=False,
            updated_at=self._wire_now,
            updated_by=self._user.username,
        )
        record = kind.to_wire(current.id, draft, book)
        updated = replace(
            current,
            revision=revision,
            deleted=False,
            source=kind.source(draft),
            external_id=kind.external_id(draft),
            record=record,
            record_json=dumps_json(record),
            field_revisions={**current.field_revisions, **dict.fromkeys(touched, revision)},
            draft=draft,
        )
        self._state.put(updated)
        return self._answer(change_id, "merged" if current.revision > base else "applied", updated)

    def _delete(
        self, change_id: str, current: CurrentRecord, base: int | None
    ) -> tuple[dict[str, Any], str]:
        if current.deleted:
            return self._answer(change_id, "applied", current)
        if base is None or current.revision > base:
            return self._answer(change_id, "conflict", current)
        revision = current.revision + 1
        record = {
            **current.record,
            "revision": revision,
            "deleted": True,
            "updated_at": self._wire_now,
            "updated_by": self._user.username,
        }
        tombstone = replace(
            current, revision=revision, deleted=True, record=record, record_json=dumps_json(record)
        )
        self._state.put(tombstone)
        return self._answer(change_id, "applied", tombstone)

    def _parse(
        self, kind: RecordKind, fields: Mapping[str, Any]
    ) -> tuple[dict[str, Any], dict[str, str]]:
        errors = unsafe_fields(fields)
        if errors:
            fields = {k: v for k, v in fields.items() if k not in errors}
        values, problems = kind.parse(fields)
        return values, {**problems, **errors}

    def _rule_errors(
        self, kind: RecordKind, record_id: str, draft: Any, old: Any | None, changed: set[str]
    ) -> dict[str, str]:
        """Problems of `draft` that this change causes: in the fields it changes, or new ones
        (a rule between fields); an old problem in a field it leaves alone does not block it."""
        before = {(p.field, p.code) for p in kind.check(old, self._now)} if old else set()
        errors: dict[str, str] = {}
        for problem in kind.check(draft, self._now):
            if problem.field in changed or (problem.field, problem.code) not in before:
                errors.setdefault(problem.field, problem.message)
        source = kind.source(draft)
        if not may_see(self._user, kind.entity, source):
            errors["source"] = POLICE_SOURCE_NOT_ALLOWED
        external_id = kind.external_id(draft)
        if external_id is not None:
            owner = self._state.external_ids.get((kind.entity, source, external_id))
            if owner is not None and owner != record_id:
                message = MESSAGES["external_id"].format(external_id=external_id, source=source)
                errors["external_id"] = message
        return errors

    def _answer(
        self, change_id: str, status: str, current: CurrentRecord
    ) -> tuple[dict[str, Any], str]:
        return _result(change_id, current.id, status, current.revision, current, {})


def _result(
    change_id: str,
    record_id: str | None,
    status: str,
    revision: int | None,
    current: CurrentRecord | None,
    errors: dict[str, str] | str,
) -> tuple[dict[str, Any], str]:
    """The result object and its JSON text (the stored record's text spliced in, not re-encoded).

    `errors` may name a field of MESSAGES instead of giving the map.
    """
    if isinstance(errors, str):
        errors = {errors: MESSAGES[errors]}
    result = {
        "change_id": change_id,
        "id": record_id,
        "status": status,
        "revision": revision,
        "record": current.record if current else None,
        "errors": errors,
    }
    # Every part but the errors is the server's own text (ids are canonical UUIDs): no encoder.
    text = (
        f'{{"change_id":"{change_id}","id":{_quoted(record_id)},'
        f'"status":"{status}","revision":{"null" if revision is None else revision},'
        f'"record":{current.record_json if current else "null"},'
        f'"errors":{dumps_json(errors) if errors else "{}"}}}'
    )
    return result, text


def _quoted(text: str | None) -> str:
    return "null" if text is None else f'"{text}"'


def _lookups(changes: list[dict[str, Any]]) -> tuple[list[str], list[str], list[str]]:
    """The record ids, change ids and external ids the batch mentions, for the bulk reads."""
    record_ids, change_ids, external_ids = [], [], []
    for change in changes:
        change_ids.append(_change_key(change["change_id"]))
        if (record_id := _canonical_uuid(change.get("id"))) is not None:
            record_ids.append(record_id)
        fields = change.get("fields")
        external = fields.get("external_id") if isinstance(fields, dict) else None
        if isinstance(external, str) and is_safe_text(external):  # else rejected, not looked up
            external_ids.append(external)
    return record_ids, change_ids, external_ids


def _change_key(change_id: str) -> str:
    """The canonical form of a change id (the caller has checked that it is a UUID)."""
    return _canonical_uuid(change_id) or str(uuid.UUID(change_id))


def _canonical_uuid(raw: object) -> str | None:
    if not isinstance(raw, str) or len(raw) > 45:
        return None
    if _CANONICAL_UUID.fullmatch(raw):
        return raw  # the usual case, without parsing
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        return None


def _is_retryable(error: DBAPIError) -> bool:
    if isinstance(error, IntegrityError):
        return True  # a racing request took the change id, record id or external id first
    sqlstate = getattr(error.orig, "sqlstate", None)
    return sqlstate in RETRYABLE_SQLSTATES or "database is locked" in str(error.orig)
