"""The store step of an import: a preview of what would happen, then an all-or-nothing commit.

Parsing (`police_csv`, `police_events`) never touches the store; this module never reads files.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import (
    Incident,
    IncidentDraft,
    LocationPrecision,
    Source,
)
from est_desktop.domain.language import translate
from est_desktop.domain.validation import check_incident
from est_desktop.importers.bulk_work import cyclic_gc_paused
from est_desktop.importers.category_map import UNMAPPED
from est_desktop.importers.rows import ImportFormat, ParsedImport
from est_desktop.store.database import Store
from est_desktop.store.external_ids import present_external_ids, records_by_external_id
from est_desktop.store.incident_bulk import insert_drafts, list_indexes_deferred
from est_desktop.store.incidents import IncidentRepository

POLICE_ORGANISATION = "polisen"
# Validation problems that only say "not in Borås": counted apart from real rejections.
_OUTSIDE = frozenset({"lat_outside", "lon_outside"})
# What a newer version of a feed event may change; the rest may have been edited here since.
_FEED_FIELDS = ("occurred_at", "time_precision", "category", "description")
_PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]  # (done, total)
DistrictOf = Callable[[float, float], str | None]


class ImportCancelledError(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True, slots=True)
class Rejection:
    line: int
    reason: str  # Swedish, for the user


@dataclass(frozen=True, slots=True)
class Update:
    """A feed event seen again in a newer version: the stored record and what changes."""

    stored: Incident
    changed: dict[str, object]


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What a commit would do. `read` counts the file's rows; the rest count records (a CSV row
    with several crimes gives several), each record in exactly one of them."""

    format: ImportFormat
    read: int
    new: tuple[IncidentDraft, ...]
    updates: tuple[Update, ...]
    already_imported: int
    duplicates: int  # the same external id again in the same file
    outside: int  # outside the service area (or another municipality)
    skipped: int  # not incidents: summaries of the night
    superseded: int  # older versions of a feed event the file also holds newer
    rejected: tuple[Rejection, ...]

    @property
    def unmapped(self) -> int:
        """Rows to be written whose crime type has no EST category: they land in "Omappad"."""
        categories = [d.category for d in self.new] + [
            str(u.changed.get("category", u.stored.category)) for u in self.updates
        ]
        return categories.count(UNMAPPED)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    already_imported: int  # imported by someone else between preview and commit


@cyclic_gc_paused()
def preview(
    store: Store,
    parsed: ParsedImport,
    *,
    taxonomy: Taxonomy | None = None,
    now: datetime | None = None,
) -> ImportPreview:
    """Sort every parsed row into what would become of it; writes nothing. Any thread."""
    taxonomy = taxonomy or Taxonomy.load()
    now = now or datetime.now(UTC)
    rejected: list[Rejection] = []
    outside = skipped = duplicates = 0
    candidates: dict[str, IncidentDraft] = {}
    for row in parsed.rows:
        if row.skipped:
            skipped += 1
        elif row.outside:
            outside += 1
        elif row.draft is None:
            rejected.append(Rejection(row.line, row.reason))
        elif problems := check_incident(row.draft, taxonomy, now):
            if {p.code for p in problems} <= _OUTSIDE:
                outside += 1
            else:
                reason = " ".join(p.message for p in problems)
                rejected.append(Rejection(row.line, f"{row.draft.external_id}: {reason}"))
        elif row.draft.external_id in candidates:
            duplicates += 1
        else:
            candidates[row.draft.external_id or ""] = _as_stored(row.draft)
    with store.reading() as conn:
        present = present_external_ids(conn, Source.POLICE.value, candidates)
        # Only the feed's updates need the stored records; a CSV re-import just counts them.
        stored = records_by_external_id(
            conn, Source.POLICE.value, present if parsed.updates_by_id else ()
        )
    repository = IncidentRepository(store)
    new, updates, already = [], [], 0
    for external_id, draft in candidates.items():
        if external_id not in present:
            new.append(draft)
            continue
        if parsed.updates_by_id:
            current = repository.get(stored[external_id])
            if (
                current is not None
                and not current.deleted
                and (changed := _changes(current, draft))
            ):
                updates.append(Update(current, changed))
                continue
        already += 1
    return ImportPreview(
        format=parsed.format,
        read=parsed.read,
        new=tuple(new),
        updates=tuple(updates),
        already_imported=already,
        duplicates=duplicates,
        outside=outside,
        skipped=skipped,
        superseded=parsed.superseded,
        rejected=tuple(rejected),
    )


WRITE_BATCH = 2_000  # rows per statement: progress stays live, memory stays small


@cyclic_gc_paused()
def commit(
    store: Store,
    preview: ImportPreview,
    actor: Actor,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
    *,
    district_of: DistrictOf | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> ImportResult:
    """Write the preview's new records and updates in one transaction: all or nothing.

    New records go through the store's bulk write path (`incident_bulk.insert_drafts`: row
    and sync outbox entry together), in order of occurrence, with their district, organisation
    "polisen" and source "police"; updates through its ordinary one. A set `cancelled` event
    rolls everything back (`ImportCancelledError`). Runs on a worker thread; `progress` gets
    numbers only.
    """
    if district_of is None:
        from est_desktop.geo.district_lookup import DistrictLookup

        district_of = DistrictLookup.default().district_at
    now = clock().replace(microsecond=0)
    total = len(preview.new) + len(preview.updates)
    repository = IncidentRepository(store)
    added = 0
    with store.transaction() as conn:
        # Another import may have brought some of them in since the preview.
        present = present_external_ids(
            conn, Source.POLICE.value, [d.external_id or "" for d in preview.new]
        )
        # New records in batches, each one statement for the rows and one for their outbox
        # entries; progress and cancel between batches.
        fresh = [d for d in preview.new if d.external_id not in present]
        # In order of occurrence: the store's time-ordered indexes then take them as appends.
        fresh.sort(key=_occurred_at)
        raced = len(preview.new) - len(fresh)
        with list_indexes_deferred(conn, len(fresh)):
            for first in range(0, len(fresh), WRITE_BATCH):
                _tick(first, total, progress, cancelled)
                batch = fresh[first : first + WRITE_BATCH]
                insert_drafts(
                    conn,
                    batch,
                    [_district(d, district_of) for d in batch],
                    organisation=POLICE_ORGANISATION,
                    by=actor.username,
                    at=now,
                )
                added += len(batch)
        for done, update in enumerate(preview.updates, start=len(preview.new)):
            _tick(done, total, progress, cancelled)
            incident = replace(
                update.stored, **update.changed, updated_at=now, updated_by=actor.username
            )
            repository.update(conn, incident, update.changed)
    if progress is not None:
        progress(total, total)
    return ImportResult(added, len(preview.updates), raced)


def summary_lines(preview: ImportPreview) -> list[str]:
    """The preview's counts in the user's language, as the import dialog and the command line
    show them."""
    lines = [
        translate("Import", "Lästa: {count}").format(count=preview.read),
        translate("Import", "Nya: {count}").format(count=len(preview.new)),
        translate("Import", "Redan importerade: {count}").format(count=preview.already_imported),
        translate("Import", "Utanför kommunen: {count}").format(count=preview.outside),
        translate("Import", "Avvisade: {count}").format(count=len(preview.rejected)),
        translate("Import", "Omappad kategori: {count}").format(count=preview.unmapped),
    ]
    optional = (
        (translate("Import", "Uppdaterade: {count}"), len(preview.updates)),
        (translate("Import", "Dubbletter i filen: {count}"), preview.duplicates),
        (translate("Import", "Äldre versioner i filen: {count}"), preview.superseded),
        (translate("Import", "Sammanfattningar (inga händelser): {count}"), preview.skipped),
    )
    lines[2:2] = [text.format(count=count) for text, count in optional if count]
    row = translate("Import", "  rad {line}: {reason}")
    lines += [row.format(line=r.line, reason=r.reason) for r in preview.rejected]
    return lines


def _district(draft: IncidentDraft, district_of: DistrictOf) -> str | None:
    """None for a record placed only at the municipality's centre: it belongs to no district."""
    if draft.location_precision == LocationPrecision.MUNICIPALITY:
        return None
    return district_of(draft.lat, draft.lon)  # type: ignore[arg-type]  # checked in the preview


def _changes(current: Incident, draft: IncidentDraft) -> dict[str, object]:
    changed = {
        name: getattr(draft, name)
        for name in _FEED_FIELDS
        if getattr(draft, name) != getattr(current, name)
    }
    if changed.get("category") == UNMAPPED:
        del changed["category"]  # a category set here by hand wins over "not mapped"
    return changed


def _tick(
    done: int, total: int, progress: Progress | None, cancelled: threading.Event | None
) -> None:
    if done % _PROGRESS_EVERY:
        return
    if cancelled is not None and cancelled.is_set():
        raise ImportCancelledError(translate("Import", "Importen avbröts; inget sparades."))
    if progress is not None:
        progress(done, total)


def _as_stored(draft: IncidentDraft) -> IncidentDraft:
    """The draft as the store will hold it (whole seconds, trimmed text, source "police"), so
    the preview compares and the commit writes just that. Parsers mostly give it already: then
    no copy is made."""
    start, until = draft.occurred_at, draft.occurred_until
    if (
        draft.source is Source.POLICE
        and (start is None or not start.microsecond)
        and (until is None or not until.microsecond)
        and draft.description == draft.description.strip()
        and draft.place_name == draft.place_name.strip()
    ):
        return draft
    return replace(
        draft,
        occurred_at=start.replace(microsecond=0) if start else None,
        occurred_until=until.replace(microsecond=0) if until else None,
        description=draft.description.strip(),
        place_name=draft.place_name.strip(),
        source=Source.POLICE,
    )


def _occurred_at(draft: IncidentDraft) -> datetime:
    return draft.occurred_at  # type: ignore[return-value]  # checked in the preview
